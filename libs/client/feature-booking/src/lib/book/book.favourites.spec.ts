import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Building, BuildingSummary, Favourite, Floor, FloorAvailability, Space } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, dialogs, toggleByLabel } from '@flexdesk/client-ui/testing';
import { BookPage } from './book.page';

// Monday 2026-05-04, 08:00 in Berlin.
const NOW = new Date('2026-05-04T06:00:00Z');
const DAY = '2026-05-04';
const policy = { horizonDays: 3, allowedSlots: ['day', 'am', 'pm'] } as Building['policies']['desk'];
const SUMMARY: BuildingSummary = {
  id: 'b1',
  name: 'Rathaus',
  address: '',
  timeZone: 'Europe/Berlin',
  floors: [{ id: 'eg', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 2 }],
};
const BUILDING: Building = {
  ...SUMMARY,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, open: '07:00', close: '19:00' })),
  midday: '12:00',
  closures: [],
  policies: { desk: policy, room: policy, parking: policy },
};
const space = (id: string, label: string): Space => ({
  id,
  floorId: 'eg',
  zoneId: null,
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
});
const FLOOR: Floor = {
  ...SUMMARY.floors[0],
  buildingName: 'Rathaus',
  timeZone: 'Europe/Berlin',
  plan: { width: 100, height: 100, backgroundUrl: null, scale: null },
  version: 1,
  zones: [],
  spaces: [space('d1', '0.01'), space('d2', '0.02')],
};
const busy = {
  start: '2026-05-04T07:00:00+02:00',
  end: '2026-05-04T19:00:00+02:00',
  status: 'confirmed' as const,
  mine: false,
  bookerName: null,
};
const AVAILABILITY: FloorAvailability = {
  floorId: 'eg',
  date: DAY,
  open: { start: '2026-05-04T07:00:00+02:00', end: '2026-05-04T19:00:00+02:00' },
  closedReason: null,
  spaces: [
    { spaceId: 'd1', state: 'booked', bookings: [busy] },
    { spaceId: 'd2', state: 'free', bookings: [] },
  ],
};
const favourite = (spaceId: string, spaceLabel: string): Favourite => ({
  spaceId,
  spaceLabel,
  spaceKind: 'desk',
  floorId: 'eg',
  floorName: 'Erdgeschoss',
  buildingId: 'b1',
  buildingName: 'Rathaus',
});

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

