#!/usr/bin/env node
// Idle memory of an embedded server: resident set size (VmRSS) of the API process, started on a
// fresh data folder (creates and seeds the demo) and started again on the same folder, each after a
// short warm-up (sign-in, buildings, a floor's availability, an event stream) and 10 s of rest.
// Budget from issue #15: <= 250 MiB. Usage: npm run bench:memory   (builds the API first)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { get, login, startApi, stopAll } from '../lib/api-process.mjs';
import { rssMiB } from './proc.mjs';

const BUDGET_MIB = 250;
// The server as `npm start` runs it: with the Node options its script gives (package.json).
const START = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start;
const NODE_ARGS = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/apps\/api\/main\.js/.exec(START)?.[1].trim().split(' ').filter(Boolean);
if (!NODE_ARGS) throw new Error(`no "node … dist/apps/api/main.js" in the start script: ${START}`);

async function measure(label, env) {
  const { base, child } = await startApi(env, NODE_ARGS);
  const started = rssMiB(child.pid);
  const token = await login(base, 'employee@example.com');
  const buildings = await get(base, token, '/api/buildings');
  const date = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
  for (const f of buildings.flatMap((b) => b.floors)) await get(base, token, `/api/floors/${f.id}/availability?date=${date}`);
  const stream = new AbortController();
  await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: stream.signal }).catch(() => null);
  stream.abort();
  await sleep(10_000);
  const idle = rssMiB(child.pid);
  await stopAll();
  console.log(`${label.padEnd(34)} RSS after start ${started.toFixed(0).padStart(4)} MiB, idle after warm-up ${idle.toFixed(0).padStart(4)} MiB`);
  return idle;
}

const dataDir = mkdtempSync(join(tmpdir(), 'flexdesk-memory-'));
let code = 1;
try {
  const env = { DATABASE_URL: '', DATA_DIR: dataDir, JOBS_INTERVAL_SECONDS: '60' };
  const first = await measure('embedded, first start (seeds demo)', env);
  const again = await measure('embedded, restart on the same data', env);
  const worst = Math.max(first, again);
  console.log(`node options as in npm start: ${NODE_ARGS.join(' ') || 'none'}`);
  console.log(`idle RSS ${worst.toFixed(0)} MiB of a ${BUDGET_MIB} MiB budget (${(worst / BUDGET_MIB).toFixed(2)}x): ${worst <= BUDGET_MIB ? 'within' : 'OVER'}`);
  code = worst <= BUDGET_MIB ? 0 : 1;
} catch (e) {
  console.error(e);
} finally {
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
