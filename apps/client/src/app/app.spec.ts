import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import type { Me } from '@flexdesk/shared-contracts';
import { apiInterceptor, SessionStore } from '@flexdesk/client-data-access';
import { App } from './app';

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

describe('App shell', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        // As in a development build: no worker registered under test.
        provideServiceWorker('ngsw-worker.js', { enabled: false }),
      ],
    }).compileComponents();
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('offers a skip link to the main content and a language switch, but no navigation when signed out', async () => {
    const { el } = await render();
    const skip = el.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(skip?.textContent?.trim()).toBe('Zum Inhalt springen');
    expect(el.querySelector('main#main')).not.toBeNull();
    expect(el.querySelector('nav')).toBeNull();
    expect(el.querySelector('header')).not.toBeNull();
    const languages = el.querySelector('.lang-switch');
    expect(languages?.getAttribute('role')).toBe('group');
    expect(languages?.getAttribute('aria-label')).toBe('Sprache');
    const pressed = [...(languages?.querySelectorAll('button') ?? [])].map((b) => [
      b.textContent?.trim(),
      b.getAttribute('lang'),
      b.getAttribute('aria-pressed'),
    ]);
    expect(pressed).toEqual([
      ['DE', 'de', 'true'],
      ['EN', 'en', 'false'],
    ]);
  });

  it('says so while the browser is offline, and stops saying it when back', async () => {
    const online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { fixture, el } = await render();
      window.dispatchEvent(new Event('offline'));
      await fixture.whenStable();
      const notice = el.querySelector('fd-inline-alert.offline');
      expect(notice?.getAttribute('role')).toBe('status');
      expect(notice?.textContent).toContain('Keine Verbindung');
      online.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
      await fixture.whenStable();
      expect(el.querySelector('fd-inline-alert.offline')).toBeNull();
    } finally {
      online.mockRestore();
    }
  });

  it('switches the whole shell to English', async () => {
    const { fixture, el } = await render();
    el.querySelectorAll<HTMLButtonElement>('.lang-switch button')[1].click();
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('en');
    expect(el.querySelector('a.skip-link')?.textContent?.trim()).toBe('Skip to content');
    expect(el.querySelector('.lang-switch')?.getAttribute('aria-label')).toBe('Language');
    expect(el.querySelector('.lang-switch button[aria-pressed="true"]')?.textContent?.trim()).toBe('EN');
  });

  it("shows navigation and the person's menu with settings and sign-out once signed in", async () => {
    const { fixture, el } = await render();
    const loading = TestBed.inject(SessionStore).load();
    backend.expectOne('/api/me').flush(ME);
    await loading;
    await fixture.whenStable();

    const nav = el.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Hauptnavigation');
    expect([...(nav?.querySelectorAll('a') ?? [])].map((a) => a.textContent?.trim())).toEqual([
      'Platz buchen',
      'Meine Buchungen',
    ]);
    const person = el.querySelector<HTMLButtonElement>('button[aria-label="Angemeldet als Erika Mustermann"]');
    expect(person?.getAttribute('aria-haspopup')).toBe('menu');
    person?.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll('.mat-mdc-menu-panel [role=menuitem]')].map((i) =>
      i.textContent?.trim(),
    );
    expect(items).toEqual(['Einstellungen', 'Abmelden']);
  });

  it('offers the same pages in a menu, for narrow screens', async () => {
    const { fixture, el } = await render();
    const loading = TestBed.inject(SessionStore).load();
    backend.expectOne('/api/me').flush({ ...ME, roles: ['facility_manager'] });
    await loading;
    await fixture.whenStable();

    el.querySelector<HTMLButtonElement>('button[aria-label="Navigation"]')?.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll<HTMLAnchorElement>('.mat-mdc-menu-panel a[role=menuitem]')];
    expect(items.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Platz buchen', '/book'],
      ['Meine Buchungen', '/bookings'],
      ['Grundriss bearbeiten', '/editor'],
      ['Gebäude', '/buildings'],
      ['Auswertungen', '/insights'],
    ]);
  });

  it('offers the reception page to receptionists only', async () => {
    const { fixture, el } = await render();
    const loading = TestBed.inject(SessionStore).load();
    backend.expectOne('/api/me').flush({ ...ME, roles: ['receptionist'] });
    await loading;
    await fixture.whenStable();

    const links = [...el.querySelectorAll('nav a')];
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Platz buchen', 'Meine Buchungen', 'Empfang']);
    expect(links[2].getAttribute('href')).toBe('/reception');
  });
});

@Component({ template: '<h1>Erste Seite</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class FirstPage {}

@Component({ template: '<h1>Zweite Seite</h1><a href="#x">Link</a>', changeDetection: ChangeDetectionStrategy.OnPush })
class SecondPage {}

describe('App shell navigation', () => {
  it("moves focus to the new page's heading after an in-app navigation", async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'first', component: FirstPage },
          { path: 'second', component: SecondPage },
        ]),
        provideServiceWorker('ngsw-worker.js', { enabled: false }),
      ],
    });
    const fixture = TestBed.createComponent(App);
    document.body.appendChild(fixture.nativeElement);
    TestBed.inject(HttpTestingController).match(() => true);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/first');
    await fixture.whenStable();
    // The first page load leaves focus where the browser puts it.
    expect(document.activeElement?.textContent).not.toBe('Erste Seite');

    await router.navigateByUrl('/second');
    await fixture.whenStable();
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.textContent).toBe('Zweite Seite');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    fixture.nativeElement.remove();
  });
});
