import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ProblemDetails } from '@flexdesk/shared-contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../auth/auth.api';
import { SessionStore } from '../auth/session.store';
import { I18n } from '../i18n/i18n';
import { apiInterceptor } from './api.interceptor';
import { ProblemError } from './problem-error';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };

function problem(overrides: Partial<ProblemDetails>): ProblemDetails {
  return {
    type: 'https://flexdesk.dev/problems/booking-conflict',
    title: 'Konflikt',
    status: 409,
    detail: 'Dieser Platz ist in diesem Zeitraum bereits gebucht.',
    code: 'BOOKING_CONFLICT',
    ...overrides,
  };
}

/** Resolves with the error the observable fails with. */
function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
}

describe('apiInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let session: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'bookings', component: Blank },
        ]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    session = TestBed.inject(SessionStore);
  });

  afterEach(() => backend.verify());

  it('asks the API for messages in the current UI language', () => {
    http.get('/api/buildings').subscribe();
    expect(backend.expectOne('/api/buildings').request.headers.get('Accept-Language')).toBe('de');

    TestBed.inject(I18n).setLocale('en');
    http.get('/api/buildings').subscribe();
    expect(backend.expectOne('/api/buildings').request.headers.get('Accept-Language')).toBe('en');
    backend.match(() => true).forEach((r) => r.flush([]));
  });

  it('leaves requests to other hosts alone', () => {
    http.get('https://example.org/api/x').subscribe();
    const req = backend.expectOne('https://example.org/api/x');
    expect(req.request.headers.has('Accept-Language')).toBe(false);
    req.flush({});
  });

  it('turns a problem document into a typed ProblemError', async () => {
    const body = problem({
      status: 422,
      code: 'VALIDATION_FAILED',
      title: 'Nicht möglich',
      detail: 'Die Anfrage ist ungültig.',
      errors: [{ path: 'slot', message: 'slot must be one of day, am, pm' }],
    });
    const result = failure(firstValueFrom(http.post('/api/bookings', {})));
    backend
      .expectOne('/api/bookings')
      .flush(body, { status: 422, statusText: 'Unprocessable', headers: PROBLEM_HEADERS });

    const error = await result;
    expect(error).toBeInstanceOf(ProblemError);
    const p = error as ProblemError;
    expect(p.status).toBe(422);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.detail).toBe('Die Anfrage ist ungültig.');
    expect(p.errors).toEqual([{ path: 'slot', message: 'slot must be one of day, am, pm' }]);
    expect(p.problem).toEqual(body);
  });

  it('parses a problem document that arrives as text and keeps extra members', async () => {
    const body = problem({
      conflict: { start: '2026-05-04T08:00:00+02:00', end: '2026-05-04T12:00:00+02:00', bookerName: null },
    });
    const result = failure(firstValueFrom(http.post('/api/bookings', {})));
    backend
      .expectOne('/api/bookings')
      .flush(JSON.stringify(body), { status: 409, statusText: 'Conflict', headers: PROBLEM_HEADERS });

    const error = (await result) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.code).toBe('BOOKING_CONFLICT');
    expect(error.errors).toEqual([]);
    expect(error.problem.conflict?.start).toBe('2026-05-04T08:00:00+02:00');
  });

  it('passes errors that are not problem documents through unchanged', async () => {
    const result = failure(firstValueFrom(http.get('/api/buildings')));
    backend.expectOne('/api/buildings').flush('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });

    const error = await result;
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(502);
  });

  it('on 401 clears the session and sends the user to /login, remembering where they were', async () => {
    await router.navigateByUrl('/bookings');
    const navigate = jest.spyOn(router, 'navigate');
    const clear = jest.spyOn(session, 'clear');

    const result = failure(firstValueFrom(http.get('/api/bookings')));
    backend
      .expectOne('/api/bookings')
      .flush(problem({ status: 401, code: 'UNAUTHENTICATED', detail: 'Bitte melden Sie sich an.' }), {
        status: 401,
        statusText: 'Unauthorized',
        headers: PROBLEM_HEADERS,
      });

    expect(((await result) as ProblemError).code).toBe('UNAUTHENTICATED');
    expect(clear).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/bookings' } });
  });

  it('does not redirect when the login call itself answers 401', async () => {
    const navigate = jest.spyOn(router, 'navigate');
    const clear = jest.spyOn(session, 'clear');

    const result = failure(firstValueFrom(TestBed.inject(AuthApi).login({ email: 'a@example.com', password: 'nope' })));
    backend
      .expectOne('/api/auth/login')
      .flush(
        problem({ status: 401, code: 'INVALID_CREDENTIALS', detail: 'E-Mail-Adresse oder Passwort ist falsch.' }),
        { status: 401, statusText: 'Unauthorized', headers: PROBLEM_HEADERS },
      );

    expect(((await result) as ProblemError).code).toBe('INVALID_CREDENTIALS');
    expect(clear).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not redirect again when already on the sign-in page', async () => {
    await router.navigateByUrl('/login');
    const navigate = jest.spyOn(router, 'navigate');

    const result = failure(firstValueFrom(http.post('/api/auth/logout', null)));
    backend.expectOne('/api/auth/logout').flush(problem({ status: 401, code: 'UNAUTHENTICATED' }), {
      status: 401,
      statusText: 'Unauthorized',
      headers: PROBLEM_HEADERS,
    });

    await result;
    expect(navigate).not.toHaveBeenCalled();
  });
});
