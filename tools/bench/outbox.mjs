#!/usr/bin/env node
// bench:outbox — notifications through the transactional outbox: bookings are committed at a fixed
// rate straight into PostgreSQL (the outbox trigger writes each confirmation as for API bookings);
// two API instances dispatch them to a local SMTP sink in this process. Reports throughput, the
// delay from each booking's commit to its mail's arrival, and proves 0 lost and 0 duplicates
// (by Message-ID, which is fixed per booking, sequence and kind).
import { SMTPServer } from 'smtp-server';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, connect, createDatabase, describe, int, log, machine, migrate, options, percentiles, run, startApi, todayIn } from './lib.mjs';

const USAGE = `Usage: node tools/bench/outbox.mjs [options]   (npm run bench:outbox -- [options])
  --total <n>       bookings, one confirmation mail each (default 10000)
  --rate <n>        bookings committed per second (default 250)
  --instances <n>   API instances dispatching (default 2)
  --pool <0|1>      1: SMTP_URL with ?pool=true (each instance keeps its SMTP connection; default 0)
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  total: { default: 10_000, min: 1, max: 1_000_000, integer: true },
  rate: { default: 250, min: 1, max: 10_000 },
  instances: { default: 2, min: 1, max: 8, integer: true },
  pool: { default: 0, min: 0, max: 1, integer: true },
});

const TZ = 'Europe/Berlin';
const DB = `flexdesk_bench_outbox_${process.pid}`;
const now = () => performance.timeOrigin + performance.now();

run(async () => {
  const desks = 500;
  const days = Math.ceil(opt.total / desks);
  const url = await createDatabase(DB);
  await migrate(url);
  const db = await connect(url);
  const hours = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })));
  const building = (await db.query(`INSERT INTO buildings (name, time_zone, opening_hours) VALUES ('Bench', $1, $2::jsonb) RETURNING id`, [TZ, hours])).rows[0].id;
  const floor = (await db.query(`INSERT INTO floors (building_id, name, level) VALUES ($1, 'Floor 0', 0) RETURNING id`, [building])).rows[0].id;
  const spaces = (await db.query(
    `INSERT INTO spaces (floor_id, kind, label, x, y)
     SELECT $1, 'desk', 'D' || lpad(s::text, 6, '0'), 20 + (s % 40) * 38, 20 + (s / 40) * 32 FROM generate_series(0, $2 - 1) s RETURNING id`,
    [floor, desks],
  )).rows.map((r) => r.id);
  const people = (await db.query(
    `INSERT INTO users (email, display_name, roles) SELECT 'person' || i || '@example.com', 'Person ' || i, '{employee}'
       FROM generate_series(1, $1) i RETURNING id`,
    [Math.min(opt.total, 2000)],
  )).rows.map((r) => r.id);

  // The sink: every message's arrival time by Message-ID.
  const arrivals = new Map();
  let duplicates = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c) => {
        if (head.length < 4000) head += c.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id) {
          if (arrivals.has(id)) duplicates++;
          else arrivals.set(id, now());
        }
        callback();
      });
    },
  });
  // A connection reset by a client (an instance stopping) is no reason to stop the sink.
  let sinkErrors = 0;
  sink.on('error', () => sinkErrors++);
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${sink.server.address().port}${opt.pool ? '?pool=true' : ''}`;
  const apis = [];
  for (let i = 0; i < opt.instances; i++) {
    apis.push(await startApi(url, { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://desks.example.org', WEB_CONCURRENCY: '1', JOBS_INTERVAL_SECONDS: '60' }));
  }
  log(`${opt.instances} API instance(s) up; committing ${int(opt.total)} bookings at ${opt.rate}/s (${machine()})`);

  const commits = new Map();
  const start = todayIn(TZ);
  const began = now();
  const inFlight = [];
  for (let n = 0; n < opt.total; n++) {
    const wait = began + (n * 1000) / opt.rate - now();
    if (wait > 0) await sleep(wait);
    const date = addDays(start, 1 + Math.floor(n / desks));
    inFlight.push(
      db
        .query(
          `INSERT INTO bookings (space_id, floor_id, booker_id, creator_id, local_date, slot, start_at, end_at)
           VALUES ($1, $5, $2, $2, $3::date, 'day', ($3::date + time '07:00') AT TIME ZONE $4, ($3::date + time '19:00') AT TIME ZONE $4)
           RETURNING id`,
          [spaces[n % desks], people[n % people.length], date, TZ, floor],
        )
        .then((r) => commits.set(`<${r.rows[0].id}.0.booking_confirmed@desks.example.org>`, now())),
    );
  }
  await Promise.all(inFlight);
  const committedBy = now();
  // Wait for the backlog while it moves: give up only after 30 s without a single delivery.
  for (let seen = -1, since = now(); arrivals.size < commits.size && now() - since < 30_000; await sleep(200)) {
    if (arrivals.size !== seen) [seen, since] = [arrivals.size, now()];
  }
  await sleep(2000); // any late duplicate
  const delays = [];
  let lost = 0;
  for (const [id, at] of commits) {
    const got = arrivals.get(id);
    if (got === undefined) lost++;
    else delays.push(got - at);
  }
  const last = Math.max(...arrivals.values());
  const delivered = arrivals.size;
  await sleep(1000); // the last ones are marked sent
  const statuses = (await db.query(`SELECT status, count(*)::int AS n FROM outbox GROUP BY status ORDER BY status`)).rows;
  await db.end();
  for (const api of apis) await api.stop();
  await new Promise((resolve) => sink.close(resolve));
  const p = percentiles(delays);
  console.log(`
=== bench:outbox: ${int(opt.total)} confirmations, ${opt.instances} API instance(s), SMTP ${opt.pool ? 'pooled' : 'a connection per mail'} ===
machine     ${days} days × ${desks} desks; bookings committed at ${opt.rate}/s over ${((committedBy - began) / 1000).toFixed(1)} s
delivered   ${int(delivered)} of ${int(commits.size)}: ${lost} lost, ${duplicates} duplicates (${sinkErrors} SMTP connection errors at the sink)
throughput  ${(delivered / ((last - began) / 1000)).toFixed(0)} mails/s from the first commit to the last delivery
delay       commit → SMTP sink: ${describe(p)}
outbox      ${statuses.map((s) => `${s.status} ${int(s.n)}`).join(', ')}
${lost === 0 && duplicates === 0 ? 'PASS' : 'FAIL'}: 0 lost and 0 duplicates required`);
  return lost === 0 && duplicates === 0 ? 0 : 1;
});
