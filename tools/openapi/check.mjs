// The API's contract, checked end to end (CI runs it after `npm run build`):
// 1. the committed contract schemas match libs/shared/contracts;
// 2. the built API writes its OpenAPI document, which must validate against the OpenAPI 3.1 schema;
// 3. openapi-typescript generates types from it, and a small typed client (client.ts) that uses them
//    together with the contracts' own types must compile: if the document drifts from the code,
//    this step fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = join(root, 'tmp/openapi');
mkdirSync(out, { recursive: true });
const step = (s) => console.log(`openapi: ${s}`);

step('contract schemas are up to date');
execFileSync(process.execPath, [join(here, 'contract-schemas.mjs'), '--check'], { stdio: 'inherit' });

step('export the document from the built API');
const documentFile = join(out, 'openapi.json');
execFileSync(process.execPath, [join(root, 'dist/apps/api/main.js'), 'openapi', documentFile], {
  stdio: 'inherit',
  env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
});
const document = JSON.parse(readFileSync(documentFile, 'utf8'));

step(`validate against the OpenAPI ${document.openapi} schema`);
const validator = new Validator();
const result = await validator.validate(document);
if (!result.valid) {
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}

step('generate types and compile the typed client');
writeFileSync(join(here, 'generated/api.d.ts'), astToString(await openapiTS(document)));
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], {
  stdio: 'inherit',
});
const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
step(`ok: ${operations} operations, ${Object.keys(document.components.schemas).length} schemas`);
