// JSON Schemas of every type in libs/shared/contracts, for the OpenAPI document's components.
// `node tools/openapi/contract-schemas.mjs` rewrites apps/api/src/openapi/contract-schemas.json;
// `--check` fails when the committed file is out of date (CI and a unit spec run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT = join(root, 'apps/api/src/openapi/contract-schemas.json');

export function generateContractSchemas() {
  const schema = createGenerator({
    path: join(root, 'libs/shared/contracts/src/index.ts'),
    tsconfig: join(root, 'libs/shared/contracts/tsconfig.lib.json'),
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    sortProps: true,
    additionalProperties: true,
    skipTypeCheck: true,
  }).createSchema('*');
  // Exported functions (`can`, ...) come out as `$comment`-ed call signatures: not wire types.
  const types = Object.fromEntries(
    Object.entries(schema.definitions ?? {}).filter(([, s]) => !(typeof s === 'object' && s.$comment?.includes('=>'))),
  );
  // OpenAPI keeps schemas under components, not JSON Schema's definitions.
  const text = JSON.stringify(types, null, 2).replace(/#\/definitions\//g, '#/components/schemas/');
  return `${text}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = generateContractSchemas();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUTPUT, 'utf8');
    if (committed !== fresh) {
      console.error('apps/api/src/openapi/contract-schemas.json is out of date: run `npm run openapi:schemas`');
      process.exit(1);
    }
    console.log('contract schemas are up to date');
  } else {
    writeFileSync(OUTPUT, fresh);
    console.log(`wrote ${Object.keys(JSON.parse(fresh)).length} schemas to ${OUTPUT}`);
  }
}
