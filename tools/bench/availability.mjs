#!/usr/bin/env node
// bench:availability — latency of GET /api/floors/:id/availability on Seatsurfing's perf-test shape:
// 20 buildings × 3 floors, one floor of 500 desks, ~15,000 spaces, 20 million bookings × --scale over
// ±180 days, 20% of spaces taking 60% of the bookings. Target: p95 ≤ 50 ms at full scale.
// Usage: npm run bench:availability -- [--scale 0.05] [--requests 2000] [--concurrency 8]
import pg from 'pg';
import { login, startApi, stopAll } from '../lib/api-process.mjs';
import { arg, createDatabase, dropDatabase, fmt, load, passwordHash, percentiles } from './lib.mjs';

const scale = arg('scale', 1);
const requests = arg('requests', 2000);
const concurrency = arg('concurrency', 8);
const DAYS = 361; // today ± 180
const HOURS = 12; // one-hour bookings 07:00–19:00, so busy spaces take many a day
const TOTAL = Math.round(20_000_000 * scale);
const DB = `flexdesk_bench_avail_${process.pid}`;

async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const q = (sql, params) => db.query(sql, params);
  const hours = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })));
  await q(`INSERT INTO users (email, display_name, password_hash, roles)
           VALUES ('bench@example.com', 'Bench', $1, '{employee}')`, [passwordHash('flexdesk')]);
  await q(`INSERT INTO users (email, display_name, roles, show_name_to_colleagues)
           SELECT 'user' || i || '@example.com', 'User ' || i, '{employee}', i % 2 = 0 FROM generate_series(1, 2000) i`);
  await q(`INSERT INTO buildings (name, time_zone, opening_hours)
           SELECT 'Building ' || b, 'Europe/Berlin', $1 FROM generate_series(1, 20) b`, [hours]);
  await q(`INSERT INTO floors (building_id, name, level)
           SELECT id, 'Floor ' || l, l FROM buildings, generate_series(0, 2) l`);
  const target = (await q(`SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id
                            WHERE b.name = 'Building 1' AND f.level = 0`)).rows[0].id;
  await q(`INSERT INTO spaces (floor_id, kind, label, x, y)
           SELECT f.id, 'desk', 'D' || s, (s % 25) * 50, (s / 25) * 40
             FROM floors f, generate_series(1, 500) s WHERE f.id = $1`, [target]);
  await q(`INSERT INTO spaces (floor_id, kind, label, x, y)
           SELECT f.id, 'desk', 'D' || s, (s % 25) * 50, (s / 25) * 40
             FROM floors f, generate_series(1, 245) s WHERE f.id <> $1`, [target]);

  await q(`CREATE TEMP TABLE sp AS SELECT id, (row_number() OVER (ORDER BY floor_id, label)) - 1 AS rn FROM spaces`);
  await q(`CREATE TEMP TABLE hot AS SELECT id, (row_number() OVER (ORDER BY rn)) - 1 AS k FROM sp WHERE rn % 5 = 0`);
  await q(`CREATE TEMP TABLE cold AS SELECT id, (row_number() OVER (ORDER BY rn)) - 1 AS k FROM sp WHERE rn % 5 <> 0`);
  await q(`CREATE TEMP TABLE people AS SELECT id, (row_number() OVER (ORDER BY email)) - 1 AS k FROM users`);
  await q(`CREATE INDEX ON hot (k); CREATE INDEX ON cold (k); CREATE INDEX ON people (k)`);
  const hotCount = (await q('SELECT count(*)::int AS n FROM hot')).rows[0].n;
  const coldCount = (await q('SELECT count(*)::int AS n FROM cold')).rows[0].n;

  // Bulk load without the secondary indexes and the exclusion constraint, then rebuild them:
  // each (space, day, hour) is generated at most once, so the rebuilt constraint holds.
  await q(`ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap`);
  await q(`DROP INDEX bookings_space_date_idx; DROP INDEX bookings_booker_date_idx`);
  const chunk = 1_000_000;
  for (const [table, n, size] of [['hot', Math.round(TOTAL * 0.6), hotCount], ['cold', TOTAL - Math.round(TOTAL * 0.6), coldCount]]) {
    if (n > size * DAYS * HOURS) throw new Error(`not enough ${table} slots for ${n} bookings`);
    for (let from = 0; from < n; from += chunk) {
      const to = Math.min(n, from + chunk) - 1;
      await q(
        `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, status)
         SELECT s.id, p.id, p.id, ts AT TIME ZONE 'Europe/Berlin', (ts + interval '1 hour') AT TIME ZONE 'Europe/Berlin',
                ts::date, 'custom', CASE WHEN i % 10 = 0 THEN 'cancelled' ELSE 'confirmed' END
           FROM (SELECT i, i % $3 AS sk, i % 2000 AS pk,
                        (current_date - 180 + ((i / $3) % ${DAYS})::int) + make_interval(hours => 7 + ((i / $3 / ${DAYS}) % ${HOURS})::int) AS ts
                   FROM generate_series($1::bigint, $2::bigint) i) g
           JOIN ${table} s ON s.k = g.sk JOIN people p ON p.k = g.pk`,
        [from, to, size],
      );
      process.stdout.write(`  ${table}: ${to + 1} / ${n} bookings\r`);
    }
    process.stdout.write('\n');
  }
  console.log('  rebuilding indexes and the exclusion constraint…');
  await q(`CREATE INDEX bookings_space_date_idx ON bookings (space_id, local_date) WHERE status IN ('confirmed', 'checked_in')`);
  await q(`CREATE INDEX bookings_booker_date_idx ON bookings (booker_id, local_date)`);
  await q(`ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (space_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&) WHERE (status IN ('confirmed', 'checked_in'))`);
  await q('ANALYZE');
  const counts = (await q(`SELECT (SELECT count(*) FROM spaces)::int AS spaces, (SELECT count(*) FROM bookings)::int AS bookings`)).rows[0];
  await db.end();
  return { target, ...counts };
}

