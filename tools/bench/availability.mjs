#!/usr/bin/env node
// bench:availability — latency of GET /api/floors/:id/availability over HTTP on a large generated data
// set in the shape of Seatsurfing's performance test. Target: p95 ≤ 50 ms at full scale. Then the same
// requests against a raw baseline (raw-availability-server.mjs: node:http + pg, same queries, same JSON
// shape) on the same database, and the ratio of their throughputs (issue #15 asks for ≥ 0.6).
import {
  addDays,
  connect,
  createDatabase,
  databaseUrl,
  describe,
  httpClient,
  int,
  json,
  keepDatabase,
  log,
  login,
  machine,
  migrate,
  ms,
  options,
  passwordHash,
  percentiles,
  prng,
  run,
  runLoad,
  secs,
  spawnTracked,
  startApi,
  stopChild,
  todayIn,
} from './lib.mjs';

const USAGE = `Usage: node tools/bench/availability.mjs [options]   (npm run bench:availability -- [options])
  --scale <0..1>            bookings = 20,000,000 × scale (default 1)
  --requests <n>            measured requests (default 2000)
  --concurrency <n>         concurrent clients (default 8)
  --warmup <n>              unmeasured requests first (default 50)
  --spaces-per-floor <n>    spaces on each floor but the 500-desk one (default: 100, or more when needed, see below)
  --jobs <n>                parallel connections for the bulk insert (default 2)
  --seed <n>                seed of the random request dates (default 1)
  --explain 1               also print the EXPLAIN ANALYZE plan of the floor's bookings query
  --rounds <n>              API and raw baseline measured in n alternating rounds (default 4)
  --keep 1                  keep the database afterwards (its name is printed) to measure it again, or
                            for bench:insights -- --reuse <name>; drop it with dropdb when done
  --reuse <name>            measure a database kept by --keep 1 (same --scale) instead of seeding one
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  scale: { default: 1, min: 0, max: 1 },
  requests: { default: 2000, min: 1, max: 1e7, integer: true },
  concurrency: { default: 8, min: 1, max: 256, integer: true },
  warmup: { default: 50, min: 0, max: 1e6, integer: true },
  'spaces-per-floor': { default: 0, min: 0, max: 100_000, integer: true },
  jobs: { default: 2, min: 1, max: 8, integer: true },
  seed: { default: 1, min: 0, max: 2 ** 31, integer: true },
  explain: { default: 0, min: 0, max: 1, integer: true },
  keep: { default: 0, min: 0, max: 1, integer: true },
  rounds: { default: 4, min: 1, max: 100, integer: true },
  reuse: { default: '', text: true },
});

const TZ = 'Europe/Berlin';
const BUILDINGS = 20;
const FLOORS = 3; // per building
const TARGET_DESKS = 500;
const USERS = 2000;
const PAST = 180; // days before today …
const DAYS = 2 * PAST + 1; // … to 180 days after
const HOT_SPACES = 0.2; // 20% of the spaces …
const HOT_BOOKINGS = 0.6; // … take 60% of the bookings
const MAX_OCCUPANCY = 0.85; // of a hot space's days, when the layout is grown to hold the bookings
const CANCELLED_EVERY = 10; // 1 in 10 bookings is cancelled, the rest confirmed
const CHUNK = 500_000;
const TARGET_P95_MS = 50;

const total = Math.round(20_000_000 * opt.scale);
const hotTotal = Math.round(total * HOT_BOOKINGS);
const coldTotal = total - hotTotal;
const otherFloors = BUILDINGS * FLOORS - 1;
// One booking per space per day (slot 'day', 07:00–19:00) never overlaps, so the exclusion constraint
// holds by construction. But 20 M such bookings in 361 days need many space-days: with ~100 spaces per
// floor only ~2.3 M exist. So unless --spaces-per-floor is given, the other floors grow until the hot
// 20% of spaces are at most 85% occupied. The measured floor always has exactly 500 desks.
const neededSpaces = Math.ceil(hotTotal / (DAYS * MAX_OCCUPANCY)) / HOT_SPACES;
const spacesPerFloor = opt['spaces-per-floor'] || Math.max(100, Math.ceil((neededSpaces - TARGET_DESKS) / otherFloors));
const DB = `flexdesk_bench_${process.pid}`;

const OPENING_HOURS = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })),
);

// The repository's activeOnFloor (apps/api/src/bookings/bookings.repository.ts), for EXPLAIN ANALYZE.
const ACTIVE_ON_FLOOR = `
  SELECT bk.id, bk.space_id AS "spaceId", bk.start_at AS start, bk.end_at AS "end", bk.status,
         bk.booker_id AS "bookerId", u.display_name AS "bookerName",
         COALESCE(u.show_name_to_colleagues, false) AS "bookerShowsName"
    FROM bookings bk
    LEFT JOIN users u ON u.id = bk.booker_id
   WHERE bk.floor_id = $1 AND bk.local_date = $2 AND bk.status IN ('confirmed', 'checked_in')
   ORDER BY bk.start_at`;

/** A multiplier coprime with m, so i → i·p mod m visits every (space, day) pair at most once. */
function coprimeMultiplier(m) {
  for (const p of [1_000_003, 1_000_033, 1_000_037, 1_000_039, 1_000_081]) if (m % p !== 0) return p;
  throw new Error('no coprime multiplier');
}

async function seed(url, today) {
  const db = await connect(url, { synchronous_commit: 'off', maintenance_work_mem: '1GB', work_mem: '64MB' });
  const q = (sql, params) => db.query(sql, params);
  const step = async (label, fn) => {
    const t = Date.now();
    log(`${label}…`);
    const result = await fn();
    log(`${label}: ${secs(Date.now() - t)}`);
    return result;
  };
  const times = {};

  let t = Date.now();
  const target = await step('buildings, floors, spaces, users', async () => {
    await q(
      `INSERT INTO users (email, display_name, password_hash, roles)
             VALUES ('bench@example.com', 'Bench', $1, '{employee}')`,
      [passwordHash('flexdesk')],
    );
    await q(
      `INSERT INTO users (email, display_name, roles, show_name_to_colleagues)
             SELECT 'user' || i || '@example.com', 'User ' || i, '{employee}', i % 2 = 0 FROM generate_series(1, $1) i`,
      [USERS],
    );
    await q(
      `INSERT INTO buildings (name, time_zone, opening_hours)
             SELECT 'Building ' || lpad(b::text, 2, '0'), $2, $1::jsonb FROM generate_series(1, $3) b`,
      [OPENING_HOURS, TZ, BUILDINGS],
    );
    await q(
      `INSERT INTO floors (building_id, name, level)
             SELECT id, 'Floor ' || l, l FROM buildings, generate_series(0, $1 - 1) l`,
      [FLOORS],
    );
    const id = (
      await q(`SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id
                          WHERE b.name = 'Building 01' AND f.level = 0`)
    ).rows[0].id;
    await q(
      `INSERT INTO spaces (floor_id, kind, label, x, y)
             SELECT $1, 'desk', 'D' || lpad(s::text, 3, '0'), 20 + (s % 25) * 38, 20 + (s / 25) * 32
               FROM generate_series(0, $2 - 1) s`,
      [id, TARGET_DESKS],
    );
    await q(
      `INSERT INTO spaces (floor_id, kind, label, x, y)
             SELECT f.id, 'desk', 'D' || lpad(s::text, 5, '0'), 20 + (s % 25) * 38, 20 + ((s / 25) % 20) * 32
               FROM floors f, generate_series(0, $2 - 1) s WHERE f.id <> $1`,
      [id, spacesPerFloor],
    );
    // Helper tables: every 5th space (in floor/label order) is hot; people are numbered for the spread.
    await q(`CREATE UNLOGGED TABLE bench_space AS
             SELECT id, floor_id, (row_number() OVER (ORDER BY floor_id, label)) - 1 AS rn FROM spaces`);
    await q(`CREATE UNLOGGED TABLE bench_hot AS
             SELECT ((row_number() OVER (ORDER BY rn)) - 1)::int AS k, id, floor_id FROM bench_space WHERE rn % 5 = 0`);
    await q(`CREATE UNLOGGED TABLE bench_cold AS
             SELECT ((row_number() OVER (ORDER BY rn)) - 1)::int AS k, id, floor_id FROM bench_space WHERE rn % 5 <> 0`);
    await q(`CREATE UNLOGGED TABLE bench_people AS
             SELECT ((row_number() OVER (ORDER BY email)) - 1)::int AS k, id FROM users WHERE email LIKE 'user%'`);
    await q(`ALTER TABLE bench_hot ADD PRIMARY KEY (k); ALTER TABLE bench_cold ADD PRIMARY KEY (k);
             ALTER TABLE bench_people ADD PRIMARY KEY (k); ANALYZE bench_hot; ANALYZE bench_cold; ANALYZE bench_people`);
    return id;
  });
  times.static = Date.now() - t;
  const hot = (await q('SELECT count(*)::int AS n FROM bench_hot')).rows[0].n;
  const cold = (await q('SELECT count(*)::int AS n FROM bench_cold')).rows[0].n;
  for (const [set, n, size] of [
    ['hot', hotTotal, hot],
    ['cold', coldTotal, cold],
  ]) {
    if (n > size * DAYS)
      throw new Error(`${n} ${set} bookings do not fit on ${size} spaces × ${DAYS} days: raise --spaces-per-floor`);
  }

  // Bulk load without the primary key, the secondary indexes, the exclusion constraint and the
  // foreign keys (per-row checks would dominate); all are recreated from their catalogue definitions.
  const constraints = (
    await q(`SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS def
                                  FROM pg_constraint WHERE conrelid = 'bookings'::regclass AND contype IN ('p', 'x', 'f')
                                 ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'x' THEN 2 ELSE 3 END, conname`)
  ).rows;
  const indexes = (
    await q(`SELECT indexname AS name, indexdef AS def FROM pg_indexes
                             WHERE tablename = 'bookings' AND schemaname = current_schema()
                               AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'bookings'::regclass)
                             ORDER BY indexname`)
  ).rows;
  // Foreign keys of other tables into bookings (waitlist entries, …) hang on its primary key.
  const referencing = (
    await q(`SELECT conname AS name, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def
                                  FROM pg_constraint WHERE confrelid = 'bookings'::regclass AND conrelid <> 'bookings'::regclass`)
  ).rows;
  for (const c of referencing) await q(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const c of constraints) await q(`ALTER TABLE bookings DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await q(`DROP INDEX ${i.name}`);
  // The live-event trigger would queue one NOTIFY per generated row.
  await q(`ALTER TABLE bookings DISABLE TRIGGER USER`);

  t = Date.now();
  log(
    `inserting ${int(total)} bookings (${int(hotTotal)} on ${int(hot)} hot spaces, ${int(coldTotal)} on ${int(cold)} others) with ${opt.jobs} connections…`,
  );
  const jobs = [];
  for (const [table, n, size] of [
    ['bench_hot', hotTotal, hot],
    ['bench_cold', coldTotal, cold],
  ]) {
    const m = size * DAYS;
    const p = coprimeMultiplier(m);
    for (let from = 0; from < n; from += CHUNK)
      jobs.push({ table, from, to: Math.min(n, from + CHUNK) - 1, size, m, p });
  }
  let inserted = 0;
  const insertChunk = (c, j) =>
    c.query(
      `INSERT INTO bookings (space_id, floor_id, booker_id, creator_id, start_at, end_at, local_date, slot, status, cancelled_at)
       SELECT s.id, s.floor_id, u.id, u.id,
              (g.d + time '07:00') AT TIME ZONE $7::text, (g.d + time '19:00') AT TIME ZONE $7::text, g.d, 'day',
              CASE WHEN g.cancelled THEN 'cancelled' ELSE 'confirmed' END,
              CASE WHEN g.cancelled THEN (g.d - 1 + time '18:00') AT TIME ZONE $7::text END
         FROM (SELECT $6::date - ${PAST} + (j / $3)::int AS d, j % $3 AS sk, (i * 7919 + j) % ${USERS} AS pk,
                      i % ${CANCELLED_EVERY} = ${CANCELLED_EVERY - 1} AS cancelled
                 FROM (SELECT i, (i * $5) % $4 AS j FROM generate_series($1::bigint, $2::bigint) i) x) g
         JOIN ${j.table} s ON s.k = g.sk
         JOIN bench_people u ON u.k = g.pk`,
      [j.from, j.to, j.size, j.m, j.p, today, TZ],
    );
  const workers = await Promise.all(
    Array.from({ length: Math.min(opt.jobs, Math.max(1, jobs.length)) }, () =>
      connect(url, { synchronous_commit: 'off', work_mem: '64MB' }),
    ),
  );
  await Promise.all(
    workers.map(async (c) => {
      for (let j = jobs.shift(); j; j = jobs.shift()) {
        await insertChunk(c, j);
        inserted += j.to - j.from + 1;
        const s = (Date.now() - t) / 1000;
        const rate = inserted / s;
        log(
          `  bookings ${int(inserted)} / ${int(total)} (${((100 * inserted) / Math.max(1, total)).toFixed(0)}%), ` +
            `${int(rate)} rows/s, ~${Math.ceil((total - inserted) / Math.max(1, rate))} s left`,
        );
      }
    }),
  );
  await Promise.all(workers.map((c) => c.end()));
  times.insert = Date.now() - t;
  await q(`ALTER TABLE bookings ENABLE TRIGGER USER`);

  t = Date.now();
  for (const c of constraints.filter((c) => c.type === 'p')) {
    await step(`rebuilding ${c.name}`, () => q(`ALTER TABLE bookings ADD CONSTRAINT ${c.name} ${c.def}`));
  }
  for (const i of indexes) await step(`rebuilding ${i.name}`, () => q(i.def));
  for (const c of constraints.filter((c) => c.type !== 'p')) {
    const what = c.type === 'x' ? 'exclusion constraint (GiST; the slowest step at full scale)' : 'foreign key';
    await step(`rebuilding ${c.name}, ${what}`, () => q(`ALTER TABLE bookings ADD CONSTRAINT ${c.name} ${c.def}`));
  }
  for (const c of referencing) await q(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
  times.indexes = Date.now() - t;
  await q('DROP TABLE bench_space, bench_hot, bench_cold, bench_people');

  // VACUUM as well as ANALYZE: sets hint bits and the visibility map once, so neither the first
  // measured requests nor an autovacuum run started by the bulk insert disturb the measurement.
  t = Date.now();
  await step('VACUUM ANALYZE', () => q('VACUUM ANALYZE'));
  times.vacuum = Date.now() - t;

  const counts = await countRows(db);
  await db.end();
  return { target, counts, times };
}

