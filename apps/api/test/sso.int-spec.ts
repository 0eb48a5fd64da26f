import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type {
  LayoutDraft,
  LogoutResult,
  Me,
  PersonAdminView,
  ProblemDetails,
  SignInOptions,
} from '@flexdesk/shared-contracts';
import { BrowserClient } from './support/browser-client';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** The test provider (tools/idp) in a child process, so no ESM module is linked into Jest's sandbox. */
class ChildIdp {
  private readonly lines: string[] = [];
  private waiting: (() => void)[] = [];
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.waiting.splice(0).forEach((w) => w());
    });
  }
  static async start(appUrl: string): Promise<{ idp: ChildIdp; issuer: string }> {
    const child = spawn(process.execPath, [join(__dirname, '../../../tools/idp/child.mjs')], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        IDP_REDIRECT_URIS: `${appUrl}/api/auth/oidc/callback`,
        IDP_POST_LOGOUT_URIS: `${appUrl}/login`,
      },
      stdio: 'pipe',
    });
    const idp = new ChildIdp(child);
    return { idp, issuer: await idp.next() };
  }
  private async next(): Promise<string> {
    while (!this.lines.length) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.lines.shift() as string;
  }
  /** Moves a person between groups at the provider (or adds one). */
  async setPerson(person: string, groups: string[], name?: string): Promise<void> {
    this.child.stdin.write(`${JSON.stringify({ person, groups, name })}\n`);
    await this.next();
  }
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}

const IDP_CLIENT = { id: 'flexdesk', secret: 'flexdesk-dev-secret-not-for-production' };
const IDP_ROLE_MAP = 'facility_manager=fm-team;receptionist=front-desk;admin=flexdesk-admins';

const NOW = '2026-12-07T07:00:00Z';
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/**
 * Single sign-on through a real OpenID provider (tools/idp, oidc-provider) over real redirects:
 * authorization code with PKCE, state bound to the browser, nonce in the ID token.
 */
