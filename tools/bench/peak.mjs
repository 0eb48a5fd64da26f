#!/usr/bin/env node
// bench:peak — a morning peak: two API instances (one process each) on one PostgreSQL server, with
// open-loop load spread over both — `--avail-rate` GET /api/floors/:id/availability per second and
// `--booking-rate` POST /api/bookings per second (each by a different person, on a free desk) for
// `--seconds` — while `--streams` live-event streams (GET /api/events, as the booking page and the
// front desk hold them) stay open on both instances.
//
// Prints per kind the achieved rate, p50/p95/p99/max latency measured from each request's scheduled
// time (so a slow answer cannot hold back the next request and hide itself: no coordinated omission),
// statuses, drops at the in-flight cap and errors; the live events received against those expected
// (a booking made through one instance must reach the streams of both: NOTIFY across instances under
// load) and the delay from the booking's 201 to its event; each API process's resident memory
// (VmRSS, sampled every second) and CPU time; the machine's load average. No latency target (issue
// #15 asks for the figures); exits non-zero on any 5xx, any network error or any lost event.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
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
  migrate,
  options,
  passwordHash,
  percentiles,
  prng,
  run,
  startApi,
  todayIn,
} from './lib.mjs';
import { cpuSeconds, rssMiB } from './proc.mjs';

const USAGE = `Usage: node tools/bench/peak.mjs [options]   (npm run bench:peak -- [options])
  --seconds <s>         measured seconds of load (default 60)
  --avail-rate <n>      availability requests per second, over both instances (default 200)
  --booking-rate <n>    bookings per second, over both instances (default 30)
  --streams <n>         live-event streams held open, half on each instance (default 200)
  --warmup <s>          unmeasured seconds at the same rates before the streams open (default 5)
  --people <n>          people, each with a session (default 3000)
  --max-inflight <n>    requests of one kind in flight at most; beyond, a request is dropped and counted (default 256)
  --seed <n>            seed of the generated data and request sequence (default 1)
Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
and a built API (npx nx build api).`;

const opt = options(USAGE, {
  seconds: { default: 60, min: 1, max: 3600 },
  'avail-rate': { default: 200, min: 0, max: 10_000 },
  'booking-rate': { default: 30, min: 0, max: 1_000 },
  streams: { default: 200, min: 0, max: 5_000, integer: true },
  warmup: { default: 5, min: 0, max: 600 },
  people: { default: 3000, min: 100, max: 100_000, integer: true },
  'max-inflight': { default: 256, min: 1, max: 10_000, integer: true },
  seed: { default: 1, min: 0, max: 2 ** 31, integer: true },
});

const TZ = 'Europe/Berlin';
const DB = `flexdesk_bench_peak_${process.pid}`;
const INSTANCES = 2;
// A municipal campus: the 500-desk floor of bench:availability and smaller ones beside it.
const CAMPUS = [
  { name: 'Rathaus', floors: [['EG', 0, 500], ['1. OG', 1, 200], ['2. OG', 2, 150]] },
  { name: 'Bürgeramt Nord', floors: [['EG', 0, 120], ['1. OG', 1, 80]] },
  { name: 'Bauhof', floors: [['Halle', 0, 60]] },
];
const ROOMS_PER_FLOOR = 4; // on every floor but the 500-desk one (that one stays exactly 500 desks)
const OPEN_WEEKDAYS = [1, 2, 3, 4, 5];
const OPENING_HOURS = JSON.stringify(OPEN_WEEKDAYS.map((weekday) => ({ weekday, open: '07:00', close: '19:00' })));
const PAST_DAYS = 5; // existing bookings from today − 5 …
const HORIZON = 14; // … to today + 14, the default booking horizon
const OCCUPANCY = 0.5; // share of desk-days already booked before the peak
const CANCELLED_EVERY = 10; // 1 in 10 existing bookings is cancelled
const TODAY_TOO_BEFORE_HOUR = 17; // today's desks are booked in the run only while most of the day is ahead
const BUILDING_STREAM_EVERY = 10; // 1 stream in 10 follows a building (the front desk), the rest a floor
const REQUEST_TIMEOUT_MS = 30_000;
const EVENT_WAIT_MS = 10_000; // after the load: wait this long without a new event before counting
const now = () => performance.now();

