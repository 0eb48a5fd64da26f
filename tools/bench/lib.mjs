// Benchmark helpers: options, throwaway databases, API child processes, a closed-loop HTTP load
// generator and percentiles. Everything started here is stopped and every database created here is
// dropped when the benchmark ends, fails or is interrupted (SIGINT/SIGTERM/SIGHUP).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
/** Admin connection (CREATE/DROP DATABASE); benchmark databases live on the same server. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------------------------------------
// Output

const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s]`;
/** A progress line with the time since the benchmark started. */
export const log = (...parts) => console.log(stamp(), ...parts);
export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const int = (n) => Math.round(n).toLocaleString('en');
export const secs = (msValue) => `${(msValue / 1000).toFixed(1)} s`;
/** CPUs and the 1-minute load average: other work on the machine skews every figure. */
export const machine = () => `${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`;

// ---------------------------------------------------------------------------------------------
// Options: `--name value` or `--name=value`, numbers only, validated; `--help` prints the usage.

export function options(usage, spec) {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.keys(spec).map((k) => [k, { type: 'string' }])),
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    console.error(`${e.message}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(usage);
    process.exit(0);
  }
  const out = {};
  for (const [
    name,
    { default: fallback, min = -Infinity, max = Infinity, integer = false, text = false },
  ] of Object.entries(spec)) {
    const raw = parsed[name];
    if (text) {
      out[name] = raw ?? fallback;
      continue;
    }
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      console.error(
        `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got "${raw}")\n\n${usage}`,
      );
      process.exit(2);
    }
    out[name] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: tracked child processes and databases.

const children = new Set();
const databases = new Set();
let cleaning = null;

/** Kills tracked children (SIGTERM, then SIGKILL after 5 s) and drops tracked databases. Idempotent. */
export function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c)));
    for (const name of [...databases]) {
      await dropDatabase(name).catch((e) => console.error(`could not drop database ${name}: ${e.message}`));
    }
  })();
  return cleaning;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return; // a second Ctrl-C while cleaning up: the 'exit' hook still runs
    interrupted = true;
    console.error(`\n${signal}: stopping child processes and dropping benchmark databases…`);
    const hardStop = setTimeout(() => process.exit(130), 30_000);
    hardStop.unref();
    cleanup().finally(() => process.exit(130));
  });
}

// Last resort when the process exits without `cleanup()` having finished (e.g. process.exit elsewhere):
// synchronous kill of children and a synchronous drop via a short-lived node process.
process.on('exit', () => {
  for (const c of children) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  if (databases.size === 0) return;
  const script = `
    import pg from 'pg';
    const admin = new pg.Client({ connectionString: process.env.ADMIN_URL });
    await admin.connect();
    for (const name of JSON.parse(process.env.DBS)) await admin.query('DROP DATABASE IF EXISTS "' + name + '" WITH (FORCE)');
    await admin.end();`;
  spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ADMIN_URL, DBS: JSON.stringify([...databases]) },
    stdio: 'ignore',
    timeout: 20_000,
  });
});

/** Runs the benchmark, always cleans up, and exits with its code (0 unless it threw). */
export async function run(main) {
  let code = 1;
  try {
    code = (await main()) ?? 0;
  } catch (e) {
    if (!interrupted) console.error(e); // after Ctrl-C, queries fail because their database is being dropped
  } finally {
    await cleanup();
  }
  process.exit(interrupted ? 130 : code);
}

// ---------------------------------------------------------------------------------------------
// Databases

const validName = (name) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  return name;
};

export async function adminQuery(sql) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database (tracked for dropping) and returns its connection URL. */
export async function createDatabase(name) {
  validName(name);
  databases.add(name);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

/** The connection URL of a database on the benchmark server (not tracked: never dropped). */
export function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${validName(name)}`;
  return url.toString();
}

/** Keeps a created database when the benchmark ends (to measure it again with a later run). */
export function keepDatabase(name) {
  databases.delete(name);
}

export async function dropDatabase(name) {
  validName(name);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  databases.delete(name);
}

/** A connected client; `SET`s apply to this session only. */
export async function connect(url, settings = {}) {
  const client = new pg.Client({ connectionString: url });
  // A connection ended from outside (DROP DATABASE … WITH (FORCE) on Ctrl-C) must not crash the process;
  // a query in flight still rejects.
  client.on('error', () => undefined);
  await client.connect();
  for (const [k, v] of Object.entries(settings)) await client.query(`SET ${k} = '${v}'`);
  return client;
}

/** The API's password format (apps/api/src/auth/password.ts), so benchmark users can log in. */
export function passwordHash(password) {
  const N = 32768;
  const r = 8;
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N, r, p: 1, maxmem: 256 * N * r });
  return ['scrypt', N, r, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// ---------------------------------------------------------------------------------------------
// Child processes

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Spawns a child that is killed on cleanup. */
export function spawnTracked(command, args, opts) {
  const child = spawn(command, args, opts);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function stopChild(child, graceMs = 5_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      children.delete(child);
      return resolve();
    }
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits for dist/apps/api/main.js (someone may be rebuilding it right now). */
export async function waitForBuild(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  let told = false;
  while (!existsSync(API_MAIN)) {
    if (Date.now() > until) throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
    if (!told) log(`${API_MAIN} is missing; waiting for a build in progress…`);
    told = true;
    await sleep(2_000);
  }
}

function apiEnv(databaseUrl, port, extra) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    CLIENT_DIR: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    DB_POOL_SIZE: '10',
    // One process, like the raw baselines it is compared with (set WEB_CONCURRENCY to measure a cluster).
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
    ...extra,
  };
}

