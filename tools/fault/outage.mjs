#!/usr/bin/env node
// Database outages under load, against a PostgreSQL server: the API process reaches the database
// through a TCP proxy this script controls, while 8 clients read and book.
//   1. every backend of the database is terminated (pg_terminate_backend), twice;
//   2. the proxy refuses connections for 3 s.
// Passes when every answer is a success, a business 4xx or a 503 DATABASE_UNAVAILABLE with
// Retry-After (no 500), every answer during the cut is 503, no request takes longer than 5 s, and
// the API serves again within 1 s after the database is back.
// Usage: DATABASE_URL=postgres://…/empty_db node tools/fault/outage.mjs   (after `npm run build`)
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { login, startApi, stopAll } from '../lib/api-process.mjs';
import { TcpProxy } from '../lib/tcp-proxy.mjs';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  // The embedded database lives inside the API process: it has no connections to refuse.
  console.log('outage: skipped, it needs a PostgreSQL server (DATABASE_URL naming an empty database)');
  process.exit(0);
}
const CLIENTS = 8;
const CUT_MS = 3_000;
const HANG_MS = 5_000;
const RECOVERY_MS = 1_000;

const log = []; // { at, ms, status, code, retryAfter }
async function request(base, token, method, path, body) {
  const at = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HANG_MS * 2);
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: controller.signal,
    });
    const text = await res.text();
    const code = res.headers.get('content-type')?.includes('problem') ? JSON.parse(text).code : null;
    log.push({ at, end: performance.now(), ms: performance.now() - at, status: res.status, code, retryAfter: res.headers.get('retry-after') });
  } catch (e) {
    log.push({ at, end: performance.now(), ms: performance.now() - at, status: 0, code: String(e.name) });
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const { proxy, url } = await TcpProxy.forUrl(DATABASE_URL);
  const { base } = await startApi({ DATABASE_URL: url, SEED_DEMO: 'true', JOBS_INTERVAL_SECONDS: '0' });
  const token = await login(base, 'admin@example.com');
  const buildings = await (await fetch(`${base}/api/buildings`, { headers: { authorization: `Bearer ${token}` } })).json();
  const floor = buildings[0].floors[0];
  let date = '';
  for (let d = 1; !date; d++) {
    const candidate = new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${candidate}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) date = candidate;
  }
  const spaces = (await (await fetch(`${base}/api/floors/${floor.id}`, { headers: { authorization: `Bearer ${token}` } })).json()).spaces
    .filter((s) => s.kind === 'desk' && s.bookable && !s.restrictedToGroupIds.length);
  const people = (await (await fetch(`${base}/api/users?query=example`, { headers: { authorization: `Bearer ${token}` } })).json()).map((p) => p.id);

  const stop = { done: false };
  let i = 0;
  const worker = async () => {
    while (!stop.done) {
      const n = i++;
      if (n % 3 === 0) await request(base, token, 'GET', '/api/buildings');
      else if (n % 3 === 1) await request(base, token, 'GET', `/api/floors/${floor.id}/availability?date=${date}`);
      else {
        const body = { spaceId: spaces[n % spaces.length].id, date, slot: 'day', bookerId: people[n % people.length] };
        await request(base, token, 'POST', '/api/bookings', body);
      }
      await sleep(5);
    }
  };
  const running = Promise.all(Array.from({ length: CLIENTS }, worker));

  const admin = new pg.Client({ connectionString: DATABASE_URL.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  const database = new URL(DATABASE_URL).pathname.slice(1);
  const firstOkAfter = async (t) => {
    for (let k = 0; k < 400; k++) {
      const ok = log.find((r) => r.at >= t && r.status >= 200 && r.status < 500 && r.status !== 0);
      if (ok) return ok.end - t;
      await sleep(25);
    }
    return Infinity;
  };

  await sleep(1_000);
  const terminations = [];
  for (let round = 0; round < 2; round++) {
    const t = performance.now();
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    terminations.push({ backends: rowCount, recoveryMs: await firstOkAfter(t) });
    await sleep(1_000);
  }

  const cutAt = performance.now();
  await proxy.cut();
  await sleep(CUT_MS);
  const restoredAt = performance.now();
  await proxy.restore();
  const recoveryMs = await firstOkAfter(restoredAt);
  await sleep(1_000);
  stop.done = true;
  await running;
  await admin.end();

  // Requests sent entirely while connections were refused (a margin for those already under way).
  const during = log.filter((r) => r.at >= cutAt + 100 && r.end <= restoredAt);
  const problems = [];
  const bad = log.filter((r) => r.status === 0 || r.status >= 500 && !(r.status === 503 && r.code === 'DATABASE_UNAVAILABLE' && r.retryAfter));
  if (bad.length) problems.push(`${bad.length} answers neither success nor 503 with code: ${JSON.stringify(bad.slice(0, 3))}`);
  const notUnavailable = during.filter((r) => r.status !== 503);
  if (notUnavailable.length) problems.push(`${notUnavailable.length} answers during the cut were not 503`);
  if (during.length < 20) problems.push(`only ${during.length} requests during the cut`);
  const slowest = Math.max(...log.map((r) => r.ms));
  if (slowest > HANG_MS) problems.push(`a request took ${Math.round(slowest)} ms`);
  if (!(recoveryMs < RECOVERY_MS)) problems.push(`first success ${Math.round(recoveryMs)} ms after the database came back`);
  for (const t of terminations) if (!(t.recoveryMs < RECOVERY_MS)) problems.push(`recovery after termination took ${Math.round(t.recoveryMs)} ms`);

  const count = (s) => log.filter((r) => r.status === s).length;
  console.log(
    `${log.length} requests: ${count(200)} × 200, ${count(201)} × 201, ${count(409)} × 409, ${count(422)} × 422, ` +
      `${count(503)} × 503, ${log.length - count(200) - count(201) - count(409) - count(422) - count(503)} other; slowest ${Math.round(slowest)} ms`,
  );
  for (const [k, t] of terminations.entries()) {
    console.log(`termination ${k + 1}: ${t.backends} backends terminated, first success after ${Math.round(t.recoveryMs)} ms`);
  }
  console.log(`connections refused for ${CUT_MS} ms: ${during.length} requests, all 503: ${notUnavailable.length === 0}; first success ${Math.round(recoveryMs)} ms after restore`);
  for (const p of problems) console.log(`FAIL ${p}`);
  console.log(`${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
  return problems.length;
}

let code = 1;
try {
  code = (await main()) ? 1 : 0;
} catch (e) {
  console.error(e);
} finally {
  await stopAll();
}
process.exit(code);
