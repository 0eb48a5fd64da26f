import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LoginResponse, Me } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '../http/api.interceptor';
import { ProblemError } from '../http/problem-error';
import { I18n } from '../i18n/i18n';
import { SessionStore } from './session.store';

const ME: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  displayName: 'Erika Mustermann',
  email: 'employee@example.com',
  roles: ['employee'],
  locale: 'de',
  showNameToColleagues: false,
  groupIds: [],
  defaultFloorId: null,
  homeBuildingId: null,
  suggestedHomeBuildingId: null,
  receptionBuildingIds: [],
};
const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };
const unauthenticated = {
  type: 'https://flexdesk.dev/problems/unauthenticated',
  title: 'Nicht angemeldet',
  status: 401,
  detail: 'Bitte melden Sie sich an.',
  code: 'UNAUTHENTICATED',
};

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SessionStore', () => {
  let store: SessionStore;
  let i18n: I18n;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    store = TestBed.inject(SessionStore);
    i18n = TestBed.inject(I18n);
    backend = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('loads the signed-in user once and shares the answer', async () => {
    const first = store.load();
    const second = store.load();
    backend.expectOne('/api/me').flush(ME);

    expect(await first).toEqual(ME);
    expect(await second).toEqual(ME);
    expect(store.me()).toEqual(ME);
    expect(store.isLoggedIn()).toBe(true);
    backend.expectNone('/api/me');
  });

  it("takes over the user's saved language", async () => {
    const loading = store.load();
    backend.expectOne('/api/me').flush({ ...ME, locale: 'en' });
    await loading;
    TestBed.tick();

    expect(i18n.locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    backend.expectNone({ method: 'PATCH', url: '/api/me' });
  });

  it('treats 401 as "nobody" and does not ask again', async () => {
    const loading = store.load();
    backend
      .expectOne('/api/me')
      .flush(unauthenticated, { status: 401, statusText: 'Unauthorized', headers: PROBLEM_HEADERS });

    expect(await loading).toBeNull();
    expect(store.isLoggedIn()).toBe(false);
    expect(await store.load()).toBeNull();
    backend.expectNone('/api/me');
  });

  it('asks again after a network failure', async () => {
    const loading = store.load();
    backend.expectOne('/api/me').error(new ProgressEvent('error'), { status: 0 });
    expect(await loading).toBeNull();

    const retry = store.load();
    backend.expectOne('/api/me').flush(ME);
    expect(await retry).toEqual(ME);
  });

  it('signs in, and the next load needs no request', async () => {
    const signingIn = store.login('employee@example.com', 'flexdesk');
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'employee@example.com', password: 'flexdesk' });
    const response: LoginResponse = { accessToken: 't', csrfToken: 'c', expiresAt: '2030-01-01T00:00:00Z', user: ME };
    req.flush(response);

    expect(await signingIn).toEqual(ME);
    expect(store.me()?.displayName).toBe('Erika Mustermann');
    expect(await store.load()).toEqual(ME);
    backend.expectNone('/api/me');
  });

  it('rejects a failed sign-in with the problem and stays signed out', async () => {
    const signingIn = store.login('employee@example.com', 'wrong').catch((e: unknown) => e);
    backend
      .expectOne('/api/auth/login')
      .flush(
        { ...unauthenticated, code: 'INVALID_CREDENTIALS', detail: 'E-Mail-Adresse oder Passwort ist falsch.' },
        { status: 401, statusText: 'Unauthorized', headers: PROBLEM_HEADERS },
      );
    const error = await signingIn;
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).code).toBe('INVALID_CREDENTIALS');
    expect(store.me()).toBeNull();
  });

  it('saves a language picked on the sign-in page to the profile', async () => {
    i18n.setLocale('en');
    TestBed.tick();
    backend.expectNone({ method: 'PATCH', url: '/api/me' }); // nobody signed in yet

    const signingIn = store.login('employee@example.com', 'flexdesk');
    backend
      .expectOne('/api/auth/login')
      .flush({ accessToken: 't', csrfToken: 'c', expiresAt: '2030-01-01T00:00:00Z', user: ME });
    await signingIn;

    const patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ locale: 'en' });
    patch.flush({ ...ME, locale: 'en' });
    expect(i18n.locale()).toBe('en');
    expect(store.me()?.locale).toBe('en');
  });

  it('saves a language switched while signed in', async () => {
    const loading = store.load();
    backend.expectOne('/api/me').flush(ME);
    await loading;
    TestBed.tick();

    i18n.setLocale('en');
    TestBed.tick();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ locale: 'en' });
    patch.flush({ ...ME, locale: 'en' });
    expect(store.me()?.locale).toBe('en');
  });

  it('saves profile settings and mirrors the answer', async () => {
    const loading = store.load();
    backend.expectOne('/api/me').flush(ME);
    await loading;

    const saving = store.update({ showNameToColleagues: true });
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ showNameToColleagues: true });
    patch.flush({ ...ME, showNameToColleagues: true });
    expect((await saving).showNameToColleagues).toBe(true);
    expect(store.me()?.showNameToColleagues).toBe(true);
  });

  it('signs out even when the server call fails', async () => {
    const loading = store.load();
    backend.expectOne('/api/me').flush(ME);
    await loading;

    const signingOut = store.logout();
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(
      { ...unauthenticated, status: 500, code: 'INTERNAL_ERROR' },
      { status: 500, statusText: 'Error', headers: PROBLEM_HEADERS },
    );
    expect(await signingOut).toBeNull();
    await settle();

    expect(store.me()).toBeNull();
    expect(await store.load()).toBeNull();
    backend.expectNone('/api/me');
  });

  it("names the identity provider's page that ends its session too", async () => {
    const loading = store.load();
    backend.expectOne('/api/me').flush(ME);
    await loading;

    const signingOut = store.logout();
    backend.expectOne('/api/auth/logout').flush({ endSessionUrl: 'https://idp.example/logout?x=1' });
    expect(await signingOut).toBe('https://idp.example/logout?x=1');
    expect(store.me()).toBeNull();
  });
});
