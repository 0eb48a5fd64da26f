import { randomUUID } from 'node:crypto';
import type {
  BuildingSummary,
  CreatedPerson,
  GroupAdminView,
  PasswordLink,
  ProblemDetails,
} from '@flexdesk/shared-contracts';
import { LiveEventsHub, type SessionChange } from '../src/events/live-events.hub';
import { Api, loggedIn } from './support/http';
import { startSecondInstance, startTestApp, type TestApp } from './support/test-app';

/**
 * Signing in and staying signed in: bearer tokens and httpOnly cookies with CSRF, login limits, and
 * the sessions each instance keeps (auth/session-cache.ts), which must follow every change at once.
 */

// Monday 2026-12-07, 08:00 in Berlin.
const NOW = '2026-12-07T07:00:00Z';

describe('sessions, cookies and CSRF', () => {
  let t: TestApp;
  let admin: Api;
  beforeAll(async () => {
    t = await startTestApp(NOW, { LOGIN_RATE_LIMIT_FAILURES: '3' });
    admin = await loggedIn(t.url, 'admin@example.com');
  });
  afterAll(() => t?.close());

  /** A new employee, invited by the admin; the link sets a password. */
  const invite = async (displayName: string) => {
    const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}-${randomUUID().slice(0, 8)}@example.com`;
    const res = await admin.post<CreatedPerson>('/api/admin/people', { email, displayName, roles: ['employee'] });
    expect(res.status).toBe(201);
    return res.body;
  };
  const setPassword = (link: PasswordLink, password: string) =>
    new Api(t.url).post('/api/auth/set-password', { token: link.url.split('#token=')[1], password });

  it('refuses anonymous requests and bad credentials', async () => {
    const anon = new Api(t.url);
    const me = await anon.get<ProblemDetails>('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
    const bad = await anon.post<ProblemDetails>('/api/auth/login', {
      email: 'employee@example.com',
      password: 'wrong',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('INVALID_CREDENTIALS');
    const bogusToken = await anon.get('/api/me', { authorization: 'Bearer nope' });
    expect(bogusToken.status).toBe(401);
  });

  it('sets an httpOnly session cookie and requires the CSRF header for changes', async () => {
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'employee2@example.com', password: 'flexdesk' }),
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('fd_session='));
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(xsrf).not.toMatch(/HttpOnly/i);
    const cookieHeader = [session, xsrf].map((c) => c?.split(';')[0]).join('; ');
    const csrf = (await login.json()).csrfToken as string;

    const browser = new Api(t.url, { cookie: cookieHeader });
    expect((await browser.get('/api/me')).status).toBe(200);
    const noHeader = await browser.patch('/api/me', { locale: 'en' });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('CSRF_TOKEN_INVALID');
    const withHeader = await browser.request('PATCH', '/api/me', { locale: 'en' }, { 'x-xsrf-token': csrf });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body.locale).toBe('en');

    const out = await browser.request('POST', '/api/auth/logout', {}, { 'x-xsrf-token': csrf });
    expect(out.status).toBe(200);
    // The browser drops what it kept for offline use (service worker, cached answers).
    expect(out.headers.get('clear-site-data')).toBe('"cache", "storage"');
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  it('rate-limits repeated failed logins per account', async () => {
    const anon = new Api(t.url);
    for (let i = 0; i < 3; i++) {
      expect((await anon.post('/api/auth/login', { email: 'facility@example.com', password: 'guess' })).status).toBe(
        401,
      );
    }
    const limited = await anon.post<ProblemDetails>('/api/auth/login', {
      email: 'facility@example.com',
      password: 'flexdesk',
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are unaffected.
    expect((await anon.post('/api/auth/login', { email: 'admin@example.com', password: 'flexdesk' })).status).toBe(200);
  });

  it('sends security headers and serves the OpenAPI document', async () => {
    const res = await fetch(`${t.url}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const doc = await res.json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/bookings', '/api/floors/{id}/availability']));
    // Larger JSON answers go compressed to clients that accept it.
    const zipped = await fetch(`${t.url}/api/docs/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect((await zipped.json()).openapi).toBe(doc.openapi);
  });

  it('drops a kept session the moment it or its person changes: on this instance at once, on another within a second', async () => {
    const { person, setPassword: link } = await invite('Kai Kurz');
    await setPassword(link, 'a kept long secret');
    const kai = new Api(t.url);
    await kai.login(person.email, 'a kept long secret');
    // Each answer below depends on the session the guard looked up (and from now on keeps).
    const peoplePage = async (api: Api) => (await api.get('/api/admin/people')).status;
    expect(await peoplePage(kai)).toBe(403);
    // Behind the API's back, in SQL: the very next request sees it.
    await t.dataSource.query(`UPDATE users SET roles = '{employee,admin}' WHERE id = $1`, [person.id]);
    expect(await peoplePage(kai)).toBe(200);

    const second = process.env['DATABASE_URL'] ? await startSecondInstance(t) : null;
    try {
      const kaiThere = second ? Object.assign(new Api(second.url), { token: kai.token }) : null;
      if (kaiThere) expect(await peoplePage(kaiThere)).toBe(200); // kept there too now
      const seenThere = async (status: number) => {
        if (!kaiThere) return;
        for (let waited = 0; (await peoplePage(kaiThere)) !== status; waited += 20) {
          if (waited > 1000) throw new Error(`the second instance still answers otherwise after ${waited} ms`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      expect((await admin.patch(`/api/admin/people/${person.id}`, { roles: ['employee'] })).status).toBe(200);
      expect(await peoplePage(kai)).toBe(403);
      await seenThere(403);
      expect((await kai.post('/api/auth/logout')).status).toBe(200);
      expect(await peoplePage(kai)).toBe(401);
      await seenThere(401);
    } finally {
      await second?.close();
    }
  });

  it('tells every instance whose sessions changed, and only when what a session carries changed', async () => {
    const heard: SessionChange[] = [];
    const subscription = t.created.app.get(LiveEventsHub).sessionChanges$.subscribe((change) => heard.push(change));
    /** Whom the statement's own connection was told about at once; checks every listener hears the same. */
    const said = async (sql: string, params: unknown[] = []) => {
      heard.length = 0;
      await t.dataSource.query(sql, params);
      const atOnce = [...new Set(heard.filter((c) => !c.committed).map((c) => c.people))];
      // The NOTIFY after the commit (on a server it reaches the listener a moment later).
      for (let waited = 0; atOnce.length && !heard.some((c) => c.committed) && waited < 2000; waited += 10) {
        await new Promise((r) => setTimeout(r, 10));
      }
      if (!atOnce.length) await new Promise((r) => setTimeout(r, 100)); // and nothing comes later either
      expect([...new Set(heard.filter((c) => c.committed).map((c) => c.people))]).toEqual(atOnce);
      return atOnce;
    };
    try {
      const { person } = await invite('Nora Notiz');
      const [group] = (await admin.get<GroupAdminView[]>('/api/admin/groups')).body;
      const [building] = (await admin.get<BuildingSummary[]>('/api/buildings')).body;
      expect(await said(`UPDATE users SET updated_at = now() WHERE id = $1`, [person.id])).toEqual([]);
      expect(await said(`UPDATE users SET locale = 'en' WHERE id = $1`, [person.id])).toEqual([person.id]);
      expect(await said(`INSERT INTO user_groups (user_id, group_id) VALUES ($1, $2)`, [person.id, group.id])).toEqual([
        person.id,
      ]);
      expect(await said(`DELETE FROM user_groups WHERE user_id = $1`, [person.id])).toEqual([person.id]);
      const atDesk = `INSERT INTO reception_assignments (user_id, building_id) VALUES ($1, $2)`;
      expect(await said(atDesk, [person.id, building.id])).toEqual([person.id]);
      const other = (await invite('Otto Other')).person;
      const both = await said(`UPDATE users SET active = false WHERE id IN ($1, $2)`, [person.id, other.id]);
      expect(both[0].split(',').sort()).toEqual([person.id, other.id].sort());
      // Signing in makes a session nobody can have kept; ending one is news.
      const token = randomUUID();
      const insertSession = `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at) VALUES ($1, $2, 'c', now() + interval '1 hour')`;
      expect(await said(insertSession, [other.id, token])).toEqual([]);
      expect(await said(`DELETE FROM sessions WHERE token_hash = $1`, [token])).toEqual([other.id]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