const isoWeekday = (date) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
const isOpen = (date) => OPEN_WEEKDAYS.includes(isoWeekday(date));
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const localHour = (timeZone) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));

function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Picks from `items` with probability proportional to `weight(item)`. */
function weighted(items, weight, random) {
  const total = items.reduce((s, x) => s + weight(x), 0);
  return () => {
    let r = random() * total;
    for (const x of items) if ((r -= weight(x)) < 0) return x;
    return items[items.length - 1];
  };
}

/**
 * The campus, the people with one session each (tokens written straight into `sessions` as the API
 * stores them, so thousands of people need no thousands of scrypt logins), and the bookings already
 * made: OCCUPANCY of the desk-days from today − PAST_DAYS to today + HORIZON, each person at most one
 * desk a day (the default policy). Then a plan of bookings for the run on desk-days and person-days
 * that are still free, so a 409 or 422 in the run is a finding, not the benchmark's doing.
 */
async function seed(url, today, planned) {
  const random = prng(opt.seed);
  const db = await connect(url);
  const floors = [];
  for (const b of CAMPUS) {
    const building = (await db.query(`INSERT INTO buildings (name, time_zone, opening_hours) VALUES ($1, $2, $3::jsonb) RETURNING id`, [b.name, TZ, OPENING_HOURS])).rows[0].id;
    for (const [name, level, desks] of b.floors) {
      const floor = (await db.query(`INSERT INTO floors (building_id, name, level) VALUES ($1, $2, $3) RETURNING id`, [building, name, level])).rows[0].id;
      const deskIds = (await db.query(
        `INSERT INTO spaces (floor_id, kind, label, x, y, attributes)
         SELECT $1, 'desk', $3::text || '.' || lpad(s::text, 3, '0'), 20 + (s % 25) * 38, 20 + (s / 25) * 32,
                CASE WHEN s % 3 = 0 THEN '{monitor,docking_station}'::text[] ELSE '{}' END
           FROM generate_series(0, $2 - 1) s RETURNING id, label`,
        [floor, desks, level])).rows.sort((x, y) => x.label.localeCompare(y.label)).map((r) => r.id);
      if (desks !== 500) {
        await db.query(
          `INSERT INTO spaces (floor_id, kind, label, x, y, width, height, capacity)
           SELECT $1, 'room', 'R' || $3::text || '.' || r, 20 + r * 120, 540, 100, 80, 6 FROM generate_series(1, $2) r`,
          [floor, ROOMS_PER_FLOOR, level]);
      }
      floors.push({ id: floor, buildingId: building, name: `${b.name} ${name}`, desks: deskIds });
    }
  }

  const hash = passwordHash('flexdesk');
  const people = (await db.query(
    `INSERT INTO users (email, display_name, password_hash, roles, show_name_to_colleagues)
     SELECT 'person' || i || '@example.com', 'Person ' || i, $1, '{employee}', i % 3 = 0 FROM generate_series(1, $2) i
     RETURNING id, email`, [hash, opt.people])).rows
    .map((r) => ({ id: r.id, n: Number(/\d+/.exec(r.email)[0]) }))
    .sort((a, b) => a.n - b.n)
    .map((r) => ({ id: r.id, token: randomBytes(32).toString('base64url') }));
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
     SELECT u, h, c, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(u, h, c)`,
    [people.map((p) => p.id), people.map((p) => sha256(p.token)), people.map(() => randomBytes(16).toString('base64url'))]);

  const desks = floors.flatMap((f) => f.desks.map((id) => ({ id, floor: f })));
  const taken = new Set(); // `${spaceId}|${date}` and `${personId}|${date}` already used
  const rows = { space: [], person: [], date: [], cancelled: [] };
  for (let d = -PAST_DAYS; d <= HORIZON; d++) {
    const date = addDays(today, d);
    if (!isOpen(date)) continue;
    const order = shuffle([...people], random);
    for (const desk of desks) {
      if (random() >= OCCUPANCY) continue;
      const person = order.pop();
      if (!person) break; // fewer people than desks to fill: the day stays emptier
      taken.add(`${desk.id}|${date}`).add(`${person.id}|${date}`);
      rows.space.push(desk.id);
      rows.person.push(person.id);
      rows.date.push(date);
      rows.cancelled.push(rows.space.length % CANCELLED_EVERY === 0);
    }
  }
  await db.query(
    `INSERT INTO bookings (space_id, booker_id, creator_id, local_date, slot, start_at, end_at, status, cancelled_at)
     SELECT s, u, u, d, 'day', (d + time '07:00') AT TIME ZONE $5::text, (d + time '19:00') AT TIME ZONE $5::text,
            CASE WHEN c THEN 'cancelled' ELSE 'confirmed' END, CASE WHEN c THEN (d - 1 + time '18:00') AT TIME ZONE $5::text END
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bool[]) AS t(s, u, d, c)`,
    [rows.space, rows.person, rows.date, rows.cancelled, TZ]);
  await db.query('VACUUM ANALYZE');
  const existing = (await db.query(`SELECT count(*)::int AS n FROM bookings`)).rows[0].n;
  await db.end();

  // The run's bookings: free desk-days in a random order, each by a person still free that day.
  const first = localHour(TZ) < TODAY_TOO_BEFORE_HOUR ? 0 : 1;
  const planDays = [];
  for (let d = first; d <= HORIZON; d++) if (isOpen(addDays(today, d))) planDays.push(addDays(today, d));
  const freePeople = new Map(planDays.map((date) => [date, shuffle(people.filter((p) => !taken.has(`${p.id}|${date}`)), random)]));
  const pairs = shuffle(planDays.flatMap((date) => desks.filter((k) => !taken.has(`${k.id}|${date}`)).map((desk) => ({ desk, date }))), random);
  const plan = [];
  for (const { desk, date } of pairs) {
    if (plan.length === planned) break;
    const person = freePeople.get(date).pop();
    if (!person) continue;
    plan.push({
      key: `${desk.id}|${date}`,
      floor: desk.floor,
      token: person.token,
      body: JSON.stringify({ spaceId: desk.id, date, slot: 'day' }),
    });
  }
  if (plan.length < planned) {
    throw new Error(`only ${plan.length} free desk-days for ${planned} bookings: lower --booking-rate, --seconds or --warmup`);
  }
  return { floors, people, plan, planDays, existing, seeded: rows.space.length };
}

/**
 * One SSE stream. Calls `onEvent(event, receivedAt)` for every `change`; resolves with a handle once
 * the server's `ready` arrived, so every stream is listening before the load starts.
 */
function openStream(agent, base, path, token, onEvent) {
  return new Promise((resolve, reject) => {
    const stream = { ended: false, req: null };
    stream.req = http.get(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
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
          if (type === 'ready') resolve(stream);
          else if (type === 'change' && data) onEvent(JSON.parse(data), at);
        }
      });
      res.on('end', () => reject(new Error(`GET ${path} ended before its ready event`)));
      res.on('close', () => (stream.ended = true));
      res.on('error', () => (stream.ended = true));
    });
    stream.req.on('error', (e) => {
      stream.ended = true;
      reject(e);
    });
  });
}

const outcomeOf = (res) => {
  if (res.status < 300) return String(res.status);
  const code = json(res)?.code;
  return code ? `${res.status} ${code}` : String(res.status);
};

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: `TIMEOUT ${REQUEST_TIMEOUT_MS / 1000} s` })), REQUEST_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const newStats = () => ({ scheduled: 0, sent: 0, dropped: 0, inflight: 0, latencies: [], service: [], startLag: [], outcomes: new Map() });

/**
 * Open loop: request n of a kind is due at start + n / rate, whatever happened to the ones before.
 * Latency is taken from the due time, so time a request spent waiting for the generator (or for
 * the in-flight cap) counts against the system, as it would for a person pressing the button then.
 */
async function openLoop({ seconds, kinds }) {
  const pending = new Set();
  const start = now();
  const end = start + seconds * 1000;
  const next = kinds.map(() => 0);
  const dueOf = (k, n) => start + (n * 1000) / kinds[k].rate;
  const fire = (kind, n, due) => {
    const s = kind.stats;
    s.scheduled++;
    if (s.inflight >= opt['max-inflight']) {
      s.dropped++;
      return;
    }
    s.inflight++;
    s.sent++;
    const sent = now();
    s.startLag.push(sent - due);
    const p = withTimeout(kind.request(n))
      .then(
        (res) => {
          const at = now();
          s.latencies.push(at - due);
          s.service.push(at - sent);
          kind.answered?.(n, res, at);
          return outcomeOf(res);
        },
        (e) => `error ${e.code ?? e.message}`,
      )
      .then((outcome) => {
        s.outcomes.set(outcome, (s.outcomes.get(outcome) ?? 0) + 1);
        s.inflight--;
        pending.delete(p);
      });
    pending.add(p);
  };
  const ticker = setInterval(() => {
    const t = (now() - start) / 1000;
    log(`  ${t.toFixed(0)} / ${seconds} s: ` +
      kinds.map((k) => `${k.name} ${int(k.stats.sent)} sent, ${k.stats.inflight} in flight, ${k.stats.dropped} dropped`).join('; '));
  }, 5_000);
  try {
    for (;;) {
      let k = -1;
      for (let i = 0; i < kinds.length; i++) {
        if (kinds[i].rate > 0 && dueOf(i, next[i]) < end && (k < 0 || dueOf(i, next[i]) < dueOf(k, next[k]))) k = i;
      }
      if (k < 0) break;
      const due = dueOf(k, next[k]);
      const wait = due - now();
      if (wait >= 1) await sleep(wait);
      fire(kinds[k], next[k], due);
      next[k]++;
    }
    const loopEnd = now();
    await Promise.all(pending);
    return { seconds: (loopEnd - start) / 1000, drainedAfter: (now() - loopEnd) / 1000 };
  } finally {
    clearInterval(ticker);
  }
}

function kindReport(name, s, seconds) {
  const p = percentiles(s.latencies);
  const svc = percentiles(s.service);
  const statuses = [...s.outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${int(v)}`).join(', ');
  return [
    `${name}`,
    `  sent        ${int(s.sent)} of ${int(s.scheduled)} scheduled (${int(s.dropped)} dropped at the in-flight cap of ${opt['max-inflight']}), ` +
      `${(s.sent / seconds).toFixed(1)}/s sent, ${(s.latencies.length / seconds).toFixed(1)}/s answered`,
    `  latency     from the scheduled time: ${describe(p)}`,
    `  service     from sending: ${describe(svc)}`,
    `  statuses    ${statuses || 'none'}`,
  ].join('\n');
}

