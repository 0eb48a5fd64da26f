#!/usr/bin/env node
// bench:booking — throughput and latency of POST /api/bookings under a closed-loop load, against a
// raw baseline (node:http + pg.Pool running the same insert transaction) on the same schema, with the
// same load generator, concurrency and duration. Target: API throughput ≥ 0.7 × raw (issue #15).
import {
  addDays,
  connect,
  createDatabase,
  describe,
  httpClient,
  int,
  json,
  log,
  login,
  machine,
  options,
  passwordHash,
  percentiles,
  run,
  runLoad,
  spawnTracked,
  startApi,
  stopChild,
  todayIn,
} from './lib.mjs';
import { cpuSeconds, postgresCpu, postgresCpuSince } from './proc.mjs';

const USAGE = `Usage: node tools/bench/booking.mjs [options]   (npm run bench:booking -- [options])
  --concurrency <n>   concurrent clients (default 50)
  --duration <s>      measured seconds per phase (default 10)
  --warmup <s>        unmeasured seconds before each phase; its bookings are truncated (default 5)
  --desks <n>         desks on the floor (default 5000; × 14 days = distinct (desk, day) pairs)
  --users <n>         people, each logged in over HTTP (default 50)
  --pool <n>          database connections of the API and of the raw server alike (default 10)
  --rounds <n>        API and raw baseline measured in n alternating rounds (default 2)
  --rollups 0         skip the phase that measures the API with the insight rollups' marking trigger
                      off (the cost of keeping insights current, issue #14: ≤ 10 %)
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  concurrency: { default: 50, min: 1, max: 1000, integer: true },
  duration: { default: 10, min: 1, max: 3600 },
  warmup: { default: 5, min: 0, max: 600 },
  desks: { default: 5000, min: 1, max: 1_000_000, integer: true },
  users: { default: 50, min: 1, max: 10_000, integer: true },
  pool: { default: 10, min: 1, max: 200, integer: true },
  rounds: { default: 2, min: 1, max: 20, integer: true },
  rollups: { default: 1, min: 0, max: 1, integer: true },
});

const TZ = 'Europe/Berlin';
const DAYS = 14; // tomorrow … today + 14, the default horizon (today's slot may already be over)
const MAX_PER_DAY = 50; // policy override: one person may hold 50 desks a day
const TARGET_RATIO = 0.7; // issue #15 (was 0.5)
const DB = `flexdesk_bench_${process.pid}`;
const OPENING_HOURS = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })),
);

async function seed(url) {
  const db = await connect(url);
  const hours = OPENING_HOURS;
  const building = (
    await db.query(
      `INSERT INTO buildings (name, time_zone, opening_hours) VALUES ('Bench', $1, $2::jsonb) RETURNING id`,
      [TZ, hours],
    )
  ).rows[0].id;
  await db.query(`INSERT INTO policies (building_id, space_kind, rules) VALUES ($1, 'desk', $2::jsonb)`, [
    building,
    JSON.stringify({ maxPerDay: MAX_PER_DAY }),
  ]);
  const floor = (
    await db.query(`INSERT INTO floors (building_id, name, level) VALUES ($1, 'Floor 0', 0) RETURNING id`, [building])
  ).rows[0].id;
  const desks = (
    await db.query(
      `INSERT INTO spaces (floor_id, kind, label, x, y)
     SELECT $1, 'desk', 'D' || lpad(s::text, 6, '0'), 20 + (s % 25) * 38, 20 + ((s / 25) % 20) * 32 FROM generate_series(0, $2 - 1) s
     RETURNING id, label`,
      [floor, opt.desks],
    )
  ).rows
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((r) => r.id);
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, roles)
     SELECT 'booker' || i || '@example.com', 'Booker ' || i, $1, '{employee}' FROM generate_series(1, $2) i`,
    [passwordHash('flexdesk'), opt.users],
  );
  await db.query('ANALYZE');
  await db.end();
  return desks;
}

/** Booking n: the (desk, day) pairs are walked day-fastest, so every person's bookings spread over all days. */
function planner(desks, users, dates) {
  return (n) => {
    const group = Math.floor(n / DAYS);
    return {
      body: JSON.stringify({ spaceId: desks[group % desks.length], date: dates[n % DAYS], slot: 'day' }),
      headers: { authorization: `Bearer ${users[group % users.length].token}` },
      wrapped: group >= desks.length,
    };
  };
}