let code = 1;
try {
  console.log(`bench:availability  scale ${scale} → ${TOTAL.toLocaleString('en')} bookings`);
  const url = await createDatabase(DB);
  const first = await startApi({ DATABASE_URL: url, SEED_DEMO: 'false' }); // runs the migrations
  await stopAll();
  void first;
  const t0 = Date.now();
  const { target, spaces, bookings } = await seed(url);
  console.log(`seeded ${spaces} spaces and ${bookings} bookings in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const { base } = await startApi({ DATABASE_URL: url, SEED_DEMO: 'false' });
  const token = await login(base, 'bench@example.com');
  const day = (i) => new Date(Date.now() + (((i * 7919) % DAYS) - 180) * 86400_000).toISOString().slice(0, 10);
  await load({ concurrency, total: 50, task: (i) => fetch(`${base}/api/floors/${target}/availability?date=${day(i)}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer()) });
  const run = await load({
    concurrency,
    total: requests,
    task: async (i) => {
      const res = await fetch(`${base}/api/floors/${target}/availability?date=${day(i)}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return res.status;
    },
  });
  const p = percentiles(run.latencies);
  console.log(`\nGET /api/floors/:id/availability on the 500-desk floor, ${concurrency} concurrent clients, ${p.count} requests`);
  console.log(`  statuses ${JSON.stringify(run.statuses)}, ${(p.count / run.seconds).toFixed(0)} req/s`);
  console.log(`  p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}  max ${fmt(p.max)}`);
  console.log(`  target p95 ≤ 50 ms: ${p.p95 <= 50 ? 'PASS' : 'MISS'}${scale < 1 ? ` (at scale ${scale})` : ''}`);
  code = 0;
} catch (e) {
  console.error(e);
} finally {
  await stopAll();
  await dropDatabase(DB).catch(() => undefined);
}
process.exit(code);
