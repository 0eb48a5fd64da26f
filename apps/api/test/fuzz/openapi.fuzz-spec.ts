/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schemas and answers are walked loosely; the checks below are strict */
import { Logger } from '@nestjs/common';
import { ERROR_CODES, type Role } from '@flexdesk/shared-contracts';
import { buildOpenApiDocument } from '../../src/openapi/document';
import { Api, loggedIn } from '../support/http';
import { png } from '../support/images';
import { startTestApp, type TestApp } from '../support/test-app';
import { HOSTILE, Rng, hostileFor, mutate, validFor, type Schema } from './generate';

/**
 * Requests generated from the OpenAPI document: every operation, as every role, with values built
 * from each field's schema and then broken per field type (NUL, unpaired surrogates, huge and
 * negative numbers, wrong types, deep nesting, malformed JSON...). Any 5xx fails, and so does any
 * 4xx that is not `application/problem+json` with a known code, and any request without an answer
 * within 10 s. Seeded: `FUZZ_SEED` replays a run, `FUZZ_PER_ROUTE` scales it (requests per
 * operation and role; by default as many as make some 6,000 requests, at least 10).
 */

const NOW = '2026-12-07T08:30:00Z';
const SEED = Number(process.env['FUZZ_SEED'] ?? 1515);
const TOTAL = 6_000;
const PER_ROUTE_SET = process.env['FUZZ_PER_ROUTE'] ? Number(process.env['FUZZ_PER_ROUTE']) : null;
/** The whole run may take this long (a loaded CI machine answers some 60-120 requests a second). */
const RUN_TIMEOUT_MS = 600_000;
const TIMEOUT_MS = 10_000;
const PARALLEL = 4;

type Who = 'anonymous' | Role;
const ACCOUNTS: Record<Role, string> = {
  employee: 'employee@example.com',
  receptionist: 'reception@example.com',
  facility_manager: 'facility@example.com',
  admin: 'admin@example.com',
};
const CODES = new Set<string>(ERROR_CODES);
/** Provisioning is on, so its routes are fuzzed too: the admin's requests carry the SCIM client's token. */
const SCIM_TOKEN = 'fuzz-scim-token-0123456789abcdefghijklmnopqrstuv';
const isScim = (path: string) => path.startsWith('/scim/');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** encodeURIComponent without its URIError on unpaired surrogates (sent as U+FFFD's bytes instead). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema: Schema; required?: boolean }[];
  body: { media: string; schema: Schema } | null;
}

interface Planned {
  who: Who;
  op: Operation;
  url: string;
  init: RequestInit & { headers: Record<string, string> };
  describe: string;
}