/** `node dist/apps/api/main.js migrate`: applies the migrations without starting the server. */
export async function migrate(databaseUrl) {
  await waitForBuild();
  const child = spawnTracked(process.execPath, [API_MAIN, 'migrate'], {
    cwd: ROOT,
    env: apiEnv(databaseUrl, 0, {}),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? s)));
  if (code !== 0) throw new Error(`main.js migrate exited with ${code}`);
}

/**
 * Starts the built API on a free loopback port and waits for GET /api/health = 200 (it migrates on
 * start). Retries twice if the process dies while starting (e.g. the build was being replaced).
 */
export async function startApi(databaseUrl, extraEnv = {}) {
  for (let attempt = 1; ; attempt++) {
    await waitForBuild();
    const port = await freePort();
    // BENCH_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome's
    // DevTools or speedscope) — to find where a request's time goes before optimising it.
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const child = spawnTracked(process.execPath, [...profile, API_MAIN], {
      cwd: ROOT,
      env: apiEnv(databaseUrl, port, extraEnv),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 120_000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < until) {
      const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return { base, port, child, stop: () => stopChild(child) };
      await sleep(200);
    }
    const died = child.exitCode !== null || child.signalCode !== null;
    await stopChild(child);
    if (!died || attempt >= 3) {
      throw new Error(
        died
          ? `API exited while starting (${child.exitCode ?? child.signalCode})`
          : 'API did not become healthy in 120 s',
      );
    }
    log(`API exited while starting (code ${child.exitCode}); retrying in 5 s`);
    await sleep(5_000);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** A minimal keep-alive HTTP/1.1 client for one loopback origin. Resolves { status, body: Buffer }. */
export function httpClient(base, maxSockets = 64) {
  const url = new URL(base);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`benchmarks only send traffic to loopback, not ${url.hostname}`);
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const request = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload =
        body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: payload
            ? { 'content-type': 'application/json', 'content-length': payload.length, ...headers }
            : headers,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    close: () => agent.destroy(),
  };
}

export const json = (res) => {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return null;
  }
};

/** POST /api/auth/login; returns { token, userId }. */
export async function login(client, email, password) {
  const res = await client.post('/api/auth/login', { email, password });
  const body = json(res);
  if (res.status !== 200 || !body?.accessToken) throw new Error(`login ${email}: ${res.status} ${res.body}`);
  return { token: body.accessToken, userId: body.user?.id };
}

// ---------------------------------------------------------------------------------------------
// Load

/**
 * Closed loop: `concurrency` workers each await `task(i)` and immediately send the next, until
 * `total` requests were issued or `durationMs` has passed (requests in flight then still finish).
 * `task` returns an outcome key (e.g. the HTTP status); a throw counts as `error <code>`.
 * Latency is measured per request with process.hrtime.bigint().
 */
export async function runLoad({ concurrency, durationMs = Infinity, total = Infinity, task, label = 'load' }) {
  if (!Number.isFinite(durationMs) && !Number.isFinite(total)) throw new Error('runLoad needs a duration or a total');
  const latencies = [];
  const outcomes = new Map();
  let issued = 0;
  const start = process.hrtime.bigint();
  const deadline = Number.isFinite(durationMs) ? start + BigInt(Math.round(durationMs * 1e6)) : null;
  const ticker = setInterval(() => {
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    const goal = Number.isFinite(total)
      ? ` / ${int(total)}`
      : ` (${s.toFixed(0)} / ${(durationMs / 1000).toFixed(0)} s)`;
    log(`  ${label}: ${int(latencies.length)}${goal} done, ${int(latencies.length / s)}/s`);
  }, 2_000);
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (issued < total && (deadline === null || process.hrtime.bigint() < deadline)) {
          const i = issued++;
          const t = process.hrtime.bigint();
          let outcome;
          try {
            outcome = await task(i);
          } catch (e) {
            outcome = `error ${e.code ?? e.message}`;
          }
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
  } finally {
    clearInterval(ticker);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { latencies, outcomes: Object.fromEntries(outcomes), seconds, count: latencies.length };
}

/** Nearest-rank percentiles of latencies in ms. */
export function percentiles(values) {
  const s = Float64Array.from(values).sort();
  const at = (p) => (s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] : NaN);
  return { count: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? s[s.length - 1] : NaN };
}

export const describe = (p) => `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`;

/** Seeded PRNG (mulberry32), so a run's request sequence can be repeated. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export const todayIn = (timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
/** Adds whole days to a YYYY-MM-DD date. */
export const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
