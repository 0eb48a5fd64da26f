import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BuildingSummary, CalendarFeed, Me, NotificationPreferences } from '@flexdesk/shared-contracts';
import { I18n, SessionStore, apiInterceptor } from '@flexdesk/client-data-access';
import { announced, chooseOption, dialogs, selectOptions, selectedText } from '@flexdesk/client-ui/testing';
import { SettingsPage } from './settings.page';

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

const BUILDINGS: BuildingSummary[] = [
  {
    id: 'b1',
    name: 'Rathaus',
    address: 'Marktplatz 1',
    timeZone: 'Europe/Berlin',
    floors: [
      { id: 'og1', buildingId: 'b1', name: '1. OG', level: 1, spaceCount: 3 },
      { id: 'garage', buildingId: 'b1', name: 'Tiefgarage', level: -1, spaceCount: 3 },
      { id: 'eg', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 4 },
    ],
  },
  { id: 'b2', name: 'Bürgerbüro', address: 'Weg 2', timeZone: 'Europe/Berlin', floors: [] },
];

const PREFS: NotificationPreferences = {
  booking_confirmed: true,
  booking_cancelled: true,
  booking_released: true,
  checkin_reminder: true,
  waitlist_booked: true,
};

const FEED: CalendarFeed = {
  url: 'https://flexdesk.example/api/calendar/s3cr3t.ics',
  webcalUrl: 'webcal://flexdesk.example/api/calendar/s3cr3t.ics',
};

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

const detect = (fixture: ComponentFixture<unknown>) => () => fixture.detectChanges();
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (root: Element | null | undefined, label: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => text(b).includes(label)) ?? null;

