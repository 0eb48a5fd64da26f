#!/usr/bin/env node
// bench:events — live-event fan-out: N clients hold `GET /api/events?floorId=` open on one API
// instance while bookings are committed at a fixed rate; for every (booking, client) pair the delay
// from the booking's commit to the event's arrival at that client is recorded. Target: p99 ≤ 500 ms.
//
// Bookings are inserted straight into PostgreSQL (the NOTIFY trigger fires as for API bookings), so
// the commit time is exact: it is when the INSERT's autocommit was acknowledged to this process.
// The API's memory is read from /proc/<pid>/status (VmRSS) before the clients connect, with them
// connected, and at its peak under load.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  addDays,
  connect,
  createDatabase,
  describe,
  httpClient,
  int,
  log,
  login,
  machine,
  options,
  passwordHash,
  percentiles,
  run,
  startApi,
  todayIn,
} from './lib.mjs';
import { rssMiB } from './proc.mjs';

const USAGE = `Usage: node tools/bench/events.mjs [options]   (npm run bench:events -- [options])
  --clients <n>    SSE clients connected to the one API instance (default 500)
  --rate <n>       bookings committed per second (default 20)
  --duration <s>   seconds of booking load (default 30)
  --users <n>      people the clients are signed in as (default 20)
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  clients: { default: 500, min: 1, max: 20_000, integer: true },
  rate: { default: 20, min: 0.1, max: 2_000 },
  duration: { default: 30, min: 1, max: 3_600 },
  users: { default: 20, min: 1, max: 1_000, integer: true },
});

const TZ = 'Europe/Berlin';
const TARGET_P99_MS = 500;
const DB = `flexdesk_bench_events_${process.pid}`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function seed(url, desks) {
  const db = await connect(url);
  const hours = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })));
  const building = (await db.query(`INSERT INTO buildings (name, time_zone, opening_hours) VALUES ('Bench', $1, $2::jsonb) RETURNING id`, [TZ, hours])).rows[0].id;
  const floor = (await db.query(`INSERT INTO floors (building_id, name, level) VALUES ($1, 'Floor 0', 0) RETURNING id`, [building])).rows[0].id;
  const spaces = (await db.query(
    `INSERT INTO spaces (floor_id, kind, label, x, y)
     SELECT $1, 'desk', 'D' || lpad(s::text, 6, '0'), 20 + (s % 40) * 38, 20 + (s / 40) * 32 FROM generate_series(0, $2 - 1) s
     RETURNING id`, [floor, desks])).rows.map((r) => r.id);
  const booker = (await db.query(
    `INSERT INTO users (email, display_name, password_hash, roles)
     SELECT 'watcher' || i || '@example.com', 'Watcher ' || i, $1, '{employee}' FROM generate_series(1, $2) i RETURNING id`,
    [passwordHash('flexdesk'), opt.users],
  )).rows[0].id;
  await db.end();
  return { floor, spaces, booker };
}

/**
 * Opens one SSE stream and calls `onEvent(spaceId, receivedAt)` for each `change` event.
 * Resolves once the server's `ready` event arrived, so every client is listening before load starts.
 */
function openStream(base, path, token, onEvent, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (type === 'ready') resolve(req);
          // Keyed by space: every booking here is on its own desk, and the booking id is only sent to
          // the booker and the front desk.
          else if (type === 'change' && data) onEvent(JSON.parse(data).spaceId, at);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

await run(async () => {
  const total = Math.round(opt.rate * opt.duration);
  log(`machine: ${machine()}`);
  log(`bench:events  ${opt.clients} SSE clients, ${opt.rate} bookings/s for ${opt.duration} s (${int(total)} bookings)`);
  const url = await createDatabase(DB);
  const api = await startApi(url);
  const { floor, spaces, booker } = await seed(url, total);

  const client = httpClient(api.base, 4);
  const tokens = [];
  for (let i = 1; i <= opt.users; i++) tokens.push((await login(client, `watcher${i}@example.com`, 'flexdesk')).token);
  client.close();

  const memory = { before: rssMiB(api.child.pid) };
  const commits = new Map(); // spaceId → commit time of its booking
  const arrivals = new Map(); // spaceId → arrival times
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const onEvent = (id, at) => {
    const list = arrivals.get(id);
    if (list) list.push(at);
    else arrivals.set(id, [at]);
  };
  log(`connecting ${opt.clients} clients…`);
  const streams = [];
  for (let i = 0; i < opt.clients; i += 50) {
    const batch = Array.from({ length: Math.min(50, opt.clients - i) }, (_, j) =>
      openStream(api.base, `/api/events?floorId=${floor}`, tokens[(i + j) % tokens.length], onEvent, agent),
    );
    streams.push(...(await Promise.all(batch)));
  }
  await sleep(1_000);
  memory.connected = rssMiB(api.child.pid);
  memory.peak = memory.connected;
  const sampler = setInterval(() => (memory.peak = Math.max(memory.peak, rssMiB(api.child.pid))), 250);

  log(`all connected (API RSS ${memory.connected.toFixed(0)} MiB); committing ${opt.rate} bookings/s…`);
  const db = await connect(url);
  const date = addDays(todayIn(TZ), 1);
  const load = machine();
  const start = now();
  const inFlight = [];
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / opt.rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    // Open loop: a slow insert does not delay the next one, as with real independent bookers.
    inFlight.push(
      db
        .query(
          `INSERT INTO bookings (space_id, booker_id, creator_id, local_date, slot, start_at, end_at)
           VALUES ($1, $2, $2, $3::date, 'day', ($3::date + time '07:00') AT TIME ZONE $4, ($3::date + time '19:00') AT TIME ZONE $4)
           RETURNING space_id`,
          [spaces[n], booker, date, TZ],
        )
        .then((r) => commits.set(r.rows[0].space_id, now())),
    );
  }
  await Promise.all(inFlight);
  // Let the last events arrive: wait until every client has every booking, or 10 s.
  const until = now() + 10_000;
  const complete = () => [...commits.keys()].every((id) => (arrivals.get(id)?.length ?? 0) >= opt.clients);
  while (!complete() && now() < until) await sleep(100);
  clearInterval(sampler);
  await db.end();
  for (const req of streams) req.destroy();
  agent.destroy();

  const delays = [];
  let missing = 0;
  for (const [id, committed] of commits) {
    const got = arrivals.get(id) ?? [];
    missing += Math.max(0, opt.clients - got.length);
    for (const at of got) delays.push(at - committed);
  }
  const p = percentiles(delays);
  console.log(`
=== bench:events: ${opt.clients} SSE clients on one API instance, ${opt.rate} bookings/s for ${opt.duration} s ===
machine   ${load} when the load started
delivered ${int(delays.length)} of ${int(total * opt.clients)} events (${int(missing)} missing)
delay     commit → client: ${describe(p)}
memory    API RSS ${memory.before.toFixed(0)} MiB before the clients, ${memory.connected.toFixed(0)} MiB with them connected, peak ${memory.peak.toFixed(0)} MiB under load
p99 ${p.p99.toFixed(1)} ms (target ≤ ${TARGET_P99_MS} ms): ${p.p99 <= TARGET_P99_MS && missing === 0 ? 'PASS' : 'MISS'}`);
  return 0;
});
