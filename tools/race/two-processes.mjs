#!/usr/bin/env node
// Race test across two real API processes on one PostgreSQL server: 50 people book the same desk
// at once, half through each process. Exactly one may win; the rest must get 409, never a 5xx.
// Usage: DATABASE_URL=postgres://…/empty_db node tools/race/two-processes.mjs   (after `npm run build`)
import { existsSync } from 'node:fs';
import pg from 'pg';
import { get, MAIN, post, startApi as start, stopAll } from '../lib/api-process.mjs';

const DATABASE_URL = process.env.DATABASE_URL;
const RACERS = 50;
const ROUNDS = 3;

if (!DATABASE_URL) throw new Error('DATABASE_URL must name an empty PostgreSQL database');
if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);

const startApi = async (seed) => (await start({ SEED_DEMO: String(seed) })).base;

async function main() {
  // The first process migrates and seeds; the second starts against the same database.
  const a = await startApi(true);
  const b = await startApi(false);
  console.log(`two API processes: ${a} and ${b}`);

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, roles)
     SELECT 'racer' || i || '@example.com', 'Racer ' || i,
            (SELECT password_hash FROM users WHERE email = 'employee@example.com'), '{employee}'
       FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
    [RACERS],
  );
  await db.end();

  const racers = [];
  for (let i = 1; i <= RACERS; i++) {
    const base = i % 2 ? a : b;
    const login = await post(base, null, '/api/auth/login', { email: `racer${i}@example.com`, password: 'flexdesk' });
    if (login.status !== 200) throw new Error(`login racer${i}: ${login.status}`);
    racers.push({ base, token: login.body.accessToken });
  }

  const buildings = await get(a, racers[0].token, '/api/buildings');
  const floorId = buildings.find((x) => x.timeZone === 'Europe/Berlin').floors.find((f) => f.name === 'Erdgeschoss').id;
  const floor = await get(a, racers[0].token, `/api/floors/${floorId}`);

  let failed = 0;
  let day = 1;
  for (let round = 0; round < ROUNDS; round++) {
    const desk = floor.spaces.filter((s) => s.kind === 'desk' && s.bookable)[30 + round];
    // The next open day on which this desk is free; a new day each round, so last round's winner
    // is not stopped by the one-desk-per-day rule instead of by the conflict.
    let date = null;
    for (; day <= 13 && !date; day++) {
      const candidate = new Date(Date.now() + day * 86400_000).toISOString().slice(0, 10);
      const avail = await get(a, racers[0].token, `/api/floors/${floorId}/availability?date=${candidate}`);
      if (avail.open && avail.spaces.find((s) => s.spaceId === desk.id)?.state === 'free') date = candidate;
    }
    if (!date) throw new Error(`no free day for desk ${desk.label}`);

    const results = await Promise.all(
      racers.map((r) => post(r.base, r.token, '/api/bookings', { spaceId: desk.id, date, slot: 'day' })),
    );
    const count = (s) => results.filter((r) => r.status === s).length;
    const other = results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status);
    const ok = count(201) === 1 && count(409) === RACERS - 1 && other.length === 0;
    if (!ok) failed++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} round ${round + 1}: desk ${desk.label} on ${date}: ` +
        `${count(201)} × 201, ${count(409)} × 409, other: [${other.join(', ')}]`,
    );
  }
  console.log(`${ROUNDS - failed} passed, ${failed} failed`);
  return failed;
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