describe('BookPage working weeks: favourites, series', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'nextTick', 'setImmediate', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
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
    backend.match((r) => r.url === '/api/colleagues').forEach((r) => r.cancelled || r.flush([]));
    backend.verify();
    jest.useRealTimers();
  });

  async function render(favourites: Favourite[]) {
    const fixture = TestBed.createComponent(BookPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    backend.expectOne('/api/buildings').flush([SUMMARY]);
    backend.expectOne('/api/me/favourites').flush(favourites);
    await settle(fixture);
    backend.expectOne('/api/buildings/b1').flush(BUILDING);
    backend.expectOne('/api/floors/eg').flush(FLOOR);
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
    await settle(fixture);
    return { fixture, el };
  }

  it('stars a space in the list, shown pressed at once', async () => {
    const { fixture, el } = await render([]);
    const star = () => el.querySelector<HTMLButtonElement>('button[aria-label="Favorit: 0.02"]');
    expect(star()?.getAttribute('aria-pressed')).toBe('false');
    expect(el.querySelector('.offer')).toBeNull();
    star()?.click();
    await settle(fixture);
    expect(star()?.getAttribute('aria-pressed')).toBe('true');
    backend.expectOne({ method: 'PUT', url: '/api/me/favourites/d2' }).flush([favourite('d2', '0.02')]);
    await settle(fixture);
    expect(star()?.getAttribute('aria-pressed')).toBe('true');
    expect(await announced('polite', () => fixture.detectChanges())).toContain('0.02 ist jetzt ein Favorit');
  });

  it('offers the free favourite and books its usual slot with one tap', async () => {
    const { fixture, el } = await render([favourite('d1', '0.01'), favourite('d2', '0.02')]);
    // 0.01 is taken: the offer is for 0.02.
    expect(el.querySelector('.offer')?.textContent).toContain('Ihr Favorit 0.02 (Erdgeschoss) ist am Mo., 4. Mai frei.');
    buttonByText(el.querySelector('.offer'), 'Ganzer Tag buchen')?.click();
    const post = backend.expectOne({ method: 'POST', url: '/api/bookings' });
    expect(post.request.body).toEqual({ spaceId: 'd2', date: DAY, slot: 'day' });
    await settle(fixture);
    // Shown as booked at once, so the offer goes away.
    expect(el.querySelector('.offer')).toBeNull();
    post.flush({
      id: 'n1',
      spaceId: 'd2',
      spaceLabel: '0.02',
      spaceKind: 'desk',
      date: DAY,
      slot: 'day',
      start: AVAILABILITY.open?.start,
      end: AVAILABILITY.open?.end,
      timeZone: 'Europe/Berlin',
      status: 'confirmed',
    });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('Gebucht: Arbeitsplatz 0.02');
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
    await settle(fixture);
  });

  it('previews a Tuesday/Thursday series with its conflict, then books the rest', async () => {
    const { fixture, el } = await render([]);
    el.querySelector<HTMLButtonElement>('button[aria-label="Platz 0.02 buchen"]')?.click();
    await settle(fixture);
    const [dialog] = dialogs();
    const detect = () => fixture.detectChanges();
    await toggleByLabel(dialog, 'Wiederholen', detect);
    await settle(fixture);
    // Monday is preselected (the day's weekday): swap it for Tuesday and Thursday, four weeks long.
    await toggleByLabel(dialog, 'Mo', detect);
    await toggleByLabel(dialog, 'Di', detect);
    await toggleByLabel(dialog, 'Do', detect);
    await settle(fixture);
    const submit = () => dialog.querySelector<HTMLButtonElement>('button[type=submit]');
    expect(submit()?.textContent?.trim()).toBe('Vorschau anzeigen');
    submit()?.click();
    const preview = backend.expectOne({ method: 'POST', url: '/api/bookings/series' });
    expect(preview.request.body).toEqual({
      spaceId: 'd2',
      from: DAY,
      weekdays: [2, 4],
      interval: 1,
      until: '2026-05-31',
      slot: 'day',
      preview: true,
    });
    preview.flush({
      seriesId: null,
      occurrences: [
        { date: '2026-05-05', outcome: 'bookable' },
        { date: '2026-05-07', outcome: 'conflict', heldBy: 'Ida Meier' },
        { date: '2026-05-12', outcome: 'bookable' },
      ],
    });
    await settle(fixture);
    const items = [...dialog.querySelectorAll('.occurrences li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      '✓ Di., 5. Mai – buchbar',
      '✕ Do., 7. Mai – schon belegt (belegt von Ida Meier)',
      '✓ Di., 12. Mai – buchbar',
    ]);
    expect(dialog.textContent).toContain('2 von 3 Tagen buchbar.');
    expect(submit()?.textContent?.trim()).toBe('Serie buchen');
    submit()?.click();
    const book = backend.expectOne({ method: 'POST', url: '/api/bookings/series' });
    expect(book.request.body.preview).toBeUndefined();
    book.flush({
      seriesId: 's1',
      occurrences: [
        { date: '2026-05-05', outcome: 'booked', bookingId: 'b1' },
        { date: '2026-05-07', outcome: 'conflict', heldBy: 'Ida Meier' },
        { date: '2026-05-12', outcome: 'booked', bookingId: 'b2' },
      ],
    });
    await settle(fixture);
    expect(dialogs()).toHaveLength(0);
    expect(await announced('polite', detect)).toContain('Serie gebucht: 2 von 3 Tagen.');
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(AVAILABILITY);
    await settle(fixture);
  });

  it('joins the waiting list for a taken desk', async () => {
    const { fixture, el } = await render([]);
    el.querySelector<HTMLButtonElement>('button[aria-label="Auf die Warteliste für 0.01"]')?.click();
    const join = backend.expectOne({ method: 'POST', url: '/api/waitlist' });
    expect(join.request.body).toEqual({ spaceId: 'd1', kind: 'desk', date: DAY, slot: 'day' });
    join.flush({ id: 'w1', position: 1, status: 'waiting' });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain(
      'Sie stehen auf der Warteliste für 0.01 am Mo., 4. Mai (Position 1).',
    );
  });
});
