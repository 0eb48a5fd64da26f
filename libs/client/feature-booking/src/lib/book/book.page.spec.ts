import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  BookingPolicy,
  Building,
  BuildingSummary,
  Floor,
  FloorAvailability,
  Space,
} from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import {
  announced,
  chooseOption,
  dialogs,
  selectedText,
  toggleByLabel,
} from '@flexdesk/client-ui/testing';
import { BookPage } from './book.page';

// Monday 2026-05-04, 08:00 in Berlin.
const NOW = new Date('2026-05-04T06:00:00Z');
const DAY = '2026-05-04';

const policy = (allowedSlots: BookingPolicy['allowedSlots']): BookingPolicy => ({
  horizonDays: 3,
  allowedSlots,
  maxPerDay: 1,
  slotStepMinutes: 15,
  minDurationMinutes: 15,
  maxDurationMinutes: 480,
  checkInRequired: false,
  checkInGraceMinutes: 30,
  cancellationCutoffMinutes: 0,
});

const SUMMARY: BuildingSummary = {
  id: 'b1',
  name: 'Rathaus',
  address: 'Marktplatz 1',
  timeZone: 'Europe/Berlin',
  floors: [
    { id: 'garage', buildingId: 'b1', name: 'Tiefgarage', level: -1, spaceCount: 1 },
    { id: 'eg', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 4 },
  ],
};

const BUILDING: Building = {
  ...SUMMARY,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, open: '07:00', close: '19:00' })),
  midday: '12:00',
  closures: [{ date: '2026-05-05', reason: 'Betriebsausflug' }],
  policies: { desk: policy(['day', 'am', 'pm']), room: policy(['custom']), parking: policy(['day']) },
};

const space = (id: string, label: string, overrides: Partial<Space> = {}): Space => ({
  id,
  floorId: 'eg',
  zoneId: 'z1',
  kind: 'desk',
  label,
  x: 0,
  y: 0,
  width: 1,
  height: 1,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
  ...overrides,
});

const FLOOR: Floor = {
  ...SUMMARY.floors[1],
  buildingName: 'Rathaus',
  timeZone: 'Europe/Berlin',
  plan: { width: 100, height: 100, backgroundUrl: null, scale: null },
  version: 1,
  zones: [{ id: 'z1', name: 'Bürgerservice', color: '#06c', polygon: [], restrictedToGroupIds: [] }],
  spaces: [
    space('d1', '0.01', { attributes: ['monitor', 'window'] }),
    space('d2', '0.02', { attributes: ['monitor'] }),
    space('d3', '0.03'),
    space('r1', 'Besprechung', { kind: 'room', capacity: 6, attributes: ['video_conference'] }),
  ],
};

const AVAILABILITY: FloorAvailability = {
  floorId: 'eg',
  date: DAY,
  open: { start: '2026-05-04T07:00:00+02:00', end: '2026-05-04T19:00:00+02:00' },
  closedReason: null,
  spaces: [
    { spaceId: 'd1', state: 'free', bookings: [] },
    {
      spaceId: 'd2',
      state: 'partial',
      bookings: [
        {
          start: '2026-05-04T07:00:00+02:00',
          end: '2026-05-04T12:00:00+02:00',
          status: 'confirmed',
          mine: false,
          bookerName: null,
        },
      ],
    },
    {
      spaceId: 'd3',
      state: 'booked',
      bookings: [
        {
          start: '2026-05-04T07:00:00+02:00',
          end: '2026-05-04T19:00:00+02:00',
          status: 'confirmed',
          mine: false,
          bookerName: 'Ida Meier',
        },
      ],
    },
    { spaceId: 'r1', state: 'free', bookings: [] },
  ],
};

const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };

/**
 * Lets effects, resources and rendering catch up. (`whenStable` would wait for the open HTTP
 * requests, which only the test itself answers.)
 */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

// The plan view loads Konva, which Jest transforms on first use; on a busy runner that can pass 5 s.
jest.setTimeout(20_000);

