import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { Me } from '@flexdesk/shared-contracts';
import { authGuard, guestGuard, landingGuard, permissionGuard, safeReturnUrl } from './auth.guards';
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

  describe('permissionGuard', () => {
    const board = permissionGuard('reception:board');

    it('lets people whose roles grant the permission through', async () => {
      me = { id: 'u', roles: ['receptionist'] } as Me;
      expect(await run(board, '/reception')).toBe(true);
      me = { id: 'u', roles: ['employee', 'admin'] } as Me;
      expect(await run(board, '/reception')).toBe(true);
    });

    it('sends everybody else to their own landing page', async () => {
      me = { id: 'u', roles: ['employee'] } as Me;
      expect(serialize(await run(board, '/reception'))).toBe('/book');
      me = { id: 'u', roles: ['employee', 'facility_manager'] } as Me;
      expect(serialize(await run(board, '/reception'))).toBe('/buildings');
    });

    it('sends signed-out people to the sign-in page first', async () => {
      expect(serialize(await run(board, '/reception'))).toBe('/login?returnUrl=%2Freception');
    });
  });

  describe('landingGuard', () => {
    it("sends each person to their role's landing page", async () => {
      me = { id: 'u', roles: ['employee'] } as Me;
      expect(serialize(await run(landingGuard, '/'))).toBe('/book');
      me = { id: 'u', roles: ['receptionist'] } as Me;
      expect(serialize(await run(landingGuard, '/'))).toBe('/reception');
    });

    it('sends signed-out people to the sign-in page', async () => {
      expect(serialize(await run(landingGuard, '/'))).toBe('/login');
    });
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