async function phase(name, base, url, plan, serverPid) {
  const client = httpClient(base, opt.concurrency);
  let wrapped = 0;
  const task = async (n) => {
    const p = plan(n);
    if (p.wrapped) wrapped++;
    const res = await client.post('/api/bookings', p.body, p.headers);
    if (res.status === 201) return '201';
    const code = json(res)?.code;
    return code ? `${res.status} ${code}` : String(res.status);
  };
  const db = await connect(url);
  const load = machine();
  if (opt.warmup) {
    log(`${name}: warming up for ${opt.warmup} s…`);
    await runLoad({ concurrency: opt.concurrency, durationMs: opt.warmup * 1000, task, label: `${name} warm-up` });
  }
  await db.query('TRUNCATE bookings CASCADE'); // and the waiting list entries that refer to them
  wrapped = 0;
  log(`${name}: measuring for ${opt.duration} s with ${opt.concurrency} concurrent clients…`);
  const cpuBefore = { server: cpuSeconds(serverPid), postgres: postgresCpu(), own: process.cpuUsage() };
  const r = await runLoad({ concurrency: opt.concurrency, durationMs: opt.duration * 1000, task, label: name });
  const own = process.cpuUsage(cpuBefore.own);
  const cpu = {
    server: cpuSeconds(serverPid) - cpuBefore.server,
    postgres: postgresCpuSince(cpuBefore.postgres),
    own: (own.user + own.system) / 1e6,
  };
  client.close();
  const rows = (await db.query(`SELECT count(*)::int AS n FROM bookings`)).rows[0].n;
  const windows = (
    await db.query(
      `SELECT DISTINCT to_char(local_date, 'YYYY-MM-DD') AS date, start_at AS start, end_at AS "end" FROM bookings ORDER BY 1`,
    )
  ).rows;
  await db.end();
  const ok = r.outcomes['201'] ?? 0;
  if (rows !== ok) throw new Error(`${name}: ${ok} × 201 but ${rows} rows in bookings`);
  const p = percentiles(r.latencies);
  return { name, ...r, p, ok, rate: ok / r.seconds, wrapped, windows, load, cpu };
}

const perBooking = (r, seconds) => `${((seconds * 1000) / Math.max(1, r.count)).toFixed(2)} ms`;

function report(r) {
  const errors = Object.entries(r.outcomes).filter(([k]) => k !== '201');
  return [
    `${r.name.padEnd(4)}  ${int(r.ok)} bookings in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(1)} bookings/s (${int(r.count)} requests)`,
    `      latency ${describe(r.p)}`,
    `      machine ${r.load} before the phase`,
    // Where a booking's CPU goes: the server process, PostgreSQL (all its processes) and this load generator.
    `      CPU per booking: server ${perBooking(r, r.cpu.server)}, PostgreSQL ${perBooking(r, r.cpu.postgres)}, load generator ${perBooking(r, r.cpu.own)}`,
    `      errors ${errors.length ? errors.map(([k, v]) => `${k}: ${v}`).join(', ') : 'none'}` +
      (r.wrapped ? ` — ${int(r.wrapped)} requests reused (desk, day) pairs: raise --desks` : '') +
      (r.outcomes['422 LIMIT_REACHED'] ? ` — people reached maxPerDay ${MAX_PER_DAY}: raise --users` : ''),
  ].join('\n');
}