describe('OpenAPI-driven fuzzing', () => {
  let t: TestApp;
  let doc: any;
  const sessions = new Map<Who, Api>();
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startTestApp(NOW, {
      // Thousands of hostile sign-ins from one address: the limits are not what is tested here.
      LOGIN_RATE_LIMIT_PER_IP: '100000',
      LOGIN_RATE_LIMIT_FAILURES: '1000',
      SCIM_TOKEN,
    });
    doc = JSON.parse(JSON.stringify(buildOpenApiDocument(t.created.app)));
    sessions.set('anonymous', new Api(t.url));
    for (const [role, email] of Object.entries(ACCOUNTS)) sessions.set(role as Role, await loggedIn(t.url, email));
    // Real ids, so that generated requests reach past "not found" into the services.
    for (const table of ['buildings', 'floors', 'spaces', 'bookings', 'users', 'zones', 'groups']) {
      const rows: { id: string }[] = await t.dataSource.query(`SELECT id::text AS id FROM ${table} ORDER BY id LIMIT 40`);
      ids[table] = rows.map((r) => r.id);
    }
  });
  afterAll(() => t?.close());

  function operations(): Operation[] {
    const ops: Operation[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const content = op.requestBody?.content ?? {};
        const media = Object.keys(content)[0];
        ops.push({
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: media ? { media, schema: content[media].schema ?? {} } : null,
        });
      }
    }
    return ops;
  }

  function plan(rng: Rng, who: Who, op: Operation): Planned {
    const ctx = { doc, ids, rng };
    const hostile = rng.chance(0.7);
    // Which single part of the request is broken this time (the rest stays plausible).
    const parts = [
      ...op.parameters.map((p) => `param:${p.name}`),
      ...(op.body ? ['body'] : []),
      'headers',
    ];
    const broken = hostile ? rng.pick(parts) : null;

    let path = op.path;
    const query = new URLSearchParams();
    let rawQuery = '';
    for (const p of op.parameters) {
      const isBroken = broken === `param:${p.name}`;
      if (p.in === 'path') {
        // A path id names what the segment before it names: /floors/{id} -> a floor.
        const owner = p.name === 'id' ? (op.path.split(`/{${p.name}}`)[0].split('/').pop() ?? '') : p.name;
        const value = isBroken
          ? String(rng.pick(HOSTILE.strings))
          : p.name === 'id'
            ? String(validFor({ type: 'string', format: 'uuid' }, ctx, owner === 'receptionists' ? 'userId' : owner))
            : String(validFor(p.schema, ctx, p.name));
        const encoded = isBroken && rng.chance(0.2) ? value.replace(/[/?#]/g, '') : percentEncode(value);
        path = path.replace(`{${p.name}}`, encoded || '%20');
      } else if (p.in === 'query') {
        if (isBroken) {
          const style = rng.int(0, 3);
          if (style === 0) rawQuery += `&${p.name}=${rng.pick(HOSTILE.rawQuery)}`;
          else if (style === 1) query.append(p.name, String(rng.pick(HOSTILE.strings)));
          else if (style === 2) {
            query.append(p.name, String(validFor(p.schema, ctx, p.name)));
            query.append(p.name, String(validFor(p.schema, ctx, p.name)));
          } else query.append(p.name, JSON.stringify(hostileFor(p.schema, ctx)));
        } else if (p.required || rng.chance(0.6)) {
          query.append(p.name, String(validFor(p.schema, ctx, p.name)));
        }
      }
    }
    const qs = `${query.toString()}${rawQuery}`.replace(/^&/, '');
    const url = `${t.url}${path}${qs ? `?${qs}` : ''}`;

    const headers: Record<string, string> = {};
    const session = sessions.get(who) as Api;
    const bearer = isScim(op.path) && who === 'admin' ? SCIM_TOKEN : session.token;
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    if (broken === 'headers') {
      const h = rng.int(0, 4);
      if (h === 0) headers['cookie'] = String(rng.pick(HOSTILE.cookies));
      else if (h === 1) headers['accept-language'] = String(rng.pick(['*;q=x', 'de;q=1e308', ',,,', 'x'.repeat(4000)]));
      else if (h === 2) headers['x-request-id'] = String(rng.pick(['', '../..', 'a'.repeat(200)]));
      else if (h === 3) headers['if-none-match'] = String(rng.pick(['*', '"', 'W/"x"', 'x'.repeat(1000)]));
      else if (session.token) headers['authorization'] = `Bearer ${rng.pick(['', 'x', session.token + 'x', 'a'.repeat(5000)])}`;
    }

    let body: BodyInit | undefined;
    let describeBody = '';
    if (op.body?.media === 'multipart/form-data') {
      const form = new FormData();
      const kind = rng.int(0, 4);
      const bytes =
        kind === 0
          ? new Uint8Array(png(4, 4))
          : kind === 1
            ? new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
            : kind === 2
              ? new Uint8Array(rng.int(0, 64)).map(() => rng.int(0, 255))
              : new TextEncoder().encode(String(rng.pick(HOSTILE.strings)));
      form.append(kind === 4 ? 'other' : 'file', new Blob([bytes], { type: rng.pick(['image/png', 'image/svg+xml', 'text/plain', '']) }), String(rng.pick(['plan.png', 'x.svg', '', '\u0000.png', '../../etc/passwd'])));
      if (rng.chance(0.3)) form.append('extra', String(rng.pick(HOSTILE.strings)));
      body = form;
      describeBody = `multipart kind ${kind}`;
    } else if (op.body) {
      const value = validFor(op.body.schema, ctx, 'body');
      if (broken === 'body' && rng.chance(0.25)) {
        const raw = String(rng.pick(HOSTILE.rawBodies));
        body = raw;
        headers['content-type'] = rng.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']);
        describeBody = raw.slice(0, 120);
      } else {
        const sent = broken === 'body' ? mutate(value, op.body.schema, ctx) : value;
        body = typeof sent === 'string' && sent.startsWith('RAW:') ? sent.slice(4) : JSON.stringify(sent);
        headers['content-type'] = 'application/json';
        describeBody = String(body).slice(0, 200);
      }
    } else if (hostile && rng.chance(0.1) && op.method !== 'GET') {
      body = JSON.stringify(rng.pick(HOSTILE.values));
      headers['content-type'] = 'application/json';
      describeBody = String(body).slice(0, 120);
    }
    return {
      who,
      op,
      url,
      init: { method: op.method, headers, body },
      describe: `${who} ${op.method} ${url.slice(t.url.length, t.url.length + 200)} ${describeBody}`,
    };
  }

  const statuses = new Map<number, number>();

  async function send(p: Planned): Promise<string | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(p.url, { ...p.init, signal: controller.signal });
      const type = res.headers.get('content-type') ?? '';
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (type.startsWith('text/event-stream')) {
        controller.abort();
        return res.status === 200 ? null : `event stream answered ${res.status}`;
      }
      const text = await res.text();
      if (res.status >= 500) return `${res.status}: ${text.slice(0, 300)}`;
      if (res.status >= 400 && isScim(p.op.path)) {
        // SCIM answers errors in its own form (RFC 7644 §3.12), with the status as a string.
        if (!type.startsWith('application/scim+json')) return `${res.status} as ${type}: ${text.slice(0, 200)}`;
        const error = JSON.parse(text);
        if (!error.schemas?.includes('urn:ietf:params:scim:api:messages:2.0:Error') || error.status !== String(res.status))
          return `${res.status} with SCIM error ${text.slice(0, 200)}`;
      } else if (res.status >= 400) {
        if (!type.startsWith('application/problem+json')) return `${res.status} as ${type}: ${text.slice(0, 200)}`;
        const problem = JSON.parse(text);
        if (!CODES.has(problem.code) || problem.status !== res.status) return `${res.status} with code ${problem.code}`;
      }
      if (p.op.path === '/api/auth/logout' && res.status < 300 && p.who !== 'anonymous') {
        sessions.set(p.who, await loggedIn(t.url, ACCOUNTS[p.who]));
      }
      return null;
    } catch (e) {
      return controller.signal.aborted ? `no answer within ${TIMEOUT_MS} ms` : `request failed: ${String(e)}`;
    } finally {
      clearTimeout(timer);
    }
  }

  it(`answers every generated request with a success or a coded problem (seed ${SEED})`, async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const rng = new Rng(SEED);
    const who: Who[] = ['anonymous', 'employee', 'receptionist', 'facility_manager', 'admin'];
    const PER_ROUTE = PER_ROUTE_SET ?? Math.max(10, Math.ceil(TOTAL / (ops.length * who.length)));
    // Plans are drawn lazily in a fixed order, so a seed replays the same requests.
    const order: { who: Who; op: Operation }[] = [];
    for (let i = 0; i < PER_ROUTE; i++) for (const op of ops) for (const w of who) order.push({ who: w, op });
    const failures: string[] = [];
    // A value the edge should have refused but the database did (mapped to 400 as a net) fails too.
    const warn = jest.spyOn(Logger.prototype, 'warn');
    let next = 0;
    const worker = async () => {
      while (next < order.length) {
        const { who: w, op } = order[next++];
        const planned = plan(rng, w, op);
        const failure = await send(planned);
        if (failure) failures.push(`${planned.describe}\n    -> ${failure}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    for (const [message] of warn.mock.calls) {
      if (String(message).includes('the database refused a value')) failures.push(`missed validation: ${String(message)}`);
    }
    warn.mockRestore();
    const byStatus = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(
      `fuzz: ${order.length} requests over ${ops.length} operations x ${who.length} roles, seed ${SEED}, ` +
        `${failures.length} failures; answers ${byStatus}`,
    );
    expect(order.length).toBeGreaterThanOrEqual(Math.min(5_000, PER_ROUTE * ops.length * who.length));
    expect(failures.slice(0, 25)).toEqual([]);
    // Still serving afterwards.
    expect((await new Api(t.url).get('/api/health')).status).toBe(200);
  }, RUN_TIMEOUT_MS);
});