async function countRows(db) {
  return (
    await db.query(`
    SELECT (SELECT count(*) FROM buildings)::int AS buildings, (SELECT count(*) FROM floors)::int AS floors,
           (SELECT count(*) FROM spaces)::int AS spaces, (SELECT count(*) FROM users)::int AS users,
           count(*)::int AS bookings, (count(*) FILTER (WHERE status = 'cancelled'))::int AS cancelled,
           pg_size_pretty(pg_total_relation_size('bookings')) AS "bookingsSize"
      FROM bookings`)
  ).rows[0];
}

/** The measured floor and the row counts of a database seeded (and kept) by an earlier run. */
async function reuse(url) {
  const db = await connect(url);
  try {
    const target = (
      await db.query(`SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id
                                     WHERE b.name = 'Building 01' AND f.level = 0`)
    ).rows[0]?.id;
    if (!target) throw new Error(`${opt.reuse} was not seeded by bench:availability`);
    return { target, counts: await countRows(db), times: { static: 0, insert: 0, indexes: 0, vacuum: 0 } };
  } finally {
    await db.end();
  }
}

await run(async () => {
  log(
    `bench:availability  scale ${opt.scale}: ${int(total)} bookings over ${DAYS} days, ` +
      `${BUILDINGS} buildings × ${FLOORS} floors, one floor of ${TARGET_DESKS} desks and ${spacesPerFloor} spaces on each other floor`,
  );
  log(`machine: ${machine()}`);
  const name = opt.reuse || DB;
  const url = opt.reuse ? databaseUrl(opt.reuse) : await createDatabase(DB);
  if (opt.keep) keepDatabase(DB);
  log(opt.reuse ? `measuring the kept database ${name}; migrating` : `database ${DB} created; migrating`);
  await migrate(url);

  const today = todayIn(TZ);
  const t = Date.now();
  const { target, counts, times } = opt.reuse ? await reuse(url) : await seed(url, today);
  const seedMs = Date.now() - t;
  log(opt.reuse ? `reused ${name}` : `seeded in ${secs(seedMs)}${opt.keep ? `; kept as ${name}` : ''}`);

  // The SQL alone (best of 3), on a day near today, to tell database time from the rest of the request.
  const db = await connect(url);
  let plan = null;
  for (let i = 0; i < 3; i++) {
    const p = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${ACTIVE_ON_FLOOR}`, [target, addDays(today, 3)]))
      .rows[0]['QUERY PLAN'][0];
    if (!plan || p['Execution Time'] < plan['Execution Time']) plan = p;
  }
  if (opt.explain) {
    const text = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${ACTIVE_ON_FLOOR}`, [target, addDays(today, 3)])).rows;
    console.log(text.map((r) => r['QUERY PLAN']).join('\n'));
  }
  await db.end();

  // No background jobs: on the kept 20 M data set the first privacy purge would rewrite millions of rows.
  const api = await startApi(url, { JOBS_INTERVAL_SECONDS: '0' });
  const client = httpClient(api.base, opt.concurrency);
  const { token } = await login(client, 'bench@example.com', 'flexdesk');
  const headers = { authorization: `Bearer ${token}` };
  const random = prng(opt.seed);
  const dates = Array.from({ length: opt.warmup + opt.requests }, () =>
    addDays(today, Math.floor(random() * DAYS) - PAST),
  );
  const path = (date) => `/api/floors/${target}/availability?date=${date}`;

  const sample = await client.get(path(today), headers);
  const body = json(sample);
  if (sample.status !== 200 || body?.spaces?.length !== TARGET_DESKS) {
    throw new Error(
      `sanity check failed: ${sample.status}, ${body?.spaces?.length} spaces: ${sample.body.toString().slice(0, 300)}`,
    );
  }
  const todays = body.spaces.reduce((n, s) => n + s.bookings.length, 0);
  log(
    `sanity: target floor has ${body.spaces.length} desks, ${todays} active bookings today, response ${int(sample.body.length)} bytes`,
  );

  // The raw baseline: same database, dates, clients and pool size (the API's default, 10), running
  // beside the API. The two are measured in alternating rounds (API, raw, API, raw, …) over the same
  // dates, so a drift of the machine (other work, autovacuum, caches) falls on both alike.
  const admin = await connect(url);
  const benchUser = (await admin.query(`SELECT id FROM users WHERE email = 'bench@example.com'`)).rows[0].id;
  await admin.end();
  // BENCH_PROFILE=<dir>: the raw baseline writes its CPU profile there too, to compare with the API's.
  const rawProfile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const raw = spawnTracked(process.execPath, [...rawProfile, new URL('./raw-availability-server.mjs', import.meta.url).pathname], {
    env: {
      ...process.env,
      BENCH_RAW_CONFIG: JSON.stringify({ databaseUrl: url, poolSize: 10, token: 'raw', userId: benchUser }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const rawPort = await new Promise((resolve, reject) => {
    raw.once('exit', (c) => reject(new Error(`raw server exited with ${c}`)));
    raw.once('message', (m) => resolve(m.port));
  });
  const rawClient = httpClient(`http://127.0.0.1:${rawPort}`, opt.concurrency);
  const rawHeaders = { authorization: 'Bearer raw' };
  const rawResponse = await rawClient.get(path(today), rawHeaders);
  const rawSample = json(rawResponse);
  log(`raw baseline's answer for today: ${int(rawResponse.body.length)} bytes (the API's: ${int(sample.body.length)})`);
  const shape = (b) => JSON.stringify(b.spaces.map((s) => [s.spaceId, s.bookings.length]).sort());
  if (!rawSample?.spaces || shape(rawSample) !== shape(body))
    throw new Error('the raw baseline does not answer the same spaces and bookings');

  const sides = {
    api: { get: (date) => client.get(path(date), headers), rounds: [] },
    raw: { get: (date) => rawClient.get(path(date), rawHeaders), rounds: [] },
  };
  const measure = async (name, from, total, label) => {
    const r = await runLoad({
      concurrency: opt.concurrency,
      total,
      task: async (i) => (await sides[name].get(dates[from + i])).status,
      label,
    });
    return r;
  };
  if (opt.warmup) {
    await measure('api', 0, opt.warmup, 'warm-up');
    await measure('raw', 0, opt.warmup, 'raw warm-up');
  }
  log(
    `measuring ${int(opt.requests)} requests on each, ${opt.concurrency} concurrent clients, in ${opt.rounds} alternating rounds…`,
  );
  const loadMeasure = machine();
  const perRound = Math.ceil(opt.requests / opt.rounds);
  for (let r = 0, from = opt.warmup; r < opt.rounds; r++, from += perRound) {
    const n = Math.min(perRound, opt.warmup + opt.requests - from);
    for (const name of ['api', 'raw']) sides[name].rounds.push(await measure(name, from, n, `${name} round ${r + 1}`));
  }
  const merge = (rounds) => ({
    latencies: rounds.flatMap((r) => r.latencies),
    seconds: rounds.reduce((n, r) => n + r.seconds, 0),
    count: rounds.reduce((n, r) => n + r.count, 0),
    outcomes: rounds.reduce((o, r) => {
      for (const [k, v] of Object.entries(r.outcomes)) o[k] = (o[k] ?? 0) + v;
      return o;
    }, {}),
  });
  const result = merge(sides.api.rounds);
  const rawResult = merge(sides.raw.rounds);
  const roundRatios = sides.api.rounds.map(
    (a, i) => a.count / a.seconds / (sides.raw.rounds[i].count / sides.raw.rounds[i].seconds),
  );
  client.close();
  rawClient.close();
  await api.stop();
  await stopChild(raw);
  const rp = percentiles(rawResult.latencies);

  const p = percentiles(result.latencies);
  const ok = result.outcomes[200] ?? 0;
  const pass = p.p95 <= TARGET_P95_MS && ok === result.count;
  console.log(`
=== bench:availability (scale ${opt.scale}) ===
data      ${counts.buildings} buildings, ${counts.floors} floors, ${int(counts.spaces)} spaces (measured floor: ${TARGET_DESKS} desks), ${int(counts.users)} users
          ${int(counts.bookings)} bookings (${int(counts.cancelled)} cancelled), one per space per day, ${DAYS} days around ${today}; bookings table + indexes ${counts.bookingsSize}
seeding   ${secs(seedMs)} (static ${secs(times.static)}, insert ${secs(times.insert)}, indexes + constraints ${secs(times.indexes)}, vacuum analyze ${secs(times.vacuum)})
SQL       activeOnFloor alone (EXPLAIN ANALYZE, best of 3, ${addDays(today, 3)}): ${ms(plan['Execution Time'])}, ${plan.Plan['Actual Rows']} rows
request   GET /api/floors/<500-desk floor>/availability?date=<random day within ±${PAST}>, ${opt.concurrency} concurrent clients
          ${int(p.count)} requests, statuses ${JSON.stringify(result.outcomes)}, ${(p.count / result.seconds).toFixed(1)} requests/s
latency   ${describe(p)}
raw       same requests against node:http + pg (same queries, same JSON shape): ${(rp.count / rawResult.seconds).toFixed(1)} requests/s, ${describe(rp)}
ratio     API/raw throughput ${(p.count / result.seconds / (rp.count / rawResult.seconds)).toFixed(2)} (target ≥ 0.6); p95 ${ms(p.p95)} vs ${ms(rp.p95)}
          per round ${roundRatios.map((r) => r.toFixed(2)).join(', ')}
machine   ${loadMeasure} when measuring started, ${machine().replace(/.*load average /, '')} at the end (run on an idle machine to compare)
target    p95 ≤ ${TARGET_P95_MS} ms: ${pass ? 'PASS' : 'MISS'}${ok !== result.count ? ' (non-200 responses)' : ''}${opt.scale < 1 ? ` — at scale ${opt.scale}; the target is stated for scale 1` : ''}`);
  return 0;
});
