import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, type Routes, provideRouter } from '@angular/router';
import type { Me, Role } from '@flexdesk/shared-contracts';
import { SessionStore } from '@flexdesk/client-data-access';
import { ADMIN_ROUTES, BUILDINGS_ROUTES } from './admin.routes';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

/** The lib's routes as the app mounts them, with the pages replaced by a blank one. */
const mounted = (path: string, routes: Routes): Routes[number] => ({
  path,
  children: routes.map((r) => ({ ...r, loadComponent: undefined, component: Blank })),
});

describe('admin routes', () => {
  let me: Me | null;

  beforeEach(() => {
    me = null;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          mounted('admin', ADMIN_ROUTES),
          mounted('buildings', BUILDINGS_ROUTES),
          { path: 'book', component: Blank },
          { path: 'reception', component: Blank },
          { path: 'login', component: Blank },
        ]),
        { provide: SessionStore, useValue: { load: () => Promise.resolve(me), me: signal(me) } },
      ],
    });
  });

  async function visit(url: string, ...roles: Role[]): Promise<string> {
    me = { id: 'u', roles } as Me;
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/login');
    await router.navigateByUrl(url);
    return router.url;
  }

  it('opens reception assignments to administrators only', async () => {
    expect(await visit('/admin/reception', 'admin')).toBe('/admin/reception');
    expect(await visit('/admin/reception', 'receptionist')).toBe('/reception');
    expect(await visit('/admin/reception', 'facility_manager')).toBe('/buildings');
  });

  it('opens the buildings page to facility managers and administrators', async () => {
    expect(await visit('/buildings', 'facility_manager')).toBe('/buildings');
    expect(await visit('/buildings', 'admin')).toBe('/buildings');
    expect(await visit('/buildings', 'employee')).toBe('/book');
  });

  it('opens people, groups and the audit log to administrators only', async () => {
    for (const url of ['/admin/people', '/admin/groups', '/admin/audit']) {
      expect(await visit(url, 'admin')).toBe(url);
      expect(await visit(url, 'facility_manager')).toBe('/buildings');
      expect(await visit(url, 'employee')).toBe('/book');
    }
  });
});
