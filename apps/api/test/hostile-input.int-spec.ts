import { randomUUID } from 'node:crypto';
import type { BuildingSummary, Floor, ProblemDetails } from '@flexdesk/shared-contracts';
import { Api, loggedIn, type Res } from './support/http';
import { png } from './support/images';
import { mapDatabaseError } from '../src/common/database-errors';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue #15's findings: inputs that reached a 500. Each must now be answered with a 4xx problem
 * whose code says what was wrong, never a stack trace.
 */

const NOW = '2026-12-07T08:30:00Z';
const HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '19:00' }));
/** JSON text with escapes JSON.stringify would never write for a well-formed string. */
const LONE_SURROGATE = '\\ud800';
const NUL = '\\u0000';

function expectProblem(res: Res, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
}

describe('hostile input never reaches a 500', () => {
  let t: TestApp;
  let facility: Api;
  let admin: Api;
  let rathaus: BuildingSummary;

  beforeAll(async () => {
    t = await startTestApp(NOW);
    facility = await loggedIn(t.url, 'facility@example.com');
    admin = await loggedIn(t.url, 'admin@example.com');
    rathaus = (await facility.get<BuildingSummary[]>('/api/buildings')).body[0];
  });
  afterAll(() => t?.close());

  const scratchBuilding = async () =>
    (
      await facility.post('/api/buildings', {
        name: `Scratch ${randomUUID().slice(0, 8)}`,
        address: '',
        timeZone: 'Europe/Berlin',
        openingHours: HOURS,
        midday: '12:00',
      })
    ).body.id as string;

  describe('without signing in', () => {
    it('treats a JSON-looking session cookie as an unknown session, not an object', async () => {
      const anonymous = new Api(t.url);
      for (const cookie of ['fd_session=j:{"a":1}', 'fd_session=j%3A%7B%22a%22%3A1%7D', 'fd_session=j:[1,2]']) {
        expectProblem(await anonymous.get('/api/me', { cookie }), 401, 'UNAUTHENTICATED');
      }
    });

    it('refuses bodies nested deeper than the limit before validation sees them', async () => {
      const anonymous = new Api(t.url);
      for (const depth of [100, 2_000, 20_000]) {
        const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const login = await anonymous.request('POST', '/api/auth/login', `{"email":${nested},"password":"x"}`, {
          'content-type': 'application/json',
        });
        expectProblem(login, 400, 'VALIDATION_FAILED');
        const object = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        expectProblem(
          await anonymous.request('POST', '/api/auth/login', object, { 'content-type': 'application/json' }),
          400,
          'VALIDATION_FAILED',
        );
      }
    });

    it('refuses a lone surrogate or a NUL in the login e-mail', async () => {
      const anonymous = new Api(t.url);
      for (const bad of [LONE_SURROGATE, NUL, '\\udfff\\ud800']) {
        const res = await anonymous.request(
          'POST',
          '/api/auth/login',
          `{"email":"employee${bad}@example.com","password":"flexdesk"}`,
          { 'content-type': 'application/json' },
        );
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
      }
    });

    it('answers a URL too long for the HTTP parser with a problem document too', async () => {
      const res = await new Api(t.url).get(`/api/health?x=${'a'.repeat(20_000)}`);
      expectProblem(res, 431, 'REQUEST_HEADERS_TOO_LARGE');
    });

    it('refuses a NUL in a path segment of a public route', async () => {
      expectProblem(await new Api(t.url).get('/api/calendar/ab%00cd.ics'), 404, 'CALENDAR_FEED_NOT_FOUND');
    });
  });

  describe('the database as the last line', () => {
    /** Runs SQL that the database refuses, and returns what the problem filter would make of it. */
    const refused = async (sql: string, params: unknown[] = []) => {
      try {
        await t.dataSource.query(sql, params);
      } catch (e) {
        return mapDatabaseError(e);
      }
      throw new Error(`the database accepted: ${sql}`);
    };

    it('maps every constraint class and data exception to a code', async () => {
      const user = (await t.dataSource.query(`SELECT id, email FROM users LIMIT 1`))[0];
      expect(await refused(`INSERT INTO user_groups SELECT * FROM user_groups LIMIT 1`)).toEqual(
        expect.objectContaining({ code: 'ALREADY_EXISTS' }),
      );
      expect(
        await refused(`INSERT INTO user_groups (user_id, group_id) VALUES ($1, gen_random_uuid())`, [user.id]),
      ).toEqual(expect.objectContaining({ code: 'REFERENCE_GONE' }));
      expect(await refused(`UPDATE spaces SET width = -1 WHERE id = (SELECT id FROM spaces LIMIT 1)`)).toEqual(
        expect.objectContaining({ code: 'CONSTRAINT_VIOLATED' }),
      );
      expect(await refused(`SELECT $1::text`, ['a\u0000b'])).toEqual(
        expect.objectContaining({ code: 'VALIDATION_FAILED', missedValidation: true }),
      );
      expect(await refused(`SELECT $1::int`, ['2147483648'])).toEqual(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });

  describe('signed in', () => {
    it('refuses NUL and lone surrogates in building, floor and closure names and reasons', async () => {
      for (const bad of [NUL, LONE_SURROGATE]) {
        const building = await facility.request(
          'POST',
          '/api/buildings',
          `{"name":"Haus${bad}","address":"","timeZone":"Europe/Berlin","openingHours":[],"midday":"12:00"}`,
          { 'content-type': 'application/json' },
        );
        expectProblem(building, 400, 'VALIDATION_FAILED');
        expect(building.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);

        const floor = await facility.request(
          'POST',
          `/api/buildings/${rathaus.id}/floors`,
          `{"name":"OG${bad}","level":9,"width":100,"height":100}`,
          { 'content-type': 'application/json' },
        );
        expectProblem(floor, 400, 'VALIDATION_FAILED');

        const closure = await facility.request(
          'POST',
          `/api/buildings/${rathaus.id}/closures`,
          `{"closures":[{"date":"2026-12-30","reason":"Feier${bad}tag"}]}`,
          { 'content-type': 'application/json' },
        );
        expectProblem(closure, 400, 'VALIDATION_FAILED');
        expect(closure.body.errors).toEqual([expect.objectContaining({ path: 'closures[0].reason' })]);

        // Object keys are strings too.
        const key = await facility.request(
          'POST',
          `/api/buildings/${rathaus.id}/closures`,
          `{"closures":[{"date":"2026-12-30","reason":"x","${bad}":1}]}`,
          { 'content-type': 'application/json' },
        );
        expectProblem(key, 400, 'VALIDATION_FAILED');
      }
    });

    it('refuses a list of nested objects holding something else (found by the fuzz suite)', async () => {
      for (const openingHours of [[[]], [null], ['x'], [[{ weekday: 1, open: '08:00', close: '18:00' }]]]) {
        const res = await facility.post('/api/buildings', {
          name: 'Nested',
          address: '',
          timeZone: 'Europe/Berlin',
          openingHours,
          midday: '12:00',
        });
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
      const closures = await facility.post(`/api/buildings/${rathaus.id}/closures`, { closures: [[]] });
      expectProblem(closures, 400, 'VALIDATION_FAILED');
    });

    it('refuses NUL and lone surrogates in query strings', async () => {
      for (const bad of ['%00', '%00%00']) {
        const res = await admin.get(`/api/users?query=ab${bad}cd`);
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
      // Invalid UTF-8 is decoded as U+FFFD, a harmless character: searched for, found nowhere.
      for (const odd of ['%ED%A0%80', '%C0%80', '%FF']) {
        const res = await admin.get(`/api/users?query=ab${odd}cd`);
        expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: [] });
      }
      // Repeated parameters arrive as arrays: refused as a whole, not passed on as one.
      expectProblem(await admin.get("/api/users?query=ab&query=cd"), 400, 'VALIDATION_FAILED');
    });

    it('bounds every integer: audit paging ids and draft versions', async () => {
      // Audit ids are bigint: any safe integer pages, anything beyond is refused.
      for (const before of ['99999999999999999999', '9007199254740993', '1e308', '-1', '1.5', 'NaN', '0x10']) {
        const res = await admin.get(`/api/audit?before=${before}`);
        expect({ before, status: res.status }).toEqual({ before, status: 400 });
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
      expect((await admin.get('/api/audit?before=9007199254740991')).status).toBe(200);

      const floor = (await facility.get<Floor>(`/api/floors/${rathaus.floors[0].id}`)).body;
      for (const version of ['1e308', '9007199254740993', '2147483648', '-0.5']) {
        const res = await facility.request('POST', `/api/floors/${floor.id}/layout/publish`, `{"draftVersion":${version}}`, {
          'content-type': 'application/json',
        });
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
    });

    it('answers an upload racing the deletion of its floor with a code, never a foreign-key 500', async () => {
      const building = await scratchBuilding();
      const statuses: { upload: number; code?: string }[] = [];
      for (let i = 0; i < 12; i++) {
        const floorId = (
          await facility.post(`/api/buildings/${building}/floors`, { name: `F${i}`, level: i, width: 100, height: 100 })
        ).body.id as string;
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(png(4, 4))], { type: 'image/png' }), 'plan.png');
        const [upload] = await Promise.all([
          fetch(`${t.url}/api/floors/${floorId}/backgrounds`, {
            method: 'POST',
            headers: { authorization: `Bearer ${facility.token}` },
            body: form,
          }),
          facility.delete(`/api/floors/${floorId}`),
        ]);
        const body = (await upload.json()) as ProblemDetails;
        statuses.push({ upload: upload.status, code: upload.status >= 400 ? body.code : undefined });
      }
      for (const s of statuses) {
        expect(s.upload).toBeLessThan(500);
        if (s.upload >= 400) expect(['FLOOR_NOT_FOUND', 'REFERENCE_GONE']).toContain(s.code);
      }
    });
  });
});
