import type { Booking, BuildingSummary, Floor, FloorAvailability, ProblemDetails, SeriesResult } from '@flexdesk/shared-contracts';
import { SeriesService } from '../src/bookings/series.service';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin. The Rathaus is open Monday to Friday; the demo seed closes it
// for a "Betriebsausflug" nine days later (Wednesday 16 December) and on the public holidays.
const NOW = '2026-12-07T07:00:00Z';

describe('booking for real working weeks', () => {
  let t: TestApp;
  let employee: Api;
  let employee2: Api;
  let ground: Floor;

  const freeDesk = async (date: string, skip: string[] = []) => {
    const avail = (await employee.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=${date}`)).body;
    const desk = ground.spaces.find(
      (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && !skip.includes(s.id) && avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    if (!desk) throw new Error(`no free desk on ${date}`);
    return desk;
  };

  beforeAll(async () => {
    t = await startTestApp(NOW);
    employee = await loggedIn(t.url, 'employee@example.com');
    employee2 = await loggedIn(t.url, 'employee2@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find((b) => b.timeZone === 'Europe/Berlin') as BuildingSummary;
    ground = (await employee.get<Floor>(`/api/floors/${rathaus.floors.find((f) => f.level === 0)?.id}`)).body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  describe('recurring series', () => {
    it("previews a Tuesday/Thursday series for four weeks with every day's outcome, changing nothing", async () => {
      const desk = await freeDesk('2026-12-10');
      // A colleague who shows her name holds the desk on one of the days.
      expect((await employee2.patch('/api/me', { showNameToColleagues: true })).status).toBe(200);
      expect((await employee2.post('/api/bookings', { spaceId: desk.id, date: '2026-12-10', slot: 'day' })).status).toBe(201);
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings`))[0].n;
      const preview = await employee.post<SeriesResult>('/api/bookings/series', {
        spaceId: desk.id,
        slot: 'day',
        from: '2026-12-08',
        until: '2027-01-03',
        weekdays: [2, 4],
        preview: true,
      });
      expect(preview.status).toBe(201);
      expect(preview.body.seriesId).toBeNull();
      const byDate = Object.fromEntries(preview.body.occurrences.map((o) => [o.date, o]));
      expect(Object.keys(byDate)).toEqual(['2026-12-08', '2026-12-10', '2026-12-15', '2026-12-17', '2026-12-22', '2026-12-24', '2026-12-29', '2026-12-31']);
      expect(byDate['2026-12-08'].outcome).toBe('bookable');
      expect(byDate['2026-12-10']).toMatchObject({ outcome: 'conflict', heldBy: 'Max Müller' });
      // Beyond the 14-day horizon: kept in the rule, booked as the horizon moves.
      expect(byDate['2026-12-22'].outcome).toBe('outside_horizon');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings`))[0].n).toBe(before);
      await employee2.patch('/api/me', { showNameToColleagues: false });
    });

    it('books the bookable days as ordinary bookings, then the rest as the horizon moves, once', async () => {
      const desk = await freeDesk('2026-12-09');
      const made = await employee.post<SeriesResult>('/api/bookings/series', {
        spaceId: desk.id,
        slot: 'am',
        from: '2026-12-09',
        count: 5,
        weekdays: [3],
      });
      expect(made.status).toBe(201);
      const outcomes = made.body.occurrences.map((o) => [o.date, o.outcome]);
      // Wednesday 16 December the Rathaus is closed; 23 and 30 December and 6 January lie beyond the horizon.
      expect(outcomes).toEqual([
        ['2026-12-09', 'booked'],
        ['2026-12-16', 'closed'],
        ['2026-12-23', 'outside_horizon'],
        ['2026-12-30', 'outside_horizon'],
        ['2027-01-06', 'outside_horizon'],
      ]);
      const first = await employee.get<Booking>(`/api/bookings/${made.body.occurrences[0].bookingId}`);
      expect(first.body).toMatchObject({ slot: 'am', seriesId: made.body.seriesId, status: 'confirmed' });

      // Ten days later the horizon reaches 30 December: the job books 23 and 30 December, once.
      t.clock.set('2026-12-17T07:00:00Z');
      const series = t.created.app.get(SeriesService);
      await t.dataSource.query(`UPDATE booking_series SET checked_on = '2026-12-16' WHERE id = $1`, [made.body.seriesId]);
      expect(await series.extendDue()).toBeGreaterThanOrEqual(2);
      expect(await series.extendDue()).toBe(0);
      const dates = await t.dataSource.query(
        `SELECT to_char(local_date, 'YYYY-MM-DD') AS d FROM bookings WHERE series_id = $1 AND status = 'confirmed' ORDER BY local_date`,
        [made.body.seriesId],
      );
      expect(dates.map((r: { d: string }) => r.d)).toEqual(['2026-12-09', '2026-12-23', '2026-12-30']);
    });

    it('ends a series from a day on, cancelling those occurrences only', async () => {
      const desk = await freeDesk('2026-12-14');
      const made = await employee.post<SeriesResult>('/api/bookings/series', { spaceId: desk.id, slot: 'pm', from: '2026-12-14', until: '2026-12-18', weekdays: [1, 2, 3, 4, 5] });
      const booked = made.body.occurrences.filter((o) => o.outcome === 'booked');
      expect(booked.length).toBeGreaterThanOrEqual(3);
      expect((await employee2.delete<ProblemDetails>(`/api/bookings/series/${made.body.seriesId}?from=2026-12-15`)).status).toBe(404);
      expect((await employee.delete(`/api/bookings/series/${made.body.seriesId}?from=2026-12-15`)).status).toBe(204);
      const rows = await t.dataSource.query(
        `SELECT to_char(local_date, 'YYYY-MM-DD') AS d, status FROM bookings WHERE series_id = $1 ORDER BY local_date`,
        [made.body.seriesId],
      );
      expect(rows[0]).toEqual({ d: '2026-12-14', status: 'confirmed' });
      expect(rows.slice(1).every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
      expect((await employee.get('/api/bookings/series')).body.find((s: { id: string }) => s.id === made.body.seriesId)).toMatchObject({ ended: true });
    });

    it('refuses impossible rules with their paths, and writes nothing', async () => {
      const desk = ground.spaces.find((s) => s.kind === 'desk') as Floor['spaces'][number];
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM booking_series`))[0].n;
      const cases: [Record<string, unknown>, string][] = [
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-08', weekdays: [2] }, 'until'],
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-08', until: '2026-12-01', weekdays: [2] }, 'until'],
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-08', count: 3, weekdays: [] }, 'weekdays'],
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-08', count: 3, weekdays: [9] }, 'weekdays'],
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-08', until: '2028-12-08', weekdays: [2] }, 'until'],
        [{ spaceId: desk.id, slot: 'day', startTime: '09:00', endTime: '10:00', from: '2026-12-08', count: 2, weekdays: [2] }, 'slot'],
        [{ spaceId: desk.id, slot: 'day', from: '2026-12-09', until: '2026-12-09', weekdays: [2] }, 'weekdays'],
      ];
      for (const [body, path] of cases) {
        const res = await employee.post<ProblemDetails>('/api/bookings/series', body);
        expect([path, res.status, res.body.errors?.map((e) => e.path)]).toEqual([path, 400, expect.arrayContaining([path])]);
      }
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM booking_series`))[0].n).toBe(before);
    });
  });
});