describe('BookPage', () => {
  let backend: HttpTestingController;

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
    TestBed.configureTestingModule({
      imports: [BookPage],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: 'book', component: BookPage }]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // Favourites are loaded alongside; the journeys here have none.
    backend.match((r) => r.url === '/api/me/favourites').forEach((r) => r.cancelled || r.flush([]));
    backend.match((r) => r.url === '/api/colleagues').forEach((r) => r.cancelled || r.flush([]));
    backend.verify();
    jest.useRealTimers();
  });

  async function renderLoaded() {
    const fixture = TestBed.createComponent(BookPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    backend.expectOne('/api/buildings').flush([SUMMARY]);
    await settle(fixture);
    backend.expectOne('/api/buildings/b1').flush(BUILDING);
    // The floor above ground is preferred over the car park.
    backend.expectOne('/api/floors/eg').flush(FLOOR);
    await settle(fixture);
    const availability = backend.expectOne((r) => r.url === '/api/floors/eg/availability');
    expect(availability.request.params.get('date')).toBe(DAY);
    availability.flush(AVAILABILITY);
    await settle(fixture);
    return { fixture, el };
  }

  const rowTexts = (el: HTMLElement) =>
    [...el.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')?.textContent?.trim().split(/\s+/)[0]);

  it('shows the floor as a table with states in words and symbols, and names only where given', async () => {
    const { el } = await renderLoaded();

    expect(el.querySelector('caption')?.textContent).toContain('Erdgeschoss');
    expect(rowTexts(el)).toEqual(['0.01', '0.02', '0.03', 'Besprechung']);
    const states = [...el.querySelectorAll('tbody .state')].map((s) => s.textContent?.replace(/\s+/g, ' ').trim());
    expect(states).toEqual(['✓ Frei', '◐ Teilweise frei', '✕ Belegt', '✓ Frei']);
    expect(el.querySelector('tbody tr:nth-child(3)')?.textContent).toContain('gebucht von Ida Meier');
    expect(el.querySelector('tbody tr:nth-child(2)')?.textContent).not.toContain('gebucht von');
    // Booked rows offer no Book button.
    expect(el.querySelectorAll('tbody button[aria-label$=" buchen"]').length).toBe(3);

    // The strip offers the days still bookable: the closure on Tuesday is left out.
    const days = [...el.querySelectorAll<HTMLButtonElement>('fd-book-bar [data-date]')];
    expect(days.map((d) => [d.dataset['date'], d.getAttribute('aria-pressed')])).toEqual([
      ['2026-05-04', 'true'],
      ['2026-05-06', 'false'],
      ['2026-05-07', 'false'],
    ]);
    expect(days[1].textContent?.trim()).toBe('Mi., 6. Mai');
  });

  it('says in the list who of the people I follow sits where that day (only this floor)', async () => {
    const { fixture, el } = await renderLoaded();
    const where = backend.expectOne((r) => r.url === '/api/colleagues');
    expect(where.request.params.get('date')).toBe(DAY);
    const at = (spaceId: string, floorId: string) => ({
      spaceId,
      spaceLabel: spaceId,
      floorId,
      floorName: floorId,
      buildingId: 'b1',
      buildingName: 'Rathaus',
      start: null,
      end: null,
    });
    where.flush([
      {
        colleague: { id: 'u7', displayName: 'Ida Meier', initials: 'IM', following: true },
        via: 'following',
        places: [at('d3', 'eg'), at('p1', 'garage')],
      },
    ]);
    await settle(fixture);
    const rows = [...el.querySelectorAll('tbody tr')];
    // Beside the state, not in the row header: the row's name stays the space's label.
    expect(rows[2].querySelector('.sits-here')?.textContent).toContain('Hier sitzt: Ida Meier');
    expect(rows[2].querySelector('th')?.textContent).not.toContain('Ida');
    expect(el.querySelectorAll('.sits-here').length).toBe(1);
  });

  it('filters by attribute, kind and availability', async () => {
    const { fixture, el } = await renderLoaded();
    const check = async (label: string) => {
      await toggleByLabel(document.body, label, () => fixture.detectChanges());
      await settle(fixture);
    };
    const filterButton = [...el.querySelectorAll<HTMLButtonElement>('fd-book-bar button')].find((b) =>
      b.textContent?.includes('Filter'),
    );
    expect(filterButton?.getAttribute('aria-expanded')).toBe('false');
    filterButton?.click();
    await settle(fixture);
    expect(filterButton?.getAttribute('aria-expanded')).toBe('true');
    const popover = () => document.querySelector('.filters-popover');
    expect(popover()?.getAttribute('role')).toBe('dialog');

    expect(popover()?.querySelector('fieldset legend')?.textContent?.trim()).toBe('Ausstattung');
    await check('Monitor');
    expect(rowTexts(el)).toEqual(['0.01', '0.02']);
    await check('Nur verfügbare Plätze');
    expect(rowTexts(el)).toEqual(['0.01', '0.02']);
    await check('Fensterplatz');
    expect(rowTexts(el)).toEqual(['0.01']);
    expect(el.textContent).toContain('1 von 4 Plätzen angezeigt');
    expect(filterButton?.textContent).toContain('(3)');

    [...(popover()?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent?.includes('Filter zurücksetzen'))
      ?.click();
    await settle(fixture);
    await chooseOption(popover()?.querySelector('#filter-kind') ?? null, 'Raum', () => fixture.detectChanges());
    await settle(fixture);
    expect(rowTexts(el)).toEqual(['Besprechung']);

    // Escape closes the popover and returns to its button.
    popover()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(fixture);
    expect(popover()).toBeNull();
    expect(document.activeElement).toBe(filterButton);
  });

  it('books a free half day, announces it and refreshes', async () => {
    const { fixture, el } = await renderLoaded();
    el.querySelector<HTMLButtonElement>('button[aria-label="Platz 0.02 buchen"]')?.click();
    await settle(fixture);

    const [dialog] = dialogs();
    expect(dialog?.querySelector('h2')?.textContent).toContain('Arbeitsplatz 0.02 buchen');
    const radios = [...(dialog?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])];
    expect(radios.map((r) => [r.value, r.disabled, r.checked])).toEqual([
      ['day', true, false],
      ['am', true, false],
      ['pm', false, true],
    ]);

    dialog?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const post = backend.expectOne({ method: 'POST', url: '/api/bookings' });
    expect(post.request.body).toEqual({ spaceId: 'd2', date: DAY, slot: 'pm' });
    post.flush({
      id: 'new',
      spaceId: 'd2',
      spaceLabel: '0.02',
      spaceKind: 'desk',
      date: DAY,
      slot: 'pm',
      start: '2026-05-04T12:00:00+02:00',
      end: '2026-05-04T19:00:00+02:00',
      timeZone: 'Europe/Berlin',
      status: 'confirmed',
    });
    await settle(fixture);

    expect(dialogs()).toHaveLength(0);
    const success = await announced('polite', () => fixture.detectChanges());
    expect(success).toContain('Gebucht: Arbeitsplatz 0.02');
    expect(success).toContain('12:00–19:00 Uhr');
    // The row's button is gone: focus is on the confirmation, so it is heard.
    expect(document.activeElement?.textContent).toContain('Gebucht: Arbeitsplatz 0.02');
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
    await settle(fixture);
  });

  it('books a room with start and end times on the policy grid', async () => {
    const { fixture, el } = await renderLoaded();
    el.querySelector<HTMLButtonElement>('button[aria-label="Platz Besprechung buchen"]')?.click();
    await settle(fixture);

    const [dialog] = dialogs();
    const detect = () => fixture.detectChanges();
    // It is 08:00 in Berlin: the proposal starts now and lasts an hour.
    expect(selectedText(dialog.querySelector('#book-start'))).toBe('08:00');
    expect(selectedText(dialog.querySelector('#book-end'))).toBe('09:00');
    await chooseOption(dialog.querySelector('#book-start'), '10:15', detect);
    await chooseOption(dialog.querySelector('#book-end'), '11:45', detect);

    dialog.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const post = backend.expectOne({ method: 'POST', url: '/api/bookings' });
    expect(post.request.body).toEqual({
      spaceId: 'r1',
      start: '2026-05-04T08:15:00.000Z',
      end: '2026-05-04T09:45:00.000Z',
    });
    post.flush({}, { status: 0, statusText: 'offline' });
    await settle(fixture);
    expect(dialog.querySelector('[role=alert]')?.textContent).toContain('Der Server ist nicht erreichbar');
  });

  it('remembers the floor picked last on this device', async () => {
    const { fixture, el } = await renderLoaded();
    await chooseOption(el.querySelector('#pick-floor'), 'Tiefgarage', () => fixture.detectChanges());
    backend.expectOne('/api/floors/garage').flush({ ...FLOOR, id: 'garage', level: -1, spaces: [] });
    backend
      .expectOne((r) => r.url === '/api/floors/garage/availability')
      .flush({ ...AVAILABILITY, floorId: 'garage', spaces: [] });
    fixture.destroy();

    const again = TestBed.createComponent(BookPage);
    await settle(again);
    backend.expectOne('/api/buildings').flush([SUMMARY]);
    await settle(again);
    backend.expectOne('/api/buildings/b1').flush(BUILDING);
    backend.expectOne('/api/floors/garage').flush({ ...FLOOR, id: 'garage', level: -1, spaces: [] });
    await settle(again);
    backend
      .expectOne((r) => r.url === '/api/floors/garage/availability')
      .flush({ ...AVAILABILITY, floorId: 'garage', spaces: [] });
    await settle(again);
    expect(selectedText(again.nativeElement.querySelector('#pick-floor'))).toBe('Tiefgarage');
  });

  const BOOKED_BY_IDA = {
    start: '2026-05-04T07:00:00+02:00',
    end: '2026-05-04T19:00:00+02:00',
    status: 'confirmed' as const,
    mine: false,
    bookerName: 'Ida Meier' as string | null,
  };

  const stateOf = (el: HTMLElement, label: string) =>
    [...el.querySelectorAll('tbody tr')]
      .find((tr) => tr.querySelector('th')?.textContent?.trim().startsWith(label))
      ?.querySelector('.state')
      ?.textContent?.replace(/\s+/g, ' ')
      .trim();

  const bookedDesk = (id: string, label: string) => ({
    id,
    spaceId: 'd1',
    spaceLabel: label,
    spaceKind: 'desk',
    date: DAY,
    slot: 'day',
    start: '2026-05-04T07:00:00+02:00',
    end: '2026-05-04T19:00:00+02:00',
    timeZone: 'Europe/Berlin',
    status: 'confirmed',
  });

  async function submitFor(fixture: ComponentFixture<unknown>, el: HTMLElement, label: string) {
    el.querySelector<HTMLButtonElement>(`button[aria-label="Platz ${label} buchen"]`)?.click();
    await settle(fixture);
    dialogs()[0]?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    return backend.expectOne({ method: 'POST', url: '/api/bookings' });
  }

  it('shows the space as booked by you at once, and keeps it until fresh availability has it', async () => {
    const { fixture, el } = await renderLoaded();
    const post = await submitFor(fixture, el, '0.01');
    // The request is still on its way.
    expect(stateOf(el, '0.01')).toBe('★ Von Ihnen gebucht');
    expect(dialogs()[0]?.querySelector('button[type=submit]')?.textContent).toContain('Wird gebucht');

    post.flush(bookedDesk('new', '0.01'), { status: 201, statusText: 'Created' });
    await settle(fixture);
    // Confirmed; the refetch has not answered yet, and the space must not flicker back to free.
    expect(stateOf(el, '0.01')).toBe('★ Von Ihnen gebucht');
    const refetch = backend.expectOne((r) => r.url === '/api/floors/eg/availability');
    refetch.flush({
      ...AVAILABILITY,
      spaces: AVAILABILITY.spaces.map((s) =>
        s.spaceId === 'd1'
          ? { spaceId: 'd1', state: 'mine', bookings: [{ ...BOOKED_BY_IDA, id: 'new', mine: true, bookerName: null }] }
          : s,
      ),
    });
    await settle(fixture);
    expect(stateOf(el, '0.01')).toBe('★ Von Ihnen gebucht');
    // Listed once, not once from the server and once from the optimistic copy.
    const row = [...el.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('0.01'));
    expect(row?.querySelectorAll('.busy-list li')).toHaveLength(1);
  });

  it('lets fresh availability decide when the dialog is closed before the answer', async () => {
    const { fixture, el } = await renderLoaded();
    const post = await submitFor(fixture, el, '0.01');
    expect(stateOf(el, '0.01')).toBe('★ Von Ihnen gebucht');
    [...dialogs()[0].querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('Abbrechen'))
      ?.click();
    await settle(fixture);
    expect(dialogs()).toHaveLength(0);
    // The booking did not go through after all (or not yet): the fresh answer is what counts.
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
    await settle(fixture);
    expect(stateOf(el, '0.01')).toBe('✓ Frei');
    post.flush(
      { type: 'x', title: 'Limit', status: 422, code: 'LIMIT_REACHED', detail: 'Server text' },
      { status: 422, statusText: 'Unprocessable Entity', headers: PROBLEM_HEADERS },
    );
    await settle(fixture);
    expect(stateOf(el, '0.01')).toBe('✓ Frei');
  });

  it('rolls a refusal back and explains it in the dialog, which stays open', async () => {
    const { fixture, el } = await renderLoaded();
    const post = await submitFor(fixture, el, '0.01');
    expect(post.request.body).toEqual({ spaceId: 'd1', date: DAY, slot: 'day' });
    expect(stateOf(el, '0.01')).toBe('★ Von Ihnen gebucht');
    post.flush(
      { type: 'x', title: 'Limit', status: 422, code: 'LIMIT_REACHED', detail: 'Server text' },
      { status: 422, statusText: 'Unprocessable Entity', headers: PROBLEM_HEADERS },
    );
    await settle(fixture);

    expect(stateOf(el, '0.01')).toBe('✓ Frei');
    const alert = dialogs()[0]?.querySelector('[role=alert]')?.textContent ?? '';
    expect(alert).toContain('Sie haben an diesem Tag bereits die höchstmögliche Zahl solcher Buchungen');
    expect(dialogs()).toHaveLength(1);
  });

  it('on a conflict rolls back, refetches, says who won and offers the nearest free space', async () => {
    const { fixture, el } = await renderLoaded();
    const post = await submitFor(fixture, el, '0.01');
    post.flush(
      { type: 'x', title: 'Konflikt', status: 409, code: 'BOOKING_CONFLICT', detail: 'Server text' },
      { status: 409, statusText: 'Conflict', headers: PROBLEM_HEADERS },
    );
    await settle(fixture);

    expect(dialogs()).toHaveLength(0);
    const alert = () => el.querySelector('.conflict')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(alert()).toContain('Arbeitsplatz 0.01 konnte nicht gebucht werden.');
    expect(alert()).not.toContain('Ida Meier');
    expect(stateOf(el, '0.01')).toBe('✓ Frei');

    backend
      .expectOne((r) => r.url === '/api/floors/eg/availability')
      .flush({
        ...AVAILABILITY,
        spaces: AVAILABILITY.spaces.map((s) =>
          s.spaceId === 'd1'
            ? { spaceId: 'd1', state: 'booked', bookings: [BOOKED_BY_IDA] }
            : s.spaceId === 'd3'
              ? { spaceId: 'd3', state: 'free', bookings: [] }
              : s,
        ),
      });
    await settle(fixture);

    expect(stateOf(el, '0.01')).toBe('✕ Belegt');
    expect(alert()).toContain('Ida Meier hat den Platz gerade gebucht (07:00–19:00 Uhr).');
    // 0.02 is taken in the morning and the room is another kind: 0.03 is the one that would do.
    expect(alert()).toContain('In der Nähe noch frei: Arbeitsplatz 0.03.');
    expect(document.activeElement?.classList.contains('conflict')).toBe(true);

    [...el.querySelectorAll<HTMLButtonElement>('.conflict button')]
      .find((b) => b.textContent?.includes('Stattdessen 0.03 buchen'))
      ?.click();
    await settle(fixture);
    expect(dialogs()[0]?.querySelector('h2')?.textContent).toContain('Arbeitsplatz 0.03 buchen');
    expect(el.querySelector('.conflict')).toBeNull();
  });

  it('keeps the winner anonymous unless the availability names them', async () => {
    const { fixture, el } = await renderLoaded();
    const post = await submitFor(fixture, el, '0.01');
    post.flush(
      { type: 'x', title: 'Konflikt', status: 409, code: 'BOOKING_CONFLICT', detail: 'Server text' },
      { status: 409, statusText: 'Conflict', headers: PROBLEM_HEADERS },
    );
    await settle(fixture);
    backend
      .expectOne((r) => r.url === '/api/floors/eg/availability')
      .flush({
        ...AVAILABILITY,
        spaces: AVAILABILITY.spaces.map((s) =>
          s.spaceId === 'd1'
            ? { spaceId: 'd1', state: 'booked', bookings: [{ ...BOOKED_BY_IDA, bookerName: null }] }
            : s,
        ),
      });
    await settle(fixture);
    const text = el.querySelector('.conflict')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Jemand anderes hat den Platz gerade gebucht (07:00–19:00 Uhr).');
    expect(text).toContain('Kein anderer passender Platz ist zu dieser Zeit frei.');
  });

  describe('book again', () => {
    async function navigate(url: string) {
      const harness = await RouterTestingHarness.create();
      const navigation = harness.navigateByUrl(url);
      const fixture = harness.fixture;
      await settle(fixture);
      backend.expectOne('/api/buildings').flush([SUMMARY]);
      await settle(fixture);
      backend.expectOne('/api/buildings/b1').flush(BUILDING);
      backend.expectOne('/api/floors/eg').flush(FLOOR);
      backend.expectOne('/api/me/favourites').flush([]);
      await settle(fixture);
      backend.match((r) => r.url === '/api/colleagues').forEach((r) => r.flush([]));
      await navigation;
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    it('opens the dialog on the same space with the same slot, and clears the URL', async () => {
      const { fixture, el } = await navigate('/book?floor=eg&space=d1&slot=am');
      backend
        .expectOne((r) => r.url === '/api/floors/eg/availability' && r.params.get('date') === DAY)
        .flush(AVAILABILITY);
      await settle(fixture);

      expect(dialogs()[0]?.querySelector('h2')?.textContent).toContain('Arbeitsplatz 0.01 buchen');
      const checked = dialogs()[0]?.querySelector<HTMLInputElement>('input[type=radio]:checked');
      expect(checked?.value).toBe('am');
      expect(el.querySelector('tr[aria-current="true"] th')?.textContent).toContain('0.01');
      await fixture.whenStable();
      expect(TestBed.inject(Router).url).toBe('/book');
    });

    it('moves to the next open day when the slot is over today, with the same times', async () => {
      // It is 08:00: a room from 07:00 to 08:00 cannot be had today; tomorrow is a closure.
      const { fixture, el } = await navigate('/book?floor=eg&space=r1&slot=custom&from=07:00&to=08:00');
      const nextDay = '2026-05-06';
      backend
        .expectOne((r) => r.url === '/api/floors/eg/availability' && r.params.get('date') === nextDay)
        .flush({
          ...AVAILABILITY,
          date: nextDay,
          open: { start: '2026-05-06T07:00:00+02:00', end: '2026-05-06T19:00:00+02:00' },
        });
      await settle(fixture);

      const [dialog] = dialogs();
      expect(dialog?.querySelector('h2')?.textContent).toContain('Raum Besprechung buchen');
      expect(selectedText(dialog.querySelector('#book-start'))).toBe('07:00');
      expect(selectedText(dialog.querySelector('#book-end'))).toBe('08:00');
      dialog.querySelector<HTMLButtonElement>('button[type=button]')?.click();
      await settle(fixture);
      expect(el.querySelector<HTMLElement>('fd-book-bar [aria-pressed="true"][data-date]')?.dataset['date']).toBe(
        nextDay,
      );
    });

    it('says so when the space is not free that day', async () => {
      const { fixture, el } = await navigate('/book?floor=eg&space=d3&slot=day');
      backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
      await settle(fixture);
      expect(dialogs()).toHaveLength(0);
      expect(el.querySelector('[role=status]')?.textContent).toContain(
        'Arbeitsplatz 0.03 ist am Mo., 4. Mai nicht frei.',
      );
      expect(el.querySelector('tr[aria-current="true"] th')?.textContent).toContain('0.03');
    });
  });

  const viewButton = (el: HTMLElement, name: string) =>
    [...el.querySelectorAll<HTMLButtonElement>('.view-switch button')].find((b) => b.textContent?.trim() === name);

  it('keeps the selection between the list and the plan', async () => {
    const { fixture, el } = await renderLoaded();
    const row = [...el.querySelectorAll<HTMLElement>('tbody tr')].find((tr) => tr.textContent?.includes('0.02'));
    row?.querySelector('th')?.click();
    await settle(fixture);
    expect(el.querySelector('tr[aria-current="true"] th')?.textContent).toContain('0.02');
    expect(el.querySelectorAll('tr[aria-current]')).toHaveLength(1);

    viewButton(el, 'Plan')?.click();
    await settle(fixture);
    const plan = fixture.debugElement.query(By.css('fd-floor-plan'));
    expect(plan.componentInstance.selectedSpaceId()).toBe('d2');

    // Picking a space on the plan selects it in the list too.
    plan.triggerEventHandler('spaceSelected', 'd3');
    await settle(fixture);
    viewButton(el, 'Liste')?.click();
    await settle(fixture);
    expect(el.querySelector('tr[aria-current="true"] th')?.textContent).toContain('0.03');
  });

  it('shows a card for the space hovered or focused on the plan, with a Book button', async () => {
    const { fixture, el } = await renderLoaded();
    viewButton(el, 'Plan')?.click();
    await settle(fixture);
    const plan = fixture.debugElement.query(By.css('fd-floor-plan'));
    const card = () => el.querySelector<HTMLElement>('.plan-card');
    const live = () => el.querySelector('.plan-area + [aria-live]')?.textContent?.trim();
    // On a narrow screen (as in jsdom) the plan opens full-screen, focus on its way back to the list.
    expect(el.querySelector('fd-plan-view')?.classList.contains('full-screen')).toBe(true);
    expect(document.activeElement?.textContent?.trim()).toBe('Zurück zur Liste');

    plan.triggerEventHandler('spaceHovered', { spaceId: 'd3', anchor: { x: 50, y: 40 } });
    await settle(fixture);
    expect(card()?.getAttribute('role')).toBe('group');
    expect(card()?.querySelector('h3')?.textContent?.trim()).toBe('Arbeitsplatz 0.03');
    expect(card()?.textContent).toContain('Belegt');
    expect(card()?.textContent).toContain('gebucht von Ida Meier');
    expect(card()?.querySelector('button.plan-card__book')).toBeNull();
    // A mouse hover is not read out (the plan's placement maths is in plan-card.spec.ts).
    expect(live()).toBe('');

    // Keyboard focus on the plan: the card follows it and its details are announced politely.
    el.querySelector<HTMLElement>('fd-floor-plan [role="application"]')?.focus();
    plan.triggerEventHandler('spaceHovered', { spaceId: 'd1', anchor: { x: 20, y: 20 } });
    await settle(fixture);
    expect(card()?.querySelector('h3')?.textContent?.trim()).toBe('Arbeitsplatz 0.01');
    expect(live()).toBe(
      'Arbeitsplatz. Bereich Bürgerservice. Monitor, Fensterplatz. Noch keine Buchungen. Eingabe bucht, Tab führt zur Karte, Escape schließt sie.',
    );

    // Escape closes it.
    el.querySelector('.plan-area')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(fixture);
    expect(card()).toBeNull();

    // Leaving the space hides the card after a moment, unless the pointer or focus is on the card.
    plan.triggerEventHandler('spaceHovered', { spaceId: 'd1', anchor: { x: 20, y: 20 } });
    await settle(fixture);
    plan.triggerEventHandler('spaceHovered', null);
    card()?.querySelector<HTMLButtonElement>('button.plan-card__book')?.focus();
    await new Promise((resolve) => setTimeout(resolve, 450));
    await settle(fixture);
    expect(card()).not.toBeNull();

    card()?.querySelector<HTMLButtonElement>('button.plan-card__book')?.click();
    await settle(fixture);
    expect(dialogs()[0]?.querySelector('h2')?.textContent).toContain('Arbeitsplatz 0.01 buchen');
  });
});