await run(async () => {
  log(`machine: ${machine()}`);
  log(
    `bench:booking  ${opt.concurrency} clients, ${opt.duration} s per phase, ${opt.desks} desks × ${DAYS} days, ${opt.users} people, pool ${opt.pool}`,
  );
  const url = await createDatabase(DB);
  log(`database ${DB} created; starting the API (it migrates)`);
  let api = await startApi(url, { DB_POOL_SIZE: String(opt.pool) });
  const desks = await seed(url);

  const client = httpClient(api.base, 4);
  const emails = Array.from({ length: opt.users }, (_, i) => `booker${i + 1}@example.com`);
  const users = [];
  log(`logging ${opt.users} people in over HTTP…`);
  for (let i = 0; i < emails.length; i += 4)
    users.push(...(await Promise.all(emails.slice(i, i + 4).map((e) => login(client, e, 'flexdesk')))));
  client.close();

  const today = todayIn(TZ);
  const dates = Array.from({ length: DAYS }, (_, i) => addDays(today, i + 1));
  const plan = planner(desks, users, dates);

  // The raw server gets each date's 'day' slot as the API computes it (07:00–19:00 Berlin); the
  // API's stored slots are compared with these after its first round.
  const db = await connect(url);
  const windows = (
    await db.query(
      `SELECT d::text AS date, (d + time '07:00') AT TIME ZONE $2::text AS start, (d + time '19:00') AT TIME ZONE $2::text AS "end"
       FROM unnest($1::date[]) d`,
      [dates, TZ],
    )
  ).rows;
  await db.end();
  const raw = spawnTracked(process.execPath, [new URL('./raw-booking-server.mjs', import.meta.url).pathname], {
    env: {
      ...process.env,
      BENCH_RAW_CONFIG: JSON.stringify({
        databaseUrl: url,
        poolSize: opt.pool,
        maxPerDay: MAX_PER_DAY,
        users: users.map((u) => [u.token, u.userId]),
        windows: windows.map((w) => [w.date, [w.start.toISOString(), w.end.toISOString()]]),
      }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise((resolve, reject) => {
    const exited = (c) => reject(new Error(`raw server exited with ${c}`));
    raw.once('exit', exited);
    raw.once('message', (m) => {
      raw.off('exit', exited);
      resolve(m);
    });
  });

  // API and raw in alternating rounds, so that a drift of the shared machine (other work, the
  // database's caches warming, the bookings table growing) falls on both alike.
  const apiRounds = [];
  const rawRounds = [];
  for (let round = 1; round <= opt.rounds; round++) {
    apiRounds.push(await phase(`API ${round}`, api.base, url, plan, api.child.pid));
    if (round === 1) {
      for (const w of apiRounds[0].windows) {
        const mine = windows.find((x) => x.date === w.date);
        if (!mine || +mine.start !== +w.start || +mine.end !== +w.end)
          throw new Error(
            `the API booked ${w.date} as ${w.start.toISOString()}–${w.end.toISOString()}, the raw server would not`,
          );
      }
    }
    rawRounds.push(await phase(`raw ${round}`, `http://127.0.0.1:${port}`, url, plan, raw.pid));
  }
  await stopChild(raw);

  // Then without marking changed days for the insight rollups (nothing to regroup then either) and
  // with it again, so that a drift of the machine falls on both sides: with = the rounds just before
  // and after it.
  let bare = null;
  let rollupRatio = null;
  let again = null;
  if (opt.rollups) {
    const admin = await connect(url);
    await admin.query('ALTER TABLE booking_facts DISABLE TRIGGER booking_facts_insight_mark');
    bare = await phase('API without rollups', api.base, url, plan, api.child.pid);
    await admin.query('ALTER TABLE booking_facts ENABLE TRIGGER booking_facts_insight_mark');
    await admin.end();
    again = await phase('API again', api.base, url, plan, api.child.pid);
    rollupRatio = (apiRounds[apiRounds.length - 1].rate + again.rate) / 2 / bare.rate;
  }
  await api.stop();
  api = null;

  const mean = (rounds) => rounds.reduce((n, r) => n + r.rate, 0) / rounds.length;
  const ratio = mean(apiRounds) / mean(rawRounds);
  const perRound = apiRounds.map((a, i) => (a.rate / rawRounds[i].rate).toFixed(2));
  const clean = (r) => r.ok === r.count && !r.wrapped;
  const allClean = [...apiRounds, ...rawRounds].every(clean);
  console.log(`
=== bench:booking: POST /api/bookings {spaceId, date, slot: 'day'}, ${opt.concurrency} concurrent clients, ${opt.duration} s each ===
setup ${opt.desks} desks, dates ${dates[0]}…${dates[DAYS - 1]}, ${opt.users} people (maxPerDay ${MAX_PER_DAY}), ${opt.pool} database connections each
${apiRounds.map((a, i) => `${report(a)}\n${report(rawRounds[i])}`).join('\n')}
ratio API/raw ${ratio.toFixed(2)} (mean throughput of ${opt.rounds} alternating rounds; per round ${perRound.join(', ')}; target ≥ ${TARGET_RATIO}): ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'}${allClean ? '' : ' (some requests failed: see errors)'}${
    bare
      ? `\n${report(bare)}\n${report(again)}\ninsight rollups: API throughput with their marking trigger (the rounds before and after) ${rollupRatio.toFixed(2)} × without (target ≥ 0.90)`
      : ''
  }`);
  return 0;
});
