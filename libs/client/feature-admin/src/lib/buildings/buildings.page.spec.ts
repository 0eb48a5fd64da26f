import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Building, BuildingSummary, Me } from '@flexdesk/shared-contracts';
import { DEFAULT_POLICIES } from '@flexdesk/shared-domain';
import { SessionStore, apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, chooseOption, dialogs, flush, toggleByLabel } from '@flexdesk/client-ui/testing';
import { BuildingsPage } from './buildings.page';

const BUILDING: Building = {
  id: 'b1',
  name: 'Rathaus',
  address: 'Marktplatz 1',
  timeZone: 'Europe/Berlin',
  midday: '12:00',
  openingHours: [
    { weekday: 1, open: '07:00', close: '19:00' },
    { weekday: 6, open: '00:00', close: '24:00' },
  ],
  closures: [{ date: '2026-12-24', reason: 'Heiligabend' }],
  policies: { ...DEFAULT_POLICIES },
  floors: [
    { id: 'f0', buildingId: 'b1', name: 'EG', level: 0, spaceCount: 10 },
    { id: 'f1', buildingId: 'b1', name: '1. OG', level: 1, spaceCount: 5 },
  ],
};
const SUMMARY: BuildingSummary = { id: 'b1', name: 'Rathaus', address: '', timeZone: 'Europe/Berlin', floors: [] };

/** The polite announcement, once it is there (the snack bar moves it into the live region late). */
async function politely(detect: () => void): Promise<string> {
  let message = '';
  for (let i = 0; i < 10 && !message; i++) message = await announced('polite', detect);
  return message;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// Material widgets render slowly on a busy machine; the default 5 s is too tight.
jest.setTimeout(30_000);

describe('BuildingsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<BuildingsPage>;
  const detect = () => fixture.detectChanges();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BuildingsPage],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SessionStore,
          useValue: { me: signal({ id: 'u', roles: ['facility_manager'], homeBuildingId: null } as unknown as Me) },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BuildingsPage);
    detect();
    backend.expectOne('/api/buildings').flush([SUMMARY]);
    await flush(detect);
    backend.expectOne('/api/buildings/b1').flush(BUILDING);
    await flush(detect);
  });

  afterEach(() => backend.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  async function openTab(label: string) {
    const tab = [...root().querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => text(t) === label);
    tab?.click();
    await flush(detect, 20);
  }

  it('shows the opening hours, with 24-hour days as "durchgehend geöffnet"', () => {
    const rows = [...root().querySelectorAll('.fd-hours__row')];
    expect(rows).toHaveLength(7);
    expect(text(rows[0])).toContain('Montag');
    expect(rows[0].querySelectorAll('input.fd-time')).toHaveLength(2);
    expect(text(rows[1])).toContain('geschlossen');
    const saturday = rows[5].querySelectorAll<HTMLInputElement>('mat-checkbox input');
    expect(text(rows[5])).toContain('durchgehend geöffnet');
    expect(saturday[1].checked).toBe(true);
  });

  it('saves the building with its opening hours', async () => {
    await toggleByLabel(root(), 'Dienstag', detect);
    buttonByText(root(), 'Speichern')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'PUT', url: '/api/buildings/b1' });
    expect(req.request.body.openingHours).toEqual([
      { weekday: 1, open: '07:00', close: '19:00' },
      { weekday: 2, open: '07:00', close: '19:00' },
      { weekday: 6, open: '00:00', close: '24:00' },
    ]);
    req.flush(BUILDING);
    expect(await politely(detect)).toContain('gespeichert');
  });

  it('imports the holidays of a year as closures', async () => {
    await openTab('Schließtage');
    await chooseOption(root().querySelector('[data-testid="holiday-state"]'), 'Bayern', detect);
    buttonByText(root(), 'Feiertage übernehmen')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'POST', url: '/api/buildings/b1/closures' });
    const closures = req.request.body.closures as { date: string; reason: string }[];
    expect(closures.map((c) => c.reason)).toContain('Allerheiligen');
    req.flush(BUILDING);
    await flush(detect);
    expect(await politely(detect)).toContain(`${closures.length} Schließtag(e) eingetragen`);
  });

  it('saves the rules of a kind with its e-mail reminder lead time', async () => {
    await openTab('Buchungsregeln');
    const reminder = root().querySelector<HTMLInputElement>('input[formcontrolname="checkInReminderMinutes"]');
    expect(reminder?.value).toBe('15');
    reminder!.value = '0';
    reminder!.dispatchEvent(new Event('input'));
    await flush(detect);
    buttonByText(root(), 'Regeln für Arbeitsplatz speichern')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'PUT', url: '/api/buildings/b1/policies' });
    expect(req.request.body.desk.checkInReminderMinutes).toBe(0);
    req.flush(BUILDING);
    await flush(detect);
  });

  it('shows why a floor cannot be deleted, with the number of bookings the API names', async () => {
    await openTab('Etagen');
    const items = [...root().querySelectorAll('[data-testid="floors"] li')];
    expect(items.map((li) => li.getAttribute('data-floor'))).toEqual(['1. OG', 'EG']);
    buttonByText(items[1], 'Löschen')?.click();
    await flush(detect);
    buttonByText(dialogs()[0], 'Löschen')?.click();
    await flush(detect);
    backend.expectOne({ method: 'DELETE', url: '/api/floors/f0' }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'HAS_FUTURE_BOOKINGS',
        detail: 'Es gibt noch 3 künftige Buchung(en). Stornieren Sie diese zuerst.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await flush(detect);
    expect(text(dialogs()[0])).toContain('3 künftige Buchung(en)');
  });

  it('moves a floor up by swapping levels', async () => {
    await openTab('Etagen');
    const eg = root().querySelector('[data-floor="EG"]');
    eg?.querySelector<HTMLButtonElement>('button[aria-label="„EG“ nach oben"]')?.click();
    await flush(detect);
    backend.expectOne('/api/floors/f0').flush({ ...BUILDING.floors[0], plan: { width: 100, height: 50 } });
    await flush(detect);
    const put = backend.expectOne({ method: 'PUT', url: '/api/floors/f0' });
    expect(put.request.body).toEqual({ name: 'EG', level: 1, width: 100, height: 50 });
    put.flush(BUILDING.floors[0]);
    await flush(detect);
    backend.expectOne('/api/floors/f1').flush({ ...BUILDING.floors[1], plan: { width: 10, height: 5 } });
    await flush(detect);
    expect(backend.expectOne({ method: 'PUT', url: '/api/floors/f1' }).request.body.level).toBe(0);
    backend.match({ method: 'PUT', url: '/api/floors/f1' });
  });

  it('starts a new building and goes back to the one open before', async () => {
    buttonByText(root(), 'Neues Gebäude')?.click();
    await flush(detect);
    expect(text(root())).toContain('Neues Gebäude anlegen');
    expect(root().querySelector<HTMLInputElement>('[data-testid="building-form"] input')?.value).toBe('');
    buttonByText(root(), 'Abbrechen')?.click();
    await flush(detect);
    backend.expectOne('/api/buildings/b1').flush(BUILDING);
    await flush(detect);
    expect(text(root())).not.toContain('Neues Gebäude anlegen');
    expect(root().querySelector('[role="tab"]')).not.toBeNull();
  });
});
