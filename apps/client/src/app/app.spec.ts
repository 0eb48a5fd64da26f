import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
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
};

describe('App shell', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
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
    const pressed = [...el.querySelectorAll('.lang-switch button')].map((b) => [
      b.textContent?.trim(),
      b.getAttribute('aria-pressed'),
    ]);
    expect(pressed).toEqual([
      ['DE', 'true'],
      ['EN', 'false'],
    ]);
  });

  it('switches the whole shell to English', async () => {
    const { fixture, el } = await render();
    el.querySelectorAll<HTMLButtonElement>('.lang-switch button')[1].click();
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('en');
    expect(el.querySelector('a.skip-link')?.textContent?.trim()).toBe('Skip to content');
    expect(el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Language');
  });

  it('shows navigation, the user and a sign-out button once signed in', async () => {
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
      'Einstellungen',
    ]);
    expect(el.querySelector('.app-header__user')?.textContent).toContain('Erika Mustermann');
    expect(el.querySelector('.app-header__tools button.button--header')?.textContent?.trim()).toBe('Abmelden');
  });

  it('offers the reception page to receptionists only', async () => {
    const { fixture, el } = await render();
    const loading = TestBed.inject(SessionStore).load();
    backend.expectOne('/api/me').flush({ ...ME, roles: ['receptionist'] });
    await loading;
    await fixture.whenStable();

    const links = [...el.querySelectorAll('nav a')];
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Platz buchen',
      'Meine Buchungen',
      'Empfang',
      'Einstellungen',
    ]);
    expect(links[2].getAttribute('href')).toBe('/reception');
  });
});