await run(async () => {
  const availRate = opt['avail-rate'];
  const bookingRate = opt['booking-rate'];
  const warmBookings = Math.ceil(bookingRate * opt.warmup);
  const measuredBookings = Math.ceil(bookingRate * opt.seconds);
  log(`machine: ${machine()}`);
  log(`bench:peak  ${INSTANCES} API instances, ${availRate} availability requests/s + ${bookingRate} bookings/s for ${opt.seconds} s ` +
      `(after ${opt.warmup} s warm-up), ${opt.streams} live streams, ${opt.people} people`);
  if (opt.streams > opt.people) throw new Error('--streams may not exceed --people (one person per stream)');

  const url = await createDatabase(DB);
  log(`database ${DB} created; migrating and seeding`);
  await migrate(url);
  const today = todayIn(TZ);
  const { floors, people, plan, planDays, existing, seeded } = await seed(url, today, warmBookings + measuredBookings);
  const totalDesks = floors.reduce((n, f) => n + f.desks.length, 0);
  log(`seeded ${floors.length} floors, ${int(totalDesks)} desks, ${int(people.length)} people with sessions, ${int(seeded)} bookings; ` +
      `the run books ${planDays[0]} … ${planDays.at(-1)}`);

  const apis = [];
  for (let i = 0; i < INSTANCES; i++) apis.push(await startApi(url, { WEB_CONCURRENCY: '1' }));
  log(`API instances on ports ${apis.map((a) => a.port).join(', ')} (pids ${apis.map((a) => a.child.pid).join(', ')})`);
  // The seeded password works through the API too (sessions were written directly).
  const probe = httpClient(apis[0].base, 1);
  await login(probe, 'person1@example.com', 'flexdesk');
  probe.close();

  const memory = apis.map((a) => ({ pid: a.child.pid, idle: rssMiB(a.child.pid), streams: NaN, max: 0, end: NaN }));
  const sampler = setInterval(() => memory.forEach((m) => (m.max = Math.max(m.max, rssMiB(m.pid) || 0))), 1_000);

  // Requests: instance n % 2; availability for a floor weighted by its desks (people look at where
  // they sit), today in 40% of the requests, otherwise an open day of the horizon.
  const random = prng(opt.seed + 1);
  const pickFloor = weighted(floors, (f) => f.desks.length, random);
  const availDays = [];
  for (let d = 1; d <= HORIZON; d++) if (isOpen(addDays(today, d))) availDays.push(addDays(today, d));
  const availClients = apis.map((a) => httpClient(a.base, opt['max-inflight']));
  const bookingClients = apis.map((a) => httpClient(a.base, opt['max-inflight']));
  const availability = (stats) => ({
    name: 'availability',
    rate: availRate,
    stats,
    request: (n) => {
      const date = random() < 0.4 ? today : availDays[Math.floor(random() * availDays.length)];
      const person = people[Math.floor(random() * people.length)];
      return availClients[n % INSTANCES].get(`/api/floors/${pickFloor().id}/availability?date=${date}`, { authorization: `Bearer ${person.token}` });
    },
  });
  const acked = new Map(); // plan key → { at, instance } of its 201
  const bookings = (stats, offset) => ({
    name: 'bookings',
    rate: bookingRate,
    stats,
    request: (n) => bookingClients[n % INSTANCES].post('/api/bookings', plan[offset + n].body, { authorization: `Bearer ${plan[offset + n].token}` }),
    answered: (n, res, at) => res.status === 201 && acked.set(plan[offset + n].key, { at, instance: n % INSTANCES, floor: plan[offset + n].floor }),
  });

  const warm = { availability: newStats(), bookings: newStats() };
  if (opt.warmup) {
    log(`warming up for ${opt.warmup} s (unmeasured)…`);
    await openLoop({ seconds: opt.warmup, kinds: [availability(warm.availability), bookings(warm.bookings, 0)] });
    const failed = [...warm.availability.outcomes, ...warm.bookings.outcomes].filter(([k]) => !/^20[01]$/.test(k));
    if (failed.length) log(`warm-up answers other than 200/201: ${failed.map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    acked.clear();
    await sleep(1_000); // the warm-up's last events are out before any stream connects
  }

  // Streams: alternate instances; every tenth follows a building (the front desk), the others a
  // floor weighted by its desks (booking pages). One person per stream (EVENT_STREAMS_PER_PERSON).
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const streams = [];
  const arrivals = new Map(); // plan key → [{ at, instance }]
  const other = { events: 0, resync: 0 };
  const planKeys = new Set(plan.slice(warmBookings).map((p) => p.key));
  const streamSpecs = Array.from({ length: opt.streams }, (_, i) => {
    const instance = i % INSTANCES;
    if (i % BUILDING_STREAM_EVERY === BUILDING_STREAM_EVERY - 1) {
      const buildingId = floors[Math.floor(random() * floors.length)].buildingId;
      return { instance, buildingId, path: `/api/events?buildingId=${buildingId}` };
    }
    const floorId = pickFloor().id;
    return { instance, floorId, path: `/api/events?floorId=${floorId}` };
  });
  log(`opening ${opt.streams} live-event streams…`);
  for (let i = 0; i < streamSpecs.length; i += 50) {
    const batch = streamSpecs.slice(i, i + 50).map((spec, j) =>
      openStream(agent, apis[spec.instance].base, spec.path, people[i + j].token, (e, at) => {
        const key = e.type === 'booking' && e.op === 'insert' ? `${e.spaceId}|${e.date}` : null;
        if (key && planKeys.has(key)) {
          const list = arrivals.get(key);
          if (list) list.push({ at, instance: spec.instance });
          else arrivals.set(key, [{ at, instance: spec.instance }]);
        } else if (e.type === 'resync') other.resync++;
        else other.events++;
      }),
    );
    streams.push(...(await Promise.all(batch)));
  }
  await sleep(1_000);
  memory.forEach((m) => (m.streams = rssMiB(m.pid)));
  // Streams that should see a booking on a floor: by floor and by building, per instance.
  const listeners = (floor) =>
    Array.from({ length: INSTANCES }, (_, i) =>
      streamSpecs.filter((s) => s.instance === i && (s.floorId === floor.id || s.buildingId === floor.buildingId)).length);

  const loadBefore = loadavg();
  const cpuBefore = apis.map((a) => cpuSeconds(a.child.pid));
  const ownCpuBefore = process.cpuUsage();
  log(`measuring for ${opt.seconds} s (${machine()})…`);
  const measured = { availability: newStats(), bookings: newStats() };
  const { seconds, drainedAfter } = await openLoop({
    seconds: opt.seconds,
    kinds: [availability(measured.availability), bookings(measured.bookings, warmBookings)],
  });
  const cpuAfter = apis.map((a) => cpuSeconds(a.child.pid));
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const loadAfter = loadavg();
  memory.forEach((m) => (m.end = rssMiB(m.pid)));

  // Every acknowledged booking's event on every stream that follows its floor or building; wait
  // while they still arrive.
  const expectedOf = new Map([...acked].map(([key, a]) => [key, listeners(a.floor)]));
  const received = () => [...arrivals.values()].reduce((n, l) => n + l.length, 0);
  const expectedTotal = [...expectedOf.values()].reduce((n, l) => n + l.reduce((a, b) => a + b, 0), 0);
  for (let seen = -1, since = now(); received() < expectedTotal && now() - since < EVENT_WAIT_MS; await sleep(100)) {
    if (received() !== seen) [seen, since] = [received(), now()];
  }
  clearInterval(sampler);
  const endedEarly = streams.filter((s) => s.ended).length;
  for (const s of streams) s.req.destroy();
  agent.destroy();
  [...availClients, ...bookingClients].forEach((c) => c.close());
  const exited = apis.filter((a) => a.child.exitCode !== null || a.child.signalCode !== null).length;

  // Delivery, split by whether the stream was on the instance that took the booking.
  const delivery = { same: [0, 0], other: [0, 0] }; // [received, expected]
  const lags = [];
  let early = 0;
  let unexpected = 0;
  for (const [key, list] of arrivals) {
    const ack = acked.get(key);
    if (!ack) {
      unexpected += list.length;
      continue;
    }
    for (const { at, instance } of list) {
      delivery[instance === ack.instance ? 'same' : 'other'][0]++;
      lags.push(at - ack.at);
      if (at < ack.at) early++;
    }
  }
  for (const [key, perInstance] of expectedOf) {
    perInstance.forEach((n, i) => (delivery[i === acked.get(key).instance ? 'same' : 'other'][1] += n));
  }
  let lost = 0;
  for (const [key, perInstance] of expectedOf) {
    const got = Array.from({ length: INSTANCES }, (_, i) => (arrivals.get(key) ?? []).filter((x) => x.instance === i).length);
    lost += perInstance.reduce((n, want, i) => n + Math.max(0, want - got[i]), 0);
  }

  const db = await connect(url);
  const stored = (await db.query(`SELECT count(*)::int AS n FROM bookings`)).rows[0].n - existing;
  await db.end();
  for (const api of apis) await api.stop();

  const count = (s, test) => [...s.outcomes].filter(([k]) => test(k)).reduce((n, [, v]) => n + v, 0);
  const serverErrors = count(measured.availability, (k) => /^5/.test(k)) + count(measured.bookings, (k) => /^5/.test(k));
  const networkErrors = count(measured.availability, (k) => k.startsWith('error')) + count(measured.bookings, (k) => k.startsWith('error'));
  const created = count(measured.bookings, (k) => k === '201');
  const warmCreated = count(warm.bookings, (k) => k === '201');
  const lag = percentiles(lags);
  const startLag = percentiles([...measured.availability.startLag, ...measured.bookings.startLag]);
  const pass = serverErrors === 0 && networkErrors === 0 && lost === 0 && endedEarly === 0 && exited === 0;
  const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' ');
  const streamFloors = streamSpecs.filter((s) => s.floorId).length;
  console.log(`
=== bench:peak: ${INSTANCES} API instances on one PostgreSQL server, ${opt.seconds} s of ${availRate} availability requests/s + ${bookingRate} bookings/s, ${opt.streams} live streams ===
data        ${CAMPUS.length} buildings, ${floors.length} floors (${floors.map((f) => f.desks.length).join(', ')} desks; ${ROOMS_PER_FLOOR} rooms on each but the largest), ${int(people.length)} people with sessions
            ${int(existing)} bookings before the run (${OCCUPANCY * 100}% of the desk-days ${addDays(today, -PAST_DAYS)} … ${addDays(today, HORIZON)}, Monday–Friday, 1 in ${CANCELLED_EVERY} cancelled)
machine     load average ${fmtLoad(loadBefore)} (1, 5, 15 min) when measuring started, ${fmtLoad(loadAfter)} at its end; ${machine().split(',')[0]}
${kindReport(`availability  GET /api/floors/<floor by desks>/availability?date=<today 40%, else an open day of the next ${HORIZON}>`, measured.availability, seconds)}
${kindReport(`bookings      POST /api/bookings {spaceId, date, slot: 'day'}, a free desk, a person free that day`, measured.bookings, seconds)}
  stored      ${int(stored)} new rows in bookings = ${int(warmCreated)} warm-up + ${int(created)} measured 201s${stored - warmCreated === created ? '' : '  (MISMATCH)'}
streams     ${opt.streams} open (${streamSpecs.filter((s) => s.instance === 0).length} / ${streamSpecs.filter((s) => s.instance === 1).length} per instance; ${streamFloors} following a floor, ${opt.streams - streamFloors} a building), ${endedEarly} ended during the run
  events    ${int(received())} of ${int(expectedTotal)} expected for the ${int(acked.size)} measured bookings: ${int(lost)} lost
            same instance as the booking ${int(delivery.same[0])} / ${int(delivery.same[1])}, the other instance ${int(delivery.other[0])} / ${int(delivery.other[1])}
            ${int(unexpected)} for bookings not acknowledged, ${int(other.events)} other changes, ${int(other.resync)} resyncs
  delay     201 at the client → event at a stream: ${describe(lag)} (${int(early)} events, ${lags.length ? ((100 * early) / lags.length).toFixed(0) : 0}%, beat their 201)
memory      ${memory.map((m, i) => `instance ${i + 1} (pid ${m.pid}) VmRSS idle ${m.idle.toFixed(0)} MiB, with streams ${m.streams.toFixed(0)}, max ${m.max.toFixed(0)}, at the end ${m.end.toFixed(0)}`).join('\n            ')}
cpu         ${apis.map((a, i) => `instance ${i + 1} ${(cpuAfter[i] - cpuBefore[i]).toFixed(1)} s (${((100 * (cpuAfter[i] - cpuBefore[i])) / seconds).toFixed(0)}% of a core)`).join(', ')}; the benchmark itself ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s
generator   requests sent behind schedule: ${describe(startLag)}; in-flight requests drained ${drainedAfter.toFixed(1)} s after the last was due
${pass ? 'PASS' : 'FAIL'}: no 5xx (${serverErrors}), no network errors (${networkErrors}), no lost events (${lost}), no stream ended (${endedEarly}), no instance exited (${exited})`);
  return pass ? 0 : 1;
});