describe('SettingsPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SettingsPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(me: Me = ME, feedActive = false) {
    const loading = TestBed.inject(SessionStore).load();
    backend.expectOne('/api/me').flush(me);
    await loading;
    const fixture = TestBed.createComponent(SettingsPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    backend.expectOne('/api/buildings').flush(BUILDINGS);
    backend.expectOne({ method: 'GET', url: '/api/me/calendar-feed' }).flush({ active: feedActive });
    backend.expectOne({ method: 'GET', url: '/api/me/notification-preferences' }).flush(PREFS);
    await settle(fixture);
    return { fixture, el };
  }

  it('switches a kind of e-mail off and on, one checkbox per kind', async () => {
    const { fixture, el } = await render();
    const panel = el.querySelector('[aria-labelledby="settings-mail"]');
    expect(text(panel?.querySelector('h2'))).toBe('E-Mails');
    expect(panel?.querySelectorAll('mat-checkbox')).toHaveLength(5);
    const reminder = panel?.querySelector<HTMLInputElement>('#settings-mail-checkin_reminder input');
    expect(reminder?.checked).toBe(true);
    reminder?.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/me/notification-preferences' });
    expect(put.request.body).toEqual({ checkin_reminder: false });
    put.flush({ ...PREFS, checkin_reminder: false });
    await settle(fixture);
    expect(reminder?.checked).toBe(false);
    expect(await announced('polite', detect(fixture))).toContain('Diese E-Mails erhalten Sie nicht mehr.');
  });

  it('keeps the name hidden by default, explains why, and saves the toggle', async () => {
    const { fixture, el } = await render();
    const box = el.querySelector<HTMLInputElement>('input[type=checkbox]');
    if (!box) throw new Error('no toggle');
    expect(box.checked).toBe(false);
    expect(text(el.querySelector(`label[for="${box.id}"]`))).toBe('Kolleg:innen dürfen meinen Namen sehen');
    expect(text(el.querySelector(`#${box.getAttribute('aria-describedby')}`))).toContain('Voreinstellung');

    box.click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ showNameToColleagues: true });
    patch.flush({ ...ME, showNameToColleagues: true });
    await settle(fixture);
    expect(box.checked).toBe(true);
    expect(TestBed.inject(SessionStore).me()?.showNameToColleagues).toBe(true);
    expect(await announced('polite', detect(fixture))).toContain('Ihr Name ist jetzt für Kolleg:innen sichtbar.');
  });

  it('puts the toggle back when saving fails', async () => {
    const { fixture, el } = await render();
    const box = el.querySelector<HTMLInputElement>('input[type=checkbox]');
    box?.click();
    await settle(fixture);
    backend.expectOne({ method: 'PATCH', url: '/api/me' }).error(new ProgressEvent('error'), { status: 0 });
    await settle(fixture);
    expect(box?.checked).toBe(false);
    expect(await announced('assertive', detect(fixture))).toContain('Der Server ist nicht erreichbar');
  });

  it('saves the language through the session, like the header switch', async () => {
    const { fixture, el } = await render();
    await chooseOption(el.querySelector('#settings-locale'), 'English', detect(fixture));
    TestBed.tick();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ locale: 'en' });
    patch.flush({ ...ME, locale: 'en' });
    await settle(fixture);
    expect(TestBed.inject(I18n).locale()).toBe('en');
    expect(text(el.querySelector('h1'))).toBe('Settings');
  });

  it('offers everything stored about me as a file, in either language', async () => {
    const { fixture, el } = await render();
    const panel = el.querySelector('[aria-labelledby="settings-data"]');
    expect(text(panel?.querySelector('h2'))).toBe('Meine Daten');
    const download = panel?.querySelector<HTMLAnchorElement>('a#settings-data-download');
    expect(text(download)).toBe('Meine Daten herunterladen');
    // A plain link: the browser downloads the file itself, with the session cookie.
    expect(download?.getAttribute('href')).toBe('/api/me/export');
    expect(download?.hasAttribute('download')).toBe(true);
    expect(panel?.querySelector('a[href="/privacy"]')).not.toBeNull();

    await chooseOption(el.querySelector('#settings-locale'), 'English', detect(fixture));
    TestBed.tick();
    backend.expectOne({ method: 'PATCH', url: '/api/me' }).flush({ ...ME, locale: 'en' });
    await settle(fixture);
    expect(text(el.querySelector('#settings-data-download'))).toBe('Download my data');
    expect(text(panel?.querySelector('a[href="/privacy"]'))).toBe('Privacy sheet: what is stored and for how long');
  });

  it('sets the default floor: a building picks its usual floor, and "no preference" clears it', async () => {
    const { fixture, el } = await render();
    const building = el.querySelector('#settings-building');
    await chooseOption(building, 'Rathaus', detect(fixture));
    let patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ defaultFloorId: 'eg' });
    patch.flush({ ...ME, defaultFloorId: 'eg' });
    await settle(fixture);

    const floor = el.querySelector('#settings-floor');
    expect((await selectOptions(floor, detect(fixture))).map((o) => o.text)).toEqual([
      'Keine Vorgabe',
      'Tiefgarage',
      'Erdgeschoss',
      '1. OG',
    ]);
    expect(selectedText(floor)).toBe('Erdgeschoss');
    await chooseOption(floor, '1. OG', detect(fixture));
    patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ defaultFloorId: 'og1' });
    patch.flush({ ...ME, defaultFloorId: 'og1' });
    await settle(fixture);

    await chooseOption(building, 'Keine Vorgabe', detect(fixture));
    patch = backend.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(patch.request.body).toEqual({ defaultFloorId: null });
    patch.flush(ME);
    await settle(fixture);
    expect(await announced('polite', detect(fixture))).toBe('Gespeichert.');
    expect(selectedText(building)).toBe('Keine Vorgabe');
  });

  it('creates a subscription link and shows it once, with copy buttons', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { fixture, el } = await render();
    expect(text(el.querySelector('.feed-status'))).toContain('Nicht eingerichtet.');

    button(el, 'Link erstellen')?.click();
    backend.expectOne({ method: 'POST', url: '/api/me/calendar-feed' }).flush(FEED);
    await settle(fixture);
    expect(text(el.querySelector('.feed-status'))).toContain('Aktiv');
    const webcal = el.querySelector<HTMLInputElement>('#feed-webcal');
    expect(webcal?.value).toBe(FEED.webcalUrl);
    expect(webcal?.readOnly).toBe(true);
    expect(el.querySelector<HTMLInputElement>('#feed-url')?.value).toBe(FEED.url);
    expect(text(el.querySelector('.feed-link'))).toContain('nur jetzt angezeigt');

    el.querySelector<HTMLButtonElement>('button[aria-label="Link (https) kopieren"]')?.click();
    await settle(fixture);
    expect(writeText).toHaveBeenCalledWith(FEED.url);
    expect(await announced('polite', detect(fixture))).toContain('In die Zwischenablage kopiert.');
  });

  it('regenerates only after confirming that the old link stops working, and shows the new link once', async () => {
    const { fixture, el } = await render(ME, true);
    expect(text(el.querySelector('.feed-status'))).toContain('Aktiv');
    // An existing link is never shown again.
    expect(el.querySelector('#feed-webcal')).toBeNull();

    button(el, 'Neuen Link erzeugen')?.click();
    await settle(fixture);
    backend.expectNone({ method: 'POST' });
    const [dialog] = dialogs();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(text(dialog)).toContain('Der bisherige Link funktioniert danach nicht mehr');

    button(dialog, 'Ja, neuen Link erzeugen')?.click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/me/calendar-feed' }).flush(FEED);
    await settle(fixture);
    expect(dialogs()).toHaveLength(0);
    expect(el.querySelector<HTMLInputElement>('#feed-webcal')?.value).toBe(FEED.webcalUrl);

    // Coming back to the page later, the link is gone for good.
    fixture.destroy();
    const again = TestBed.createComponent(SettingsPage);
    await settle(again);
    backend.expectOne('/api/buildings').flush(BUILDINGS);
    backend.expectOne({ method: 'GET', url: '/api/me/calendar-feed' }).flush({ active: true });
    backend.expectOne({ method: 'GET', url: '/api/me/notification-preferences' }).flush(PREFS);
    await settle(again);
    expect((again.nativeElement as HTMLElement).querySelector('#feed-webcal')).toBeNull();
  });

  it('keeps the link when the regeneration is called off', async () => {
    const { fixture, el } = await render(ME, true);
    button(el, 'Neuen Link erzeugen')?.click();
    await settle(fixture);
    button(dialogs()[0], 'Abbrechen')?.click();
    await settle(fixture);
    backend.expectNone({ method: 'POST' });
    expect(dialogs()).toHaveLength(0);
  });

  it('revokes the link after confirmation', async () => {
    const { fixture, el } = await render(ME, true);
    button(el, 'Link widerrufen')?.click();
    await settle(fixture);
    const [dialog] = dialogs();
    expect(text(dialog?.querySelector('h2'))).toBe('Abo-Link widerrufen?');
    button(dialog, 'Ja, widerrufen')?.click();
    await settle(fixture);
    backend
      .expectOne({ method: 'DELETE', url: '/api/me/calendar-feed' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(text(el.querySelector('.feed-status'))).toContain('Nicht eingerichtet.');
    expect(await announced('polite', detect(fixture))).toContain('widerrufen und funktioniert nicht mehr');
    expect(button(el, 'Link erstellen')).not.toBeNull();
  });
});
