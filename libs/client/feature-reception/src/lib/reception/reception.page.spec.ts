import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { BuildingOccupancy, Me } from '@flexdesk/shared-contracts';
import { EVENT_SOURCE_FACTORY, SessionStore, apiInterceptor } from '@flexdesk/client-data-access';
import { RECEPTION_ROUTES } from '../reception.routes';
import {
  announced,
  buttonByText,
  chooseOption,
  dialogs,
  selectOptions,
  selectedText,
} from '@flexdesk/client-ui/testing';
import { ReceptionPage } from './reception.page';
import { BUILDING, DAY, OCCUPANCY } from './reception.fixture';

// Monday 2026-05-04, 01:30 in Berlin but still 3 May in UTC: "today" is the building's day.
const NOW = new Date('2026-05-03T23:30:00Z');

/** A stand-in for the browser's EventSource: the network is outside our control in unit tests. */
class FakeEventSource extends EventTarget {
  constructor(readonly url: string) {
    super();
  }
  emit(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  close() {
    /* nothing to release */
  }
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('ReceptionPage', () => {
  let backend: HttpTestingController;
  let streams: FakeEventSource[];
  let print: jest.SpyInstance;

  beforeEach(() => {
    // Only the clock is faked; Angular's scheduling keeps its real timers.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'nextTick',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
        'hrtime',
        'requestIdleCallback',
        'cancelIdleCallback',
      ],
    });
    localStorage.clear();
    streams = [];
    print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    TestBed.configureTestingModule({
      imports: [ReceptionPage],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string) => {
            const source = new FakeEventSource(url);
            streams.push(source);
            return source as unknown as EventSource;
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    print.mockRestore();
    jest.useRealTimers();
  });

  function expectOccupancy(date = DAY) {
    const req = backend.expectOne((r) => r.url === '/api/buildings/b1/occupancy');
    expect(req.request.params.get('date')).toBe(date);
    return req;
  }

  async function render(occupancy: BuildingOccupancy = OCCUPANCY) {
    const fixture = TestBed.createComponent(ReceptionPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    backend.expectOne('/api/buildings').flush([BUILDING]);
    await settle(fixture);
    expectOccupancy().flush(occupancy);
    await settle(fixture);
    return { fixture, el };
  }

  const dayRows = (el: HTMLElement) =>
    [...el.querySelectorAll('.day-list tbody tr')].map((tr) => [
      text(tr.querySelector('th')),
      text(tr.querySelector('td')),
    ]);

  it("shows totals per floor and kind in numbers and words, for today in the building's zone", async () => {
    const { el } = await render();
    // The building's today, in German (the date picker speaks the UI language).
    expect((el.querySelector('#reception-date') as HTMLInputElement).value).toBe('04.05.2026');
    const totals = [...el.querySelectorAll('.totals-table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => text(c)),
    );
    expect(totals).toEqual([
      ['Erdgeschoss', 'Arbeitsplatz', '3', '1', '1', '2'],
      ['Erdgeschoss', 'Raum', '1', '1', '0', '0'],
      ['Erdgeschoss', 'Alle Arten', '4', '2', '1', '2'],
      ['1. OG', 'Arbeitsplatz', '3', '1', '0', '2'],
      ['Gebäude gesamt', 'Alle Arten', '7', '3', '1', '4'],
    ]);
    expect([...el.querySelectorAll('.totals-table thead th')].map((c) => text(c))).toEqual([
      'Etage',
      'Art',
      'Plätze',
      'Gebucht',
      'Eingecheckt',
      'Frei',
    ]);
    expect(text(el.querySelector('.muted'))).toContain('Zuletzt aktualisiert');
  });

  it('lists the day by floor and space, with status in words and symbols', async () => {
    const { el } = await render();
    expect(dayRows(el)).toEqual([
      ['Arbeitsplatz 0.02 Erdgeschoss', 'Ömer Yilmaz'],
      ['Raum Besprechung Erdgeschoss', 'Bernd Maier'],
      ['Arbeitsplatz 1.05 1. OG · Ruhezone', 'Anna Zeller'],
    ]);
    const statuses = [...el.querySelectorAll('.day-list tbody .status')].map((s) => text(s));
    expect(statuses).toEqual(['★ Eingecheckt', '✓ Erwartet', '✓ Erwartet']);
    expect(text(el.querySelector('.day-list tbody tr'))).toContain('seit 07:40 Uhr');
    // Only who is expected can be checked in.
    expect(el.querySelectorAll('.day-list button[aria-label$="einchecken"]').length).toBe(2);
    expect(el.querySelector<HTMLAnchorElement>('a[download]')?.getAttribute('href')).toBe(
      `/api/buildings/b1/day-list.csv?date=${DAY}`,
    );
    // The printout groups the whole day by floor.
    expect([...el.querySelectorAll('.print-list caption')].map((c) => text(c))).toEqual(['Erdgeschoss', '1. OG']);
  });

  it('sorts by a column header and filters by text and status', async () => {
    const { fixture, el } = await render();
    const nameHeader = [...el.querySelectorAll('.day-list thead th')][1];
    nameHeader.querySelector('button')?.click();
    await settle(fixture);
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(dayRows(el).map((r) => r[1])).toEqual(['Anna Zeller', 'Bernd Maier', 'Ömer Yilmaz']);
    nameHeader.querySelector('button')?.click();
    await settle(fixture);
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(dayRows(el).map((r) => r[1])).toEqual(['Ömer Yilmaz', 'Bernd Maier', 'Anna Zeller']);

    await chooseOption(el.querySelector('#reception-status'), 'Erwartet', () => fixture.detectChanges());
    expect(dayRows(el).map((r) => r[1])).toEqual(['Bernd Maier', 'Anna Zeller']);

    const search = el.querySelector<HTMLInputElement>('#reception-search');
    if (!search) throw new Error('no search');
    search.value = 'anna';
    search.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(dayRows(el).map((r) => r[1])).toEqual(['Anna Zeller']);
    const count = el.querySelector('.reception__count');
    expect(count?.getAttribute('aria-live')).toBe('polite');
    expect(text(count)).toBe('1 von 3 Buchungen angezeigt');
  });

  it('checks someone in and refreshes the list', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('button[aria-label="Anna Zeller bei 1.05 einchecken"]')?.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/bookings/1.05/check-in' });
    req.flush({});
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('Anna Zeller ist bei 1.05 eingecheckt.');

    const checkedIn = OCCUPANCY.bookings.map((b) =>
      b.bookingId === '1.05' ? { ...b, status: 'checked_in' as const, checkedInAt: `${DAY}T08:00:00+02:00` } : b,
    );
    expectOccupancy().flush({ ...OCCUPANCY, bookings: checkedIn });
    await settle(fixture);
    expect(el.querySelector('button[aria-label="Anna Zeller bei 1.05 einchecken"]')).toBeNull();
    expect(el.querySelectorAll('.day-list tbody .status--checked_in').length).toBe(2);
  });

  it('offers to take a check-in back right after it', async () => {
    const { fixture } = await render();
    document.querySelector<HTMLButtonElement>('button[aria-label="Anna Zeller bei 1.05 einchecken"]')?.click();
    backend.expectOne({ method: 'POST', url: '/api/bookings/1.05/check-in' }).flush({});
    await settle(fixture);
    expectOccupancy().flush(OCCUPANCY);
    await settle(fixture);

    buttonByText(document.querySelector('mat-snack-bar-container'), 'Rückgängig')?.click();
    backend
      .expectOne({ method: 'DELETE', url: '/api/bookings/1.05/check-in' })
      .flush({ ...OCCUPANCY.bookings[0], status: 'confirmed' });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain(
      'Der Check-in von Anna Zeller bei 1.05 wurde zurückgenommen.',
    );
    expectOccupancy().flush(OCCUPANCY);
  });

  it('cancels only after confirmation', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>(
      'button[aria-label="Buchung von Bernd Maier für Besprechung stornieren"]',
    )?.click();
    await settle(fixture);
    backend.expectNone({ method: 'DELETE' });
    const [dialog] = dialogs();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(text(dialog)).toContain('Bernd Maier: Raum Besprechung (Erdgeschoss)');

    buttonByText(dialog, 'Ja, stornieren')?.click();
    backend
      .expectOne({ method: 'DELETE', url: '/api/bookings/Besprechung' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(dialogs()).toHaveLength(0);
    expect(await announced('polite', () => fixture.detectChanges())).toContain(
      'Die Buchung von Bernd Maier für Besprechung wurde storniert.',
    );
    expectOccupancy().flush({
      ...OCCUPANCY,
      bookings: OCCUPANCY.bookings.filter((b) => b.bookingId !== 'Besprechung'),
    });
    await settle(fixture);
    expect(dayRows(el)).toHaveLength(2);
  });

  it('moves between days, and prints', async () => {
    const { fixture, el } = await render();
    [...el.querySelectorAll('button')].find((b) => text(b).includes('Nächster Tag'))?.click();
    await settle(fixture);
    expectOccupancy('2026-05-05').flush({ ...OCCUPANCY, date: '2026-05-05', bookings: [] });
    await settle(fixture);
    expect(text(el.querySelector('.notice'))).toBe('An diesem Tag gibt es keine Buchungen.');

    [...el.querySelectorAll('button')].find((b) => text(b) === 'Drucken')?.click();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('refreshes on live changes of the day shown and announces the new counts', async () => {
    // jsdom reports a page that is never shown; the board only refreshes while it is visible.
    jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    const { fixture, el } = await render();
    expect(streams.map((s) => s.url)).toEqual(['/api/events?buildingId=b1']);
    const change = (date: string) =>
      JSON.stringify({
        type: 'booking',
        op: 'update',
        bookingId: 'x',
        spaceId: 's',
        floorId: 'eg',
        buildingId: 'b1',
        date,
        status: 'checked_in',
      });

    streams[0].emit('change', change('2026-05-06'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    backend.expectNone((r) => r.url === '/api/buildings/b1/occupancy');

    streams[0].emit('change', change(DAY));
    streams[0].emit('change', change(DAY));
    // The debounce reads the (faked) clock, so move it on.
    jest.setSystemTime(NOW.getTime() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const more = [...OCCUPANCY.bookings, { ...OCCUPANCY.bookings[0], bookingId: 'new', spaceLabel: '1.06' }];
    expectOccupancy().flush({ ...OCCUPANCY, bookings: more });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toBe(
      'Aktualisiert: 4 Buchungen, davon 1 eingecheckt.',
    );
    expect(dayRows(el)).toHaveLength(4);
  });

  it('takes a check-in back from the row', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('button[aria-label="Check-in zurücknehmen: Ömer Yilmaz bei 0.02"]')?.click();
    backend
      .expectOne({ method: 'DELETE', url: '/api/bookings/0.02/check-in' })
      .flush({ ...OCCUPANCY.bookings[1], status: 'confirmed' });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain(
      'Der Check-in von Ömer Yilmaz bei 0.02 wurde zurückgenommen.',
    );
    expectOccupancy().flush(OCCUPANCY);
  });

  it('shows totals only, and says why, where the person does not work the front desk', async () => {
    const { el } = await render({ ...OCCUPANCY, namesVisible: false, bookings: [] });
    const notice = el.querySelector('fd-inline-alert');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(text(notice)).toContain('Sie sind für Rathaus nicht als Empfang eingetragen.');
    expect(el.querySelectorAll('.totals-table tbody tr').length).toBeGreaterThan(0);
    expect(el.querySelector('.day-list')).toBeNull();
    expect(el.querySelector('a[download]')).toBeNull();
    expect([...el.querySelectorAll('button')].some((b) => text(b) === 'Für jemanden buchen')).toBe(false);
  });

  it('says when the building is closed that day, with the closure’s reason, instead of showing desks as free', async () => {
    const open = await render();
    expect(open.el.querySelector('[data-testid="reception-closed"]')).toBeNull();
    open.fixture.destroy();

    const holiday = await render({ ...OCCUPANCY, open: null, closedReason: 'Tag der Arbeit' });
    expect(text(holiday.el.querySelector('[data-testid="reception-closed"]'))).toBe(
      'Geschlossen: Tag der Arbeit. An diesem Tag ist nichts frei buchbar.',
    );
    holiday.fixture.destroy();

    const weekend = await render({ ...OCCUPANCY, open: null, closedReason: null });
    expect(text(weekend.el.querySelector('[data-testid="reception-closed"]'))).toBe(
      'Das Gebäude ist an diesem Tag geschlossen: Hier ist nichts frei buchbar.',
    );
  });

  it('opens on the building whose front desk the person works, before their home building', async () => {
    const me = {
      id: 'r1',
      locale: 'de',
      homeBuildingId: 'b1',
      receptionBuildingIds: ['b2'],
      defaultFloorId: null,
    } as unknown as Me;
    // As if /api/me had answered (the store keeps it in its private signal).
    (TestBed.inject(SessionStore) as unknown as { current: { set(v: Me): void } }).current.set(me);
    const fixture = TestBed.createComponent(ReceptionPage);
    await settle(fixture);
    backend.expectOne('/api/buildings').flush([BUILDING, { ...BUILDING, id: 'b2', name: 'Bürgeramt Nord' }]);
    await settle(fixture);
    const req = backend.expectOne((r) => r.url === '/api/buildings/b2/occupancy');
    expect(req.request.params.get('date')).toBe(DAY);
    req.flush({ ...OCCUPANCY, buildingId: 'b2' });
    await settle(fixture);
  });

  it('links to the QR labels of every floor', async () => {
    const { el } = await render();
    const links = [...el.querySelectorAll<HTMLAnchorElement>('a[href^="/reception/labels/"]')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')])).toEqual([
      ['/reception/labels/eg', 'QR-Etiketten für Erdgeschoss'],
      ['/reception/labels/og1', 'QR-Etiketten für 1. OG'],
    ]);
  });

  it('books for someone found with the keyboard in the people combobox', async () => {
    const { fixture, el } = await render();
    const detect = () => fixture.detectChanges();
    [...el.querySelectorAll('button')].find((b) => text(b) === 'Für jemanden buchen')?.click();
    await settle(fixture);
    const [dialog] = dialogs();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(text(document.getElementById(dialog.getAttribute('aria-labelledby') ?? ''))).toBe('Für jemanden buchen');
    backend.expectOne('/api/floors/eg').flush({
      id: 'eg',
      spaces: [
        { id: 's1', label: '0.10', kind: 'desk', bookable: true },
        { id: 's2', label: '0.9', kind: 'desk', bookable: true },
        { id: 's3', label: 'Raum', kind: 'room', bookable: true },
        { id: 's4', label: '0.11', kind: 'desk', bookable: true },
      ],
    });
    backend
      .expectOne((r) => r.url === '/api/floors/eg/availability')
      .flush({
        floorId: 'eg',
        date: DAY,
        spaces: [
          { spaceId: 's1', state: 'free', bookings: [] },
          { spaceId: 's2', state: 'free', bookings: [] },
          { spaceId: 's3', state: 'free', bookings: [] },
          { spaceId: 's4', state: 'booked', bookings: [] },
        ],
      });
    await settle(fixture);
    const space = dialog.querySelector('#obo-space');
    expect(selectedText(space)).toBe('Arbeitsplatz 0.9');
    expect((await selectOptions(space, detect)).map((o) => o.text)).toEqual(['Arbeitsplatz 0.9', 'Arbeitsplatz 0.10']);

    const input = dialog.querySelector<HTMLInputElement>('#obo-person');
    expect(input?.getAttribute('role')).toBe('combobox');
    input?.focus();
    expect(document.activeElement).toBe(input);
    if (!input) return;
    input.value = 'ma';
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 300));
    backend
      .expectOne((r) => r.url === '/api/users' && r.params.get('query') === 'ma')
      .flush([
        { id: 'u1', displayName: 'Anna Maier', email: 'anna@example.com' },
        { id: 'u2', displayName: 'Max Müller', email: 'max@example.com' },
      ]);
    await settle(fixture);
    const options = () => [...document.querySelectorAll('.mat-mdc-autocomplete-panel mat-option')];
    expect(options().map((o) => text(o))).toEqual(['Anna Maier anna@example.com', 'Max Müller max@example.com']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    expect(text(dialog.querySelector('#obo-person-status'))).toContain('2 Personen gefunden');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', keyCode: 40, bubbles: true }));
    await settle(fixture);
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await settle(fixture);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Max Müller');
    expect(text(dialog.querySelector('.notice'))).toBe('Gebucht wird für Max Müller (max@example.com).');

    dialog.querySelector('form')?.dispatchEvent(new Event('submit'));
    const req = backend.expectOne({ method: 'POST', url: '/api/bookings' });
    expect(req.request.body).toEqual({ spaceId: 's2', date: DAY, slot: 'day', bookerId: 'u2' });
    req.flush({
      id: 'new',
      spaceKind: 'desk',
      spaceLabel: '0.9',
      floorName: 'Erdgeschoss',
      booker: { id: 'u2', displayName: 'Max Müller' },
    });
    await settle(fixture);
    expect(dialogs()).toHaveLength(0);
    expect(await announced('polite', detect)).toContain('Für Max Müller gebucht: Arbeitsplatz 0.9 (Erdgeschoss).');
    expectOccupancy().flush(OCCUPANCY);
  });
});

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

describe('reception route', () => {
  let me: Me | null;

  beforeEach(() => {
    me = null;
    const reception = RECEPTION_ROUTES.find((r) => r.path === '');
    if (!reception) throw new Error('no reception route');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reception', children: [{ ...reception, loadComponent: undefined, component: Blank }] },
          { path: 'book', component: Blank },
          { path: 'login', component: Blank },
        ]),
        { provide: SessionStore, useValue: { load: () => Promise.resolve(me), me: signal(me) } },
      ],
    });
  });

  it('sends employees to the booking page', async () => {
    me = { id: 'u', roles: ['employee'] } as Me;
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/reception');
    expect(router.url).toBe('/book');
  });

  it('lets receptionists in', async () => {
    me = { id: 'u', roles: ['receptionist'] } as Me;
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/reception');
    expect(router.url).toBe('/reception');
  });
});
