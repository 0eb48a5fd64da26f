#!/usr/bin/env node
// Images cannot be built on these machines, so this checks what can be checked without Docker:
// every path the Dockerfile, compose.yaml and the Kubernetes example name exists (build outputs
// after `npm run build`), every command they run is a script or file of this repository, every
// environment variable they set is one the API reads, every probe path is a route of the API's
// OpenAPI document, and README names the same files, probes and settings.
// Usage: node tools/containers/check.mjs   (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), 'utf8');
const problems = [];
let checks = 0;
const expect = (ok, message) => {
  checks++;
  if (!ok) problems.push(message);
};

// What the API reads: every env['X'] / int(env, 'X' / bool(env, 'X' in the config module.
const configSource = read('apps/api/src/config/app-config.ts');
const settings = new Set([...configSource.matchAll(/env\['([A-Z_]+)'\]|(?:int|bool)\(env, '([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
// Set in the image for Node itself, not read by the config module.
const RUNTIME = new Set(['NODE_ENV', 'NODE_OPTIONS']);
const knownSetting = (name) => settings.has(name) || RUNTIME.has(name);
const scripts = JSON.parse(read('package.json')).scripts;

// The API's routes, from its own OpenAPI document.
const dir = mkdtempSync(join(tmpdir(), 'flexdesk-containers-'));
let paths;
try {
  execFileSync(process.execPath, ['dist/apps/api/main.js', 'openapi', join(dir, 'openapi.json')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  paths = Object.keys(JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')).paths);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const isRoute = (p) => paths.includes(p);

// --- Dockerfile
const dockerfile = read('Dockerfile');
const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\w+)/gm)].map((m) => m[1]));
for (const [, flags, args] of dockerfile.matchAll(/^COPY((?: --[\w-]+=\S+)*) (.+)$/gm)) {
  const parts = args.trim().split(/\s+/);
  const sources = parts.slice(0, -1);
  const from = /--from=(\w+)/.exec(flags)?.[1];
  if (from) {
    expect(stages.has(from), `Dockerfile: COPY --from=${from} names no stage`);
    // The build and deps stages work in /app on a copy of this repository.
    for (const s of sources) {
      const inRepo = s.replace(/^\/app\//, '');
      if (inRepo === 'node_modules') continue;
      expect(existsSync(join(root, inRepo)), `Dockerfile: ${s} from stage ${from} does not exist after npm run build`);
    }
  } else {
    for (const s of sources) expect(s === '.' || existsSync(join(root, s)), `Dockerfile: COPY source ${s} does not exist`);
  }
}
for (const [, script] of dockerfile.matchAll(/npm run (\S+)/g)) expect(script in scripts, `Dockerfile: npm run ${script} is no script`);
for (const [, file] of dockerfile.matchAll(/^CMD \["node", "([^"]+)"\]/gm)) expect(existsSync(join(root, file)), `Dockerfile: CMD runs ${file}, which the build does not produce`);
expect(/^USER (?!root)\w+/m.test(dockerfile), 'Dockerfile: the image must not run as root');
expect(/^HEALTHCHECK /m.test(dockerfile), 'Dockerfile: no HEALTHCHECK');
expect(/npm ci --omit=dev/.test(dockerfile), 'Dockerfile: the image must install production dependencies only');
for (const [, path] of dockerfile.matchAll(/(\/api\/health[\w/]*)/g)) expect(isRoute(path), `Dockerfile: ${path} is no route`);
// The final stage's ENV is the image's configuration (build stages may set tool variables).
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const envBlock = /^ENV ((?:.|\\\n)+?)(?<!\\)$/gm;
for (const [, block] of finalStage.matchAll(envBlock)) {
  for (const [, name] of block.matchAll(/([A-Z_]+)=/g)) expect(knownSetting(name), `Dockerfile: ENV ${name} is not read by the API`);
}

// --- compose.yaml
const compose = read('compose.yaml');
expect(/image: postgres:16\b/.test(compose), 'compose.yaml: PostgreSQL 16 expected');
expect(/^\s+build: \.$/m.test(compose) && existsSync(join(root, 'Dockerfile')), 'compose.yaml: builds the Dockerfile');
const apiServices = [...compose.matchAll(/^ {2}(api-\d+): \*api$/gm)].map((m) => m[1]);
expect(apiServices.length >= 2, 'compose.yaml: at least two API replicas');
for (const [, host] of compose.matchAll(/- \.\/([^:]+):/g)) expect(existsSync(join(root, host)), `compose.yaml: mounts ${host}, which does not exist`);
const apiEnv = /x-api: &api[\s\S]*?environment:\n((?: {4}\w+: .*\n)+)/.exec(compose)?.[1] ?? '';
expect(apiEnv.length > 0, 'compose.yaml: the API environment block was not found');
for (const [, name] of apiEnv.matchAll(/^ {4}([A-Z_]+):/gm)) expect(knownSetting(name), `compose.yaml: ${name} is not read by the API`);
const nginx = read('deploy/nginx.conf');
for (const [, upstream] of nginx.matchAll(/server (api-\d+):3000/g)) expect(apiServices.includes(upstream), `deploy/nginx.conf: upstream ${upstream} is no compose service`);
expect(apiServices.every((s) => nginx.includes(`${s}:3000`)), 'deploy/nginx.conf: every API service is an upstream');

// --- Kubernetes
const k8s = read('deploy/kubernetes/flexdesk.yaml');
expect(Number(/replicas: (\d+)/.exec(k8s)?.[1]) >= 2, 'kubernetes: at least two replicas');
for (const kind of ['Secret', 'Deployment', 'Service']) expect(new RegExp(`^kind: ${kind}$`, 'm').test(k8s), `kubernetes: no ${kind}`);
for (const [, name] of k8s.matchAll(/- name: ([A-Z_]+)\n/g)) expect(knownSetting(name), `kubernetes: ${name} is not read by the API`);
const secretKeys = new Set([.../stringData:\n((?: {2}\w+: .*\n)+)/.exec(k8s)?.[1].matchAll(/^ {2}(\w+):/gm) ?? []].map((m) => m[1]));
for (const [, key] of k8s.matchAll(/key: (\w+)/g)) expect(secretKeys.has(key), `kubernetes: secret key ${key} is not in the Secret`);
expect(secretKeys.has('DATABASE_URL'), 'kubernetes: DATABASE_URL comes from the Secret');
for (const probe of ['readinessProbe', 'livenessProbe']) {
  const path = new RegExp(`${probe}:\\n\\s+httpGet:\\n\\s+path: (\\S+)`).exec(k8s)?.[1];
  expect(path && isRoute(path), `kubernetes: ${probe} path ${path} is no route`);
}

// --- README
const readme = read('README.md');
for (const file of ['Dockerfile', 'compose.yaml', 'deploy/kubernetes/flexdesk.yaml', 'deploy/nginx.conf']) {
  expect(readme.includes(file), `README does not mention ${file}`);
}
for (const path of ['/api/health/live', '/api/health/ready', '/metrics']) expect(readme.includes(path), `README does not mention ${path}`);
const table = new Set([...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
for (const name of settings) expect(table.has(name), `README configuration table lacks ${name}`);
for (const name of table) expect(settings.has(name), `README configuration table lists ${name}, which the API does not read`);
for (const command of ['npm run backup', 'npm run restore', 'pg_dump', 'pg_restore']) expect(readme.includes(command), `README does not mention ${command}`);

for (const p of problems) console.log(`FAIL ${p}`);
console.log(`containers: ${checks} checks over Dockerfile, compose.yaml, deploy/ and README`);
console.log(`${checks - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
