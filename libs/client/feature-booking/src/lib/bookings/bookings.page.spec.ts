import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Booking } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, dialogs } from '@flexdesk/client-ui/testing';
import { BookingsPage } from './bookings.page';

const now = Date.now();
const iso = (offsetHours: number) => new Date(now + offsetHours * 3_600_000).toISOString();

function booking(id: string, startHours: number, endHours: number, overrides: Partial<Booking> = {}): Booking {
  return {
    id,
    spaceId: 's',
    spaceLabel: id,
    spaceKind: 'desk',
    floorId: 'f',
    floorName: 'Erdgeschoss',
    buildingId: 'b',
    buildingName: 'Rathaus',
    timeZone: 'UTC',
    date: iso(startHours).slice(0, 10),
    slot: 'custom',
    start: iso(startHours),
    end: iso(endHours),
    status: 'confirmed',
    booker: { id: 'u', displayName: 'Erika' },
    createdBy: { id: 'u', displayName: 'Erika' },
    checkedInAt: null,
    cancelledAt: null,
    createdAt: iso(-100),
    sequence: 0,
    seriesId: null,
    ...overrides,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

describe('BookingsPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [BookingsPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  const WEEK_URLS = ['/api/bookings/series', '/api/me/absences', '/api/me/assigned-desks', '/api/waitlist'];
  /** The working-week sections load alongside; most journeys here have none of them. */
  function flushWeeks(answers: Record<string, unknown> = {}) {
    backend
      .match((r) => r.method === 'GET' && WEEK_URLS.includes(r.url))
      .forEach((r) => r.cancelled || r.flush(answers[r.request.url] ?? []));
  }

  afterEach(() => {
    flushWeeks();
    backend.verify();
  });

  async function render(bookings: Booking[], weeks: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(BookingsPage);
    await settle(fixture);
    flushWeeks(weeks);
    const req = backend.expectOne((r) => r.url === '/api/bookings');
    expect(req.request.params.has('from')).toBe(true);
    expect(req.request.params.has('to')).toBe(true);
    req.flush(bookings);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists upcoming and past bookings with their status in words', async () => {
    const { el } = await render([
      booking('next-week', 24 * 7, 24 * 7 + 8),
      booking('yesterday', -30, -22),
      booking('dropped', 24 * 3, 24 * 3 + 8, { status: 'cancelled' }),
    ]);
    const [upcoming, past] = [...el.querySelectorAll('section')];
    expect(upcoming.querySelector('h2')?.textContent).toContain('Anstehend');
    expect(upcoming.querySelectorAll('tbody tr').length).toBe(1);
    expect(upcoming.textContent).toContain('Bestätigt');
    expect(past.querySelectorAll('tbody tr').length).toBe(2);
    expect(past.textContent).toContain('Storniert');
    // Nothing to do with bookings that are over.
    expect(past.querySelectorAll('button').length).toBe(0);
  });

  it('offers upcoming bookings as a calendar download, but not bookings that are over', async () => {
    const { el } = await render([booking('0.12', 24 * 7, 24 * 7 + 8), booking('yesterday', -30, -22)]);
    const [upcoming, past] = [...el.querySelectorAll('section')];
    const link = upcoming.querySelector<HTMLAnchorElement>('a[download]');
    expect(link?.getAttribute('href')).toBe('/api/bookings/0.12/invite.ics');
    expect(link?.textContent?.trim()).toBe('In den Kalender');
    expect(link?.getAttribute('aria-label')).toMatch(/^In den Kalender: Buchung 0\.12 am .+ \(ICS-Datei\)$/);
    expect(past.querySelector('a[download]')).toBeNull();
  });

  it('offers past and cancelled bookings to book again, on the same floor, space and slot', async () => {
    const { el } = await render([
      booking('0.12', 24 * 7, 24 * 7 + 8),
      booking('0.03', -30, -22, { spaceId: 'd3', floorId: 'eg', slot: 'pm' }),
      booking('0.04', 24 * 3, 24 * 3 + 8, { spaceId: 'd4', floorId: 'eg', slot: 'day', status: 'cancelled' }),
    ]);
    const [upcoming, past] = [...el.querySelectorAll('section')];
    expect(upcoming.textContent).not.toContain('Erneut buchen');
    const links = [...past.querySelectorAll<HTMLAnchorElement>('a')].filter((a) =>
      a.textContent?.includes('Erneut buchen'),
    );
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/book?floor=eg&space=d4&slot=day',
      '/book?floor=eg&space=d3&slot=pm',
    ]);
    expect(links[1].getAttribute('aria-label')).toMatch(/^0\.03 erneut buchen \(wie am .+\)$/);
  });

  it('lets a cancelled booking that is still ahead be removed from the calendar', async () => {
    const { el } = await render([
      booking('ahead', 24 * 3, 24 * 3 + 8, { status: 'cancelled' }),
      booking('over', -30, -22, { status: 'cancelled' }),
    ]);
    const past = el.querySelectorAll('section')[1];
    const links = [...past.querySelectorAll<HTMLAnchorElement>('a[download]')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent?.trim()])).toEqual([
      ['/api/bookings/ahead/invite.ics', 'Aus dem Kalender entfernen'],
    ]);
    expect(links[0].getAttribute('aria-label')).toMatch(/^Aus dem Kalender entfernen: stornierte Buchung ahead am /);
  });

  it('cancels only after confirmation and announces it', async () => {
    const { fixture, el } = await render([booking('0.07', 24 * 7, 24 * 7 + 8)]);
    el.querySelector<HTMLButtonElement>('button[aria-label^="Buchung 0.07"]')?.click();
    await settle(fixture);
    backend.expectNone({ method: 'DELETE' });

    const [dialog] = dialogs();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.textContent).toContain('Arbeitsplatz 0.07 (Rathaus, Erdgeschoss)');
    buttonByText(dialog, 'Ja, stornieren')?.click();

    backend
      .expectOne({ method: 'DELETE', url: '/api/bookings/0.07' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('wurde storniert');
    expect(dialogs()).toHaveLength(0);
    backend
      .expectOne((r) => r.url === '/api/bookings')
      .flush([booking('0.07', 24 * 7, 24 * 7 + 8, { status: 'cancelled' })]);
    await settle(fixture);

    // Undo in the snack bar takes the cancellation back.
    buttonByText(document.querySelector('mat-snack-bar-container'), 'Rückgängig')?.click();
    backend
      .expectOne({ method: 'POST', url: '/api/bookings/0.07/restore' })
      .flush(booking('0.07', 24 * 7, 24 * 7 + 8));
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('gilt wieder');
    backend.expectOne((r) => r.url === '/api/bookings').flush([booking('0.07', 24 * 7, 24 * 7 + 8)]);
    await settle(fixture);
  });

  it('keeps the confirmation open to say why a cancellation failed', async () => {
    const { fixture, el } = await render([booking('0.07', 24 * 7, 24 * 7 + 8)]);
    el.querySelector<HTMLButtonElement>('button[aria-label^="Buchung 0.07"]')?.click();
    await settle(fixture);
    buttonByText(dialogs()[0], 'Ja, stornieren')?.click();
    backend.expectOne({ method: 'DELETE', url: '/api/bookings/0.07' }).error(new ProgressEvent('error'), { status: 0 });
    await settle(fixture);
    expect(dialogs()[0]?.querySelector('[role=alert]')?.textContent).toContain('Der Server ist nicht erreichbar');
    backend.expectNone((r) => r.url === '/api/bookings');
  });

  it("shows the API's refusal of a check-in", async () => {
    // Running now, so it is "today" whenever the test runs.
    const { fixture, el } = await render([booking('Raum 1', -1, 1, { date: iso(0).slice(0, 10) })]);
    const button = el.querySelector<HTMLButtonElement>('button[aria-label="Bei Raum 1 einchecken"]');
    expect(button).not.toBeNull();
    button?.click();

    backend.expectOne({ method: 'POST', url: '/api/bookings/Raum%201/check-in' }).flush(
      {
        type: 'x',
        title: 'Nicht möglich',
        status: 422,
        code: 'CHECK_IN_TOO_EARLY',
        detail: 'Der Check-in ist frühestens 30 Minuten vor Beginn möglich.',
      },
      { status: 422, statusText: 'Unprocessable', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await settle(fixture);
    expect(await announced('assertive', () => fixture.detectChanges())).toContain(
      'Der Check-in ist erst kurz vor Beginn möglich.',
    );
  });

  it('shows series, absences, the assigned desk and the waiting list, and acts on them', async () => {
    const inSeries = booking('0.11', 24 * 2, 24 * 2 + 8, { seriesId: 'sr1' });
    const { fixture, el } = await render([inSeries], {
      '/api/bookings/series': [
        {
          id: 'sr1',
          spaceId: 's11',
          spaceLabel: '0.11',
          floorId: 'eg',
          buildingId: 'b1',
          slot: 'day',
          startTime: null,
          endTime: null,
          from: '2026-05-05',
          until: null,
          count: 8,
          weekdays: [2, 4],
          interval: 1,
          ended: false,
        },
      ],
      '/api/me/absences': [{ id: 'a1', from: '2026-05-20', to: '2026-05-22' }],
      '/api/me/assigned-desks': [
        {
          spaceId: 's7',
          spaceLabel: '1.07',
          floorId: 'og',
          floorName: '1. OG',
          buildingId: 'b1',
          buildingName: 'Rathaus',
          releasedDates: ['2026-05-21'],
        },
      ],
      '/api/waitlist': [
        {
          id: 'w1',
          floorId: 'eg',
          floorName: 'Erdgeschoss',
          spaceId: 's3',
          spaceLabel: '0.03',
          kind: 'desk',
          attributes: [],
          date: '2026-05-06',
          slot: 'day',
          status: 'waiting',
          position: 2,
          bookingId: null,
        },
      ],
    });
    await settle(fixture);
    const text = (id: string) => el.querySelector(`[aria-labelledby="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text('series-heading')).toContain('0.11 · Di, Do, Jede Woche · ab Di., 5. Mai · 8 Tage');
    expect(text('absences-heading')).toContain('Mi., 20. Mai bis Fr., 22. Mai');
    expect(text('assigned-heading')).toContain('1.07 (Rathaus, 1. OG)');
    expect(text('assigned-heading')).toContain('Do., 21. Mai');
    expect(text('waitlist-heading')).toContain('0.03 am Mi., 6. Mai · wartet, Position 2');

    // Leave the waiting list.
    el.querySelector<HTMLButtonElement>('button[aria-label^="Verlassen: Warteliste für 0.03"]')?.click();
    backend.expectOne({ method: 'DELETE', url: '/api/waitlist/w1' }).flush(null);
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('nicht mehr auf der Warteliste');
    flushWeeks();

    // "Cancel this and later" on the booking of the series, after confirmation.
    el.querySelector<HTMLButtonElement>('button[aria-label^="Diese und folgende stornieren: Serie 0.11"]')?.click();
    await settle(fixture);
    buttonByText(dialogs()[0], 'Ja, beenden')?.click();
    const end = backend.expectOne((r) => r.method === 'DELETE' && r.url === '/api/bookings/series/sr1');
    expect(end.request.params.get('from')).toBe(inSeries.date);
    end.flush(null);
    await settle(fixture);
    flushWeeks();
    backend.expectOne((r) => r.url === '/api/bookings').flush([]);
    await settle(fixture);

    // An absence (the fields refuse days before today): the range goes to the API; the bookings are reloaded (it cancels them).
    const type = (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`${selector} is missing`);
      input.value = value;
      input.dispatchEvent(new Event('change'));
    };
    type('#absence-from', '2099-06-01');
    type('#absence-to', '2099-06-03');
    await settle(fixture);
    buttonByText(el, 'Abwesenheit eintragen')?.click();
    const add = backend.expectOne({ method: 'POST', url: '/api/me/absences' });
    expect(add.request.body).toEqual({ from: '2099-06-01', to: '2099-06-03' });
    add.flush({ absence: { id: 'a2', from: '2099-06-01', to: '2099-06-03' }, cancelledBookings: 1 });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('1 Buchungen storniert');
    flushWeeks();
    backend.expectOne((r) => r.url === '/api/bookings').flush([]);
    await settle(fixture);
  });
});
