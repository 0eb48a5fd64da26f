import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { Me } from '@flexdesk/shared-contracts';
import { authGuard, guestGuard, safeReturnUrl } from './auth.guards';
import { SessionStore } from './session.store';

const route = {} as ActivatedRouteSnapshot;
const state = (url: string) => ({ url }) as RouterStateSnapshot;

describe('guards', () => {
  let me: Me | null;

  beforeEach(() => {
    me = null;
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionStore, useValue: { load: () => Promise.resolve(me) } }],
    });
  });

  const run = (guard: typeof authGuard, url: string) => TestBed.runInInjectionContext(() => guard(route, state(url)));
  const serialize = (result: unknown) => TestBed.inject(Router).serializeUrl(result as UrlTree);

  it('sends signed-out people to the sign-in page, remembering where they wanted to go', async () => {
    const result = await run(authGuard, '/bookings?x=1');
    expect(result).toBeInstanceOf(UrlTree);
    expect(serialize(result)).toBe('/login?returnUrl=%2Fbookings%3Fx%3D1');
  });

  it('lets signed-in people through, and keeps them away from the sign-in page', async () => {
    me = { id: 'u' } as Me;
    expect(await run(authGuard, '/book')).toBe(true);
    expect(serialize(await run(guestGuard, '/login'))).toBe('/');
  });

  it('lets signed-out people see the sign-in page', async () => {
    expect(await run(guestGuard, '/login')).toBe(true);
  });
});

describe('safeReturnUrl', () => {
  it.each([
    ['/bookings', '/bookings'],
    ['/book?date=2026-05-04', '/book?date=2026-05-04'],
    ['//evil.example', '/book'],
    ['/\\evil.example', '/book'],
    ['https://evil.example', '/book'],
    ['/login?returnUrl=/x', '/book'],
    [null, '/book'],
    ['', '/book'],
  ])('%s → %s', (input, expected) => expect(safeReturnUrl(input, '/book')).toBe(expected));
});