describe('single sign-on with the organisation', () => {
  let t: TestApp;
  let idp: ChildIdp;
  let issuer: string;

  /** The whole browser flow: Flexdesk → provider's login page → back with a code → signed in. */
  async function signIn(login: string, returnTo = '/editor') {
    const browser = new BrowserClient();
    const start = await browser.request(`${t.url}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') as string);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const page = await browser.follow(authorize.href);
    const form = /action="([^"]+)"/.exec(await page.res.text())?.[1] as string;
    const submitted = await browser.request(new URL(form, page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'anything' }).toString(),
    });
    const callback = await browser.follow(new URL(submitted.headers.get('location') as string, page.url).href, (next) =>
      next.startsWith(`${t.url}/api/auth/oidc/callback`),
    );
    const landing = await browser.request(callback.url);
    return { browser, callbackUrl: callback.url, landing, location: landing.headers.get('location') ?? '' };
  }
  const sessionOf = (browser: BrowserClient) => {
    const api = new Api(t.url, { cookie: `fd_session=${browser.cookie(t.url, 'fd_session')}` });
    return api;
  };

  beforeAll(async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    ({ idp, issuer } = await ChildIdp.start(appUrl));
    t = await startTestApp(
      NOW,
      {
        PUBLIC_URL: appUrl,
        OIDC_ISSUER: issuer,
        OIDC_ALLOW_INSECURE: 'true',
        OIDC_CLIENT_ID: IDP_CLIENT.id,
        OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
        OIDC_ROLE_MAP: IDP_ROLE_MAP,
        OIDC_LABEL: 'Musterstadt-Konto',
      },
      { port },
    );
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('offers the organisation sign-in on the login page', async () => {
    const options = await new Api(t.url).get<SignInOptions>('/api/auth/providers');
    expect(options.body).toEqual({
      localLogin: true,
      sso: { label: 'Musterstadt-Konto', loginUrl: '/api/auth/oidc/login' },
    });
  });

  it('signs a member of the facility group in as facility manager, with synchronised groups, and returns to the page asked for', async () => {
    const { browser, location } = await signIn('fm.sso@example.org', '/editor');
    expect(location).toBe(`${t.url}/editor`);
    expect(browser.cookie(t.url, 'XSRF-TOKEN')).toBeTruthy();
    const me = (await sessionOf(browser).get<Me>('/api/me')).body;
    expect(me).toMatchObject({
      email: 'fm.sso@example.org',
      displayName: 'Frieda Facility',
      roles: ['employee', 'facility_manager'],
    });
    const floorId = (await t.dataSource.query(`SELECT id FROM floors LIMIT 1`))[0].id;
    expect((await sessionOf(browser).get<LayoutDraft>(`/api/floors/${floorId}/layout/draft`)).status).toBe(200);
    const groups = await t.dataSource.query(
      `SELECT g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = $1`,
      [me.id],
    );
    expect(groups.map((g: { name: string }) => g.name)).toEqual(['fm-team']);
  });

  it('makes a person in no mapped group an employee, and takes a role away when the group is gone', async () => {
    expect((await sessionOf((await signIn('plain.sso@example.org')).browser).get<Me>('/api/me')).body.roles).toEqual([
      'employee',
    ]);
    await idp.setPerson('front.sso@example.org', ['front-desk']);
    expect((await sessionOf((await signIn('front.sso@example.org')).browser).get<Me>('/api/me')).body.roles).toEqual([
      'employee',
      'receptionist',
    ]);
    await idp.setPerson('front.sso@example.org', []);
    const again = (await sessionOf((await signIn('front.sso@example.org')).browser).get<Me>('/api/me')).body;
    expect(again.roles).toEqual(['employee']);
    expect(again.groupIds).toEqual([]);
  });

  it('links an account an admin created before, by e-mail, once; then by the provider identity only', async () => {
    const before = await t.dataSource.query(`SELECT id FROM users WHERE email = 'employee@example.com'`);
    const { browser } = await signIn('employee@example.com');
    const me = (await sessionOf(browser).get<Me>('/api/me')).body;
    expect(me.id).toBe(before[0].id);
    const links = await t.dataSource.query(`SELECT issuer, subject FROM identity_links WHERE user_id = $1`, [me.id]);
    expect(links).toEqual([{ issuer, subject: 'employee@example.com' }]);
    // Her groups now follow the provider (Bürgerservice is mirrored from it); the local password still works.
    await loggedIn(t.url, 'employee@example.com');
  });

  it('never links by e-mail an account that is linked to another identity', async () => {
    // Someone else at the provider claims an address that already belongs to a linked account.
    await idp.setPerson('impostor@example.org', ['flexdesk-admins'], 'Impostor');
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, roles) VALUES ('impostor@example.org', 'Real Person', '{employee}') RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO identity_links (issuer, subject, user_id) SELECT 'https://other-idp.example', 'x', id FROM users WHERE email = 'impostor@example.org'`,
    );
    const { location } = await signIn('impostor@example.org');
    expect(location).toBe(`${t.url}/login?sso=conflict`);
  });

  it('refuses a deactivated person, and says why', async () => {
    const admin = await loggedIn(t.url, 'admin@example.com');
    const plain = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'plain.sso@example.org'`))[0].id;
    expect((await admin.post<PersonAdminView>(`/api/admin/people/${plain}/deactivate`)).status).toBe(200);
    const { location, browser } = await signIn('plain.sso@example.org');
    expect(location).toBe(`${t.url}/login?sso=inactive`);
    expect(browser.cookie(t.url, 'fd_session')).toBeUndefined();
  });

  it('never signs anyone in with a tampered state, another browser, or a code used twice', async () => {
    const { callbackUrl, browser } = await signInUntilCallback('admin.sso@example.org');
    // Another browser with the same callback URL (e.g. a link sent to a victim): no binding cookie.
    const stranger = new BrowserClient();
    expect((await stranger.request(callbackUrl)).headers.get('location')).toBe(`${t.url}/login?sso=expired`);
    // A tampered state.
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'forged-state');
    expect((await browser.request(tampered.href)).headers.get('location')).toBe(`${t.url}/login?sso=expired`);
    // The real answer signs in once; replayed, it does nothing.
    expect((await browser.request(callbackUrl)).headers.get('location')).toBe(`${t.url}/editor`);
    const replay = new BrowserClient();
    expect((await replay.request(callbackUrl)).headers.get('location')).toBe(`${t.url}/login?sso=expired`);
  });

  it('returns only into the app after sign-in', async () => {
    for (const evil of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const { location } = await signIn('admin.sso@example.org', evil);
      expect(location).toBe(`${t.url}/`);
    }
  });

  it("ends the provider's session too at sign-out", async () => {
    const { browser } = await signIn('admin.sso@example.org');
    const session = sessionOf(browser);
    const csrf = browser.cookie(t.url, 'XSRF-TOKEN') as string;
    const out = await session.request<LogoutResult>('POST', '/api/auth/logout', {}, { 'x-xsrf-token': csrf });
    expect(out.status).toBe(200);
    const end = new URL(out.body.endSessionUrl as string);
    expect(end.origin).toBe(issuer);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/login`);
    // A password session has no provider session to end.
    const local = await loggedIn(t.url, 'reception@example.com');
    expect((await local.post<LogoutResult>('/api/auth/logout')).body).toEqual({ endSessionUrl: null });
  });

  /** As signIn, but stops before Flexdesk takes the provider's answer. */
  async function signInUntilCallback(login: string) {
    const browser = new BrowserClient();
    const start = await browser.request(`${t.url}/api/auth/oidc/login?returnTo=/editor`);
    const page = await browser.follow(start.headers.get('location') as string);
    const form = /action="([^"]+)"/.exec(await page.res.text())?.[1] as string;
    const submitted = await browser.request(new URL(form, page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'x' }).toString(),
    });
    const callback = await browser.follow(new URL(submitted.headers.get('location') as string, page.url).href, (next) =>
      next.startsWith(`${t.url}/api/auth/oidc/callback`),
    );
    return { browser, callbackUrl: callback.url };
  }
});

describe('password sign-in switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(NOW, {
      LOCAL_LOGIN: 'false',
      OIDC_ISSUER: 'https://login.example.org',
      OIDC_CLIENT_ID: 'flexdesk',
    });
  });
  afterAll(() => t?.close());

  it('refuses passwords and says how to sign in instead', async () => {
    const res = await new Api(t.url).post<ProblemDetails>('/api/auth/login', {
      email: 'employee@example.com',
      password: 'flexdesk',
    });
    expect([res.status, res.body.code]).toEqual([403, 'LOCAL_LOGIN_DISABLED']);
    expect((await new Api(t.url).get<SignInOptions>('/api/auth/providers')).body).toMatchObject({
      localLogin: false,
      sso: { label: 'login.example.org' },
    });
  });
});
