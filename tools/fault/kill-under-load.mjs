#!/usr/bin/env node
// kill -9 under booking load: an API process takes bookings and cancellations from 16 concurrent
// clients and is killed with SIGKILL at a random moment, then restarted on the same data, several
// times. Afterwards every acknowledged booking (201) must exist, every acknowledged cancellation
// (204) must have stuck, and no two active bookings of a space may overlap.
// Usage (after `npm run build`):
//   node tools/fault/kill-under-load.mjs                       embedded PGlite in a fresh folder
//   DATABASE_URL=postgres://…/empty_db node tools/fault/kill-under-load.mjs   a PostgreSQL server
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApi, stopAll } from '../lib/api-process.mjs';

const DATABASE_URL = process.env.DATABASE_URL || null;
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 4);
const CLIENTS = 16;
// Deterministic choices (which desk, whom, when to kill) from a seed, so a failure can be replayed.
let seed = Number(process.env.FAULT_SEED ?? 1515) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const dataDir = DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'flexdesk-fault-'));
const env = {
  ...(DATABASE_URL ? { DATABASE_URL, SEED_DEMO: 'true' } : { DATABASE_URL: '', DATA_DIR: dataDir }),
  JOBS_INTERVAL_SECONDS: '0',
  // One process, so SIGKILL ends every request at once (a cluster's workers would finish theirs).
  WEB_CONCURRENCY: '1',
};

async function call(base, token, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(base) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'flexdesk' }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  return (await res.json()).accessToken;
}

const acknowledged = new Map(); // booking id -> 'confirmed' | 'cancelled'
const unexpected = [];

/** Books on behalf of demo people and cancels acknowledged bookings until the process dies. */
async function load(base, token, world, stop) {
  const worker = async () => {
    while (!stop.done) {
      try {
        const active = [...acknowledged].filter(([, s]) => s === 'confirmed').map(([id]) => id);
        if (active.length > 10 && random() < 0.3) {
          const id = pick(active);
          const res = await call(base, token, 'DELETE', `/api/bookings/${id}`);
          if (res.status === 204) acknowledged.set(id, 'cancelled');
          else if (![404, 422].includes(res.status)) unexpected.push(`cancel ${res.status}`);
        } else {
          const date = pick(world.days);
          const desk = random() < 0.7;
          const space = pick(desk ? world.desks : world.rooms);
          const hour = 8 + Math.floor(random() * 8);
          const body = desk
            ? { spaceId: space.id, date, slot: 'day', bookerId: pick(world.people) }
            : {
                spaceId: space.id,
                start: `${date}T${String(hour).padStart(2, '0')}:00:00+01:00`,
                end: `${date}T${String(hour + 1).padStart(2, '0')}:00:00+01:00`,
                bookerId: pick(world.people),
              };
          const res = await call(base, token, 'POST', '/api/bookings', body);
          if (res.status === 201) acknowledged.set(res.body.id, 'confirmed');
          else if (res.status >= 500) unexpected.push(`book ${res.status} ${res.body?.code}`);
        }
      } catch {
        // The process was killed under this request: its outcome is unknown, so it is not counted.
        if (!stop.done) await sleep(20);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
}

async function world(base, token) {
  const buildings = (await call(base, token, 'GET', '/api/buildings')).body;
  const rathaus = buildings.find((b) => b.timeZone === 'Europe/Berlin');
  const spaces = [];
  for (const f of rathaus.floors) spaces.push(...(await call(base, token, 'GET', `/api/floors/${f.id}`)).body.spaces);
  const people = (await call(base, token, 'GET', '/api/users?query=example')).body.map((p) => p.id);
  const usable = spaces.filter((s) => s.bookable && !s.restrictedToGroupIds.length);
  const days = [];
  for (let d = 1; days.length < 8 && d < 20; d++) {
    const date = new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(date);
  }
  return { desks: usable.filter((s) => s.kind === 'desk'), rooms: usable.filter((s) => s.kind === 'room'), people, days };
}

/** Checks the data with SQL once no API runs on it. */
async function verify() {
  const ids = [...acknowledged.keys()];
  const sql = {
    statuses: `SELECT id::text AS id, status FROM bookings WHERE id = ANY($1::uuid[])`,
    overlaps: `SELECT count(*)::int AS n FROM bookings a JOIN bookings b
                 ON a.space_id = b.space_id AND a.id < b.id
                AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
              WHERE a.status IN ('confirmed', 'checked_in') AND b.status IN ('confirmed', 'checked_in')`,
  };
  let rows;
  let overlaps;
  if (DATABASE_URL) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    rows = (await client.query(sql.statuses, [ids])).rows;
    overlaps = (await client.query(sql.overlaps)).rows[0].n;
    await client.end();
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const db = await PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm } });
    rows = (await db.query(sql.statuses, [ids])).rows;
    overlaps = (await db.query(sql.overlaps)).rows[0].n;
    await db.close();
  }
  const found = new Map(rows.map((r) => [r.id, r.status]));
  const lost = ids.filter((id) => !found.has(id));
  const undone = ids.filter((id) => acknowledged.get(id) === 'cancelled' && found.get(id) !== 'cancelled');
  const cancelled = ids.filter((id) => acknowledged.get(id) === 'cancelled').length;
  return { lost, undone, overlaps, booked: ids.length, cancelled };
}

async function main() {
  const where = DATABASE_URL ? 'PostgreSQL server' : `embedded PGlite in ${dataDir}`;
  console.log(`kill -9 under booking load: ${ROUNDS} rounds, ${CLIENTS} clients, ${where}`);
  let failed = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const started = Date.now();
    const { base, child } = await startApi(env);
    const restartMs = Date.now() - started;
    const token = await login(base);
    const w = await world(base, token);
    const before = acknowledged.size;
    const stop = { done: false };
    const running = load(base, token, w, stop);
    const killAfter = 800 + Math.floor(random() * 1700);
    await sleep(killAfter);
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', resolve)));
    stop.done = true;
    await running;
    console.log(
      `round ${round}: up after ${restartMs} ms, killed after ${killAfter} ms of load, ` +
        `${acknowledged.size - before} new acknowledged bookings`,
    );
  }
  // One more start proves the data opens after the last kill; then stop it cleanly and look.
  const { base } = await startApi(env);
  const token = await login(base);
  const sample = [...acknowledged.keys()].slice(-20);
  for (const id of sample) {
    const res = await call(base, token, 'GET', `/api/bookings/${id}`);
    if (res.status !== 200) unexpected.push(`acknowledged booking ${id} answers ${res.status} after restart`);
  }
  await stopAll();
  const result = await verify();
  const ok = result.lost.length === 0 && result.undone.length === 0 && result.overlaps === 0 && unexpected.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${result.booked} acknowledged bookings (${result.cancelled} of them cancelled, acknowledged): ` +
      `${result.lost.length} lost, ${result.undone.length} cancellations undone, ${result.overlaps} overlaps, ` +
      `${unexpected.length} unexpected answers${unexpected.length ? ` [${unexpected.slice(0, 5).join('; ')}]` : ''}`,
  );
  if (result.booked < 20) {
    console.log('FAIL too few acknowledged bookings to mean anything');
    failed++;
  }
  console.log(`${1 - Math.min(failed, 1)} passed, ${Math.min(failed, 1)} failed`);
  return failed;
}

let code = 1;
try {
  code = (await main()) ? 1 : 0;
} catch (e) {
  console.error(e);
} finally {
  await stopAll();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
