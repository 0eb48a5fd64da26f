#!/usr/bin/env node
// bench:people — the people administration's search at the size of a large organisation:
// 40,000 people in 300 groups on the PostgreSQL server, searched by an admin over HTTP as the
// /admin/people page does (name or e-mail fragments with and without umlauts, filters, paging).
// Target: p95 ≤ 50 ms.
import {
  connect,
  createDatabase,
  describe,
  httpClient,
  int,
  json,
  log,
  login,
  machine,
  migrate,
  options,
  passwordHash,
  percentiles,
  prng,
  run,
  runLoad,
  startApi,
} from './lib.mjs';

const USAGE = `Usage: node tools/bench/people.mjs [options]   (npm run bench:people -- [options])
  --people <n>        people in the directory (default 40000)
  --requests <n>      measured searches (default 2000)
  --concurrency <n>   concurrent admins (default 4)
  --seed <n>          seed of the search terms (default 1)
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  people: { default: 40_000, min: 100, max: 1_000_000, integer: true },
  requests: { default: 2000, min: 1, max: 1e7, integer: true },
  concurrency: { default: 4, min: 1, max: 64, integer: true },
  seed: { default: 1, min: 0, max: 2 ** 31, integer: true },
});
const TARGET_P95_MS = 50;
const GROUPS = 300;
const FIRST = [
  'Anna',
  'Jürgen',
  'Zoë',
  'Mehmet',
  'Sören',
  'Ümit',
  'Björn',
  'Chloé',
  'Łukasz',
  'Ines',
  'Max',
  'Erika',
  'Fatma',
  'René',
  'Agnieszka',
  'Jörg',
  'Lea',
  'Noah',
  'Hannah',
  'Ole',
];
const LAST = [
  'Müller',
  'Schäfer',
  'Yılmaz',
  'Öztürk',
  'Weiß',
  'Groß',
  'Kowalski',
  'Nguyen',
  'Becker',
  'Hoffmann',
  'Krüger',
  'Schröder',
  'Lehmann',
  'Köhler',
  'Dvořák',
  'Fischer',
  'Wagner',
  'Böhm',
  'Günther',
  'Jäger',
];
const DB = `flexdesk_bench_people_${process.pid}`;

await run(async () => {
  log(`bench:people — ${int(opt.people)} people, ${machine()}`);
  const url = await createDatabase(DB);
  await migrate(url);
  const db = await connect(url);
  let t = Date.now();
  await db.query(
    `INSERT INTO groups (name) SELECT 'Team ' || lpad(g::text, 3, '0') FROM generate_series(1, ${GROUPS}) g`,
  );
  // Names combine first and last names (with a running number so each is distinct), e-mails are
  // written without accents, as mail systems do.
  await db.query(
    `INSERT INTO users (email, display_name, roles)
     SELECT lower(translate(f || '.' || l, 'üöäßëéłıďřč', 'uoaseeliirc')) || '.' || i || '@example.org',
            f || ' ' || l || ' ' || i,
            CASE WHEN i % 200 = 0 THEN '{employee,receptionist}' WHEN i % 500 = 1 THEN '{employee,facility_manager}' ELSE '{employee}' END::text[]
       FROM generate_series(1, $1::int) i,
            LATERAL (SELECT ($2::text[])[1 + (i * 7) % array_length($2::text[], 1)] AS f,
                            ($3::text[])[1 + (i * 13) % array_length($3::text[], 1)] AS l) n`,
    [opt.people, FIRST, LAST],
  );
  await db.query(
    `INSERT INTO user_groups (user_id, group_id)
     SELECT u.id, g.id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) u
       JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM groups) g ON g.n IN (1 + u.n % ${GROUPS}, 1 + (u.n * 7) % ${GROUPS})
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO users (email, display_name, roles, password_hash) VALUES ('admin@example.org', 'Bench Admin', '{admin}', $1)`,
    [passwordHash('flexdesk')],
  );
  await db.query('ANALYZE');
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM users')).rows;
  const group = (await db.query(`SELECT id FROM groups WHERE name = 'Team 042'`)).rows[0].id;
  await db.end();
  log(`generated ${int(n)} people and ${GROUPS} groups in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const api = await startApi(url, { LOG_LEVEL: 'warn' });
  const client = httpClient(api.base, opt.concurrency);
  const { token } = await login(client, 'admin@example.org', 'flexdesk');
  const rnd = prng(opt.seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  // What people type: a few letters of a name (with or without umlauts, or spelled out), a mail part.
  const terms = () => {
    const last = pick(LAST);
    const cut = 3 + Math.floor(rnd() * 3);
    return pick([
      last.slice(0, cut),
      last.normalize('NFD').replace(/\p{M}/gu, '').slice(0, cut).toLowerCase(),
      last
        .replace('ü', 'ue')
        .replace('ö', 'oe')
        .replace('ä', 'ae')
        .slice(0, cut + 1),
      `${pick(FIRST)} ${last}`.slice(0, 8),
      `${Math.floor(rnd() * opt.people)}@`,
      pick(FIRST).slice(0, 4),
    ]);
  };
  const queries = () =>
    pick([
      () => `query=${encodeURIComponent(terms())}`,
      () => `query=${encodeURIComponent(terms())}&status=active`,
      () => `role=receptionist`,
      () => `groupId=${group}`,
      () => `limit=50`,
      () => `query=${encodeURIComponent(pick(LAST).slice(0, 2))}&role=facility_manager`,
    ])();
  // Paging: half the requests continue a previous page.
  const cursors = [];
  const auth = { authorization: `Bearer ${token}` };
  const search = async () => {
    const q = cursors.length && rnd() < 0.5 ? cursors.splice(Math.floor(rnd() * cursors.length), 1)[0] : queries();
    const res = await client.get(`/api/admin/people?${q}`, auth);
    const body = json(res);
    if (res.status === 200 && body.next) cursors.push(`${q.replace(/&after=[^&]*/, '')}&after=${body.next}`);
    if (cursors.length > 200) cursors.shift();
    return res.status;
  };
  t = Date.now();
  await runLoad({ concurrency: opt.concurrency, total: 100, task: search, label: 'warm-up' });
  const result = await runLoad({ concurrency: opt.concurrency, total: opt.requests, task: search, label: 'search' });
  const p = percentiles(result.latencies);
  log(
    `searches: ${int(result.count)} in ${result.seconds.toFixed(1)} s (${int(result.count / result.seconds)}/s), outcomes ${JSON.stringify(result.outcomes)}`,
  );
  log(`latency ${describe(p)}`);
  log(`target p95 ≤ ${TARGET_P95_MS} ms: ${p.p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`);
  await api.stop();
  return result.outcomes['200'] === result.count ? 0 : 1;
});
