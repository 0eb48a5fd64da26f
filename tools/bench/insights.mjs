#!/usr/bin/env node
// bench:insights — a year of utilisation reports over real HTTP on the PostgreSQL server: one
// building with --floors floors of --desks desks each (two zones per floor), --people people, and
// a booking on about 70 % of desk-days for the past 365 days (written through the bookings table,
// so the facts trigger runs as in production). Measures GET /api/insights/utilisation for the whole
// building over the year, one floor over the year, and one floor over a month.
// Targets (issue #14): one-year building report p95 ≤ 100 ms; floor heatmap p95 ≤ 50 ms.
import {
  addDays,
  connect,
  createDatabase,
  databaseUrl,
  describe,
  httpClient,
  int,
  log,
  login,
  machine,
  migrate,
  options,
  passwordHash,
  percentiles,
  run,
  runLoad,
  startApi,
} from './lib.mjs';

const USAGE = `Usage: node tools/bench/insights.mjs [options]   (npm run bench:insights -- [options])
  --floors <n>     floors of the building (default 5)
  --desks <n>      desks per floor (default 100)
  --people <n>     people booking (default 1500)
  --requests <n>   measured reports per kind (default 30)
  --reuse <name>   measure 'Building 01' of a database kept by bench:availability -- --keep 1 (20 M
                   bookings at scale 1) instead of generating a building; its facts and rollups are
                   written on the first run
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  floors: { default: 5, min: 1, max: 100, integer: true },
  desks: { default: 100, min: 2, max: 2000, integer: true },
  people: { default: 1500, min: 10, max: 1_000_000, integer: true },
  requests: { default: 30, min: 1, max: 10_000, integer: true },
  reuse: { default: '', text: true },
});
const DB = `flexdesk_bench_insights_${process.pid}`;
const TARGETS = { building: 100, floor: 50 };

const today = () => new Date().toISOString().slice(0, 10);

/** The generated building of this benchmark: a year of bookings written through the facts trigger. */
async function seed(db) {
  const to = addDays(today(), -1);
  const from = addDays(to, -364);
  const t = Date.now();
  const hours = JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })));
  const {
    rows: [{ id: buildingId }],
  } = await db.query(
    `INSERT INTO buildings (name, time_zone, opening_hours, midday) VALUES ('Bench', 'Europe/Berlin', $1, '12:30') RETURNING id`,
    [hours],
  );
  await db.query(
    `INSERT INTO floors (building_id, name, level) SELECT $1, 'Floor ' || l, l FROM generate_series(0, $2::int - 1) l`,
    [buildingId, opt.floors],
  );
  await db.query(`INSERT INTO zones (floor_id, name) SELECT f.id, 'Zone ' || z FROM floors f, generate_series(1, 2) z`);
  await db.query(
    `INSERT INTO spaces (floor_id, zone_id, kind, label)
     SELECT f.id, (SELECT z.id FROM zones z WHERE z.floor_id = f.id ORDER BY z.name OFFSET (d % 2) LIMIT 1), 'desk', f.level || '.' || d
       FROM floors f, generate_series(1, $1::int) d`,
    [opt.desks],
  );
  await db.query(
    `INSERT INTO users (email, display_name) SELECT 'p' || i || '@bench.example', 'Person ' || i FROM generate_series(1, $1::int) i`,
    [opt.people],
  );
  await db.query(
    `CREATE TEMP TABLE people AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE email LIKE 'p%@bench.example'`,
  );
  // Each desk-day: 70 % booked by a person picked by hash; statuses in realistic proportions.
  const { rowCount } = await db.query(
    `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, status, checked_in_at, created_at)
     SELECT s.id, p.id, p.id, (d + time '07:00') AT TIME ZONE 'Europe/Berlin', (d + time '19:00') AT TIME ZONE 'Europe/Berlin',
            d, 'day', st, CASE WHEN st = 'checked_in' THEN (d + time '08:00') AT TIME ZONE 'Europe/Berlin' END,
            (d + time '07:00') AT TIME ZONE 'Europe/Berlin' - make_interval(hours => (h % 300))
       FROM generate_series($1::date, $2::date, interval '1 day') d
       CROSS JOIN spaces s
       CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || d::text)) AS h) hh
       CROSS JOIN LATERAL (SELECT CASE WHEN h % 20 = 0 THEN 'cancelled' WHEN h % 20 = 1 THEN 'released'
                                       WHEN h % 20 < 12 THEN 'checked_in' ELSE 'confirmed' END AS st) sts
       JOIN people p ON p.n = 1 + (h / 7) % $3
      WHERE extract(isodow FROM d) < 6 AND h % 10 < 7`,
    [from, to, opt.people],
  );
  await db.query('ANALYZE');
  const {
    rows: [{ facts }],
  } = await db.query(`SELECT count(*)::int AS facts FROM booking_facts`);
  const {
    rows: [{ id: floorId }],
  } = await db.query(`SELECT id FROM floors WHERE building_id = $1 ORDER BY level LIMIT 1`, [buildingId]);
  log(
    `generated ${int(rowCount)} bookings (${int(facts)} facts) in ${((Date.now() - t) / 1000).toFixed(1)} s, ${from} … ${to}`,
  );
  return { buildingId, floorId, from, to, heatFloors: [[floorId, `${opt.desks} desks`]] };
}

/**
 * A database kept by `bench:availability -- --keep 1` (20 M bookings at scale 1, loaded with the
 * triggers off): its facts are written in bulk as the trigger would (pseudonyms from the month's
 * salt), then every rollup is built by the one rebuild command. Measures 'Building 01' over a year
 * (±180 days around the day it was seeded): its 500-desk floor and one of its large floors.
 */
async function reuse(db) {
  const {
    rows: [{ n }],
  } = await db.query(`SELECT count(*)::int AS n FROM booking_facts`);
  if (n === 0) {
    let t = Date.now();
    log('writing the booking facts of every booking (bench:availability loads bookings with triggers off)…');
    await db.query(
      `INSERT INTO insight_salts (month) SELECT DISTINCT date_trunc('month', local_date)::date FROM bookings ON CONFLICT DO NOTHING`,
    );
    await db.query(`ALTER TABLE booking_facts DISABLE TRIGGER USER`);
    const { rowCount } = await db.query(`
      INSERT INTO booking_facts (booking_id, building_id, floor_id, zone_id, space_id, kind, local_date, am, pm,
                                 status, checked_in, lead_minutes, person_token)
      SELECT bk.id, f.building_id, s.floor_id, s.zone_id, s.id, s.kind, bk.local_date,
             (bk.start_at AT TIME ZONE b.time_zone) < (bk.local_date + b.midday::time),
             (bk.end_at AT TIME ZONE b.time_zone) > (bk.local_date + b.midday::time),
             bk.status, bk.checked_in_at IS NOT NULL OR bk.status = 'checked_in',
             GREATEST(0, floor(extract(epoch FROM bk.start_at - bk.created_at) / 60))::int,
             md5(salt.salt || bk.booker_id::text)
        FROM bookings bk JOIN spaces s ON s.id = bk.space_id JOIN floors f ON f.id = s.floor_id
        JOIN buildings b ON b.id = f.building_id
        JOIN insight_salts salt ON salt.month = date_trunc('month', bk.local_date)::date`);
    await db.query(`ALTER TABLE booking_facts ENABLE TRIGGER USER`);
    log(`wrote ${int(rowCount)} facts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await db.query(`SELECT flexdesk_insights_rebuild()`);
    await db.query(`VACUUM ANALYZE booking_facts, insight_day_atoms, insight_space_months`);
    log(`npm run insights:rebuild's function: all rollups in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const {
    rows: [{ id: buildingId }],
  } = await db.query(`SELECT id FROM buildings WHERE name = 'Building 01'`);
  const { rows: floors } = await db.query(
    `SELECT f.id, count(s.id)::int AS spaces FROM floors f JOIN spaces s ON s.floor_id = f.id
      WHERE f.building_id = $1 GROUP BY f.id, f.level ORDER BY f.level`,
    [buildingId],
  );
  return {
    buildingId,
    floorId: floors[0].id,
    from: addDays(today(), -180),
    to: addDays(today(), 184),
    heatFloors: floors.slice(0, 2).map((f) => [f.id, `${int(f.spaces)} spaces`]),
  };
}

await run(async () => {
  log(
    `bench:insights — ${opt.reuse ? `the kept bench:availability database ${opt.reuse}` : `${opt.floors} floors x ${opt.desks} desks, ${int(opt.people)} people`}, ${machine()}`,
  );
  const url = opt.reuse ? databaseUrl(opt.reuse) : await createDatabase(DB);
  await migrate(url);
  const db = await connect(url);
  const { buildingId, floorId, from, to, heatFloors } = opt.reuse ? await reuse(db) : await seed(db);
  await db.query(
    `INSERT INTO users (email, display_name, roles, password_hash) VALUES ('facility@bench.example', 'FM', '{facility_manager}', $1)
     ON CONFLICT DO NOTHING`,
    [passwordHash('flexdesk')],
  );
  const {
    rows: [{ facts }],
  } = await db.query(
    `SELECT count(*)::int AS facts FROM booking_facts WHERE building_id = $1 AND local_date BETWEEN $2 AND $3`,
    [buildingId, from, to],
  );
  await db.end();
  log(`measured building: ${int(facts)} booking facts from ${from} to ${to}`);

  // No background jobs: on the kept 20 M data set the first privacy purge would rewrite millions of rows.
  const api = await startApi(url, { LOG_LEVEL: 'warn', JOBS_INTERVAL_SECONDS: '0' });
  const client = httpClient(api.base, 1);
  const { token } = await login(client, 'facility@bench.example', 'flexdesk');
  const auth = { authorization: `Bearer ${token}` };
  // The month up to the last day of the range that has passed (the data may reach into the future).
  const monthTo = to < today() ? to : addDays(today(), -1);
  const monthFrom = addDays(monthTo, -29);
  const kinds = [
    ['building, one year', `buildingId=${buildingId}&from=${from}&to=${to}`, TARGETS.building],
    ['floor, one year', `buildingId=${buildingId}&floorId=${floorId}&from=${from}&to=${to}`, null],
    ...heatFloors.map(([id, size]) => [
      `floor heatmap (${size}), one month`,
      `buildingId=${buildingId}&floorId=${id}&from=${monthFrom}&to=${monthTo}`,
      TARGETS.floor,
    ]),
  ];
  let ok = true;
  for (const [label, query, target] of kinds) {
    const task = async () => (await client.get(`/api/insights/utilisation?${query}`, auth)).status;
    const cold = Date.now();
    await task();
    log(`${label}: first request ${Date.now() - cold} ms`);
    await runLoad({ concurrency: 1, total: 3, task, label: `${label} warm-up` });
    const result = await runLoad({ concurrency: 1, total: opt.requests, task, label });
    const p = percentiles(result.latencies);
    ok &&= result.outcomes['200'] === result.count;
    log(`${label}: median ${p.p50.toFixed(1)} ms — ${describe(p)}, outcomes ${JSON.stringify(result.outcomes)}`);
    if (target) log(`  target p95 ≤ ${target} ms: ${p.p95 <= target ? 'met' : 'MISSED'}`);
  }
  await api.stop();
  return ok ? 0 : 1;
});
