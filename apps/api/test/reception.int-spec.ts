import type {
  Booking,
  BookingChangedEvent,
  BuildingOccupancy,
  BuildingSummary,
  Floor,
  FloorAvailability,
  Me,
  PersonSearchResult,
  ReceptionAssignment,
} from '@flexdesk/shared-contracts';
import { JobsService } from '../src/jobs/jobs.service';
import { Api, loggedIn } from './support/http';
import { SseReader } from './support/sse';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin, 07:00 in London (opens at 08:00). Rooms in the Rathaus need
// check-in with 15 minutes' grace. The seed assigns reception@example.com to the Rathaus only.
const NOW = '2026-12-07T07:00:00Z';
const TODAY = '2026-12-07';

describe('reception: who sees names where, people search, undoing a check-in', () => {
  let t: TestApp;
  let employee: Api;
  let employee2: Api;
  let reception: Api;
  let admin: Api;
  let receptionId: string;
  let rathaus: BuildingSummary;
  let london: BuildingSummary;
  let ground: Floor;
  let londonFloor: Floor;
  const streams: SseReader[] = [];

  const freeDesk = async (api: Api, floor: Floor, date: string, skip: string[] = []) => {
    const avail = (await api.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=${date}`)).body;
    const desk = floor.spaces.find(
      (s) =>
        s.kind === 'desk' &&
        !skip.includes(s.id) &&
        s.restrictedToGroupIds.length === 0 &&
        avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    if (!desk) throw new Error(`no free desk on ${floor.name}`);
    return desk;
  };
  const occupancy = (api: Api, buildingId: string) =>
    api.get<BuildingOccupancy>(`/api/buildings/${buildingId}/occupancy?date=${TODAY}`);
  const assign = (api: Api, body: unknown, id = receptionId) =>
    api.request('PUT', `/api/admin/receptionists/${id}`, body);

  beforeAll(async () => {
    t = await startTestApp(NOW);
    employee = await loggedIn(t.url, 'employee@example.com');
    employee2 = await loggedIn(t.url, 'employee2@example.com');
    reception = await loggedIn(t.url, 'reception@example.com');
    admin = await loggedIn(t.url, 'admin@example.com');
    receptionId = (await reception.get<Me>('/api/me')).body.id;
    const buildings = (await employee.get<BuildingSummary[]>('/api/buildings')).body;
    rathaus = buildings.find((b) => b.timeZone === 'Europe/Berlin') as BuildingSummary;
    london = buildings.find((b) => b.timeZone === 'Europe/London') as BuildingSummary;
    ground = (await employee.get<Floor>(`/api/floors/${rathaus.floors.find((f) => f.level === 0)?.id}`)).body;
    londonFloor = (await employee.get<Floor>(`/api/floors/${london.floors[0].id}`)).body;
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t?.close();
  });

  describe('assignment filtering', () => {
    it('gives an assigned receptionist the named day list, and only totals elsewhere', async () => {
      const home = await occupancy(reception, rathaus.id);
      expect(home.status).toBe(200);
      expect(home.body.namesVisible).toBe(true);
      expect(home.body.bookings.length).toBeGreaterThan(0);
      expect(home.body.bookings.every((b) => b.bookerName.length > 0)).toBe(true);

      const away = await occupancy(reception, london.id);
      expect(away.status).toBe(200);
      expect(away.body.namesVisible).toBe(false);
      expect(away.body.bookings).toEqual([]);
      expect(away.body.total.booked).toBeGreaterThan(0); // the totals are still there
      expect(JSON.stringify(away.body)).not.toMatch(/bookerName|bookerId/);

      const csv = await reception.get(`/api/buildings/${london.id}/day-list.csv?date=${TODAY}`);
      expect(csv.status).toBe(403);
      expect(csv.headers.get('content-type')).toContain('application/problem+json');
      expect(csv.body.code).toBe('RECEPTION_NOT_ASSIGNED');
      expect((await reception.get(`/api/buildings/${rathaus.id}/day-list.csv?date=${TODAY}`)).status).toBe(200);
    });

    it('shows booker names on the plan only in the assigned building', async () => {
      const names = async (api: Api, floor: Floor) =>
        (await api.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=${TODAY}`)).body.spaces
          .flatMap((s) => s.bookings)
          .map((b) => b.bookerName);
      const rathausNames = await names(reception, ground);
      expect(rathausNames.length).toBeGreaterThan(0);
      expect(rathausNames.every((n) => !!n)).toBe(true);
      // In London the receptionist sees exactly what a colleague sees: the names people chose to show.
      const londonNames = await names(reception, londonFloor);
      expect(londonNames.some((n) => n === null)).toBe(true);
      expect(londonNames).toEqual(await names(employee, londonFloor));
    });

    it('follows the admin: all buildings, then none', async () => {
      expect((await assign(admin, { allBuildings: true, buildingIds: [rathaus.id] })).status).toBe(200);
      const away = (await occupancy(reception, london.id)).body;
      expect(away.namesVisible).toBe(true);
      expect(away.bookings.length).toBeGreaterThan(0);

      const none = await assign(admin, { allBuildings: false, buildingIds: [] });
      expect(none.body).toMatchObject({ allBuildings: false, buildingIds: [] });
      expect((await occupancy(reception, rathaus.id)).body).toMatchObject({ namesVisible: false, bookings: [] });
      // Without any building, the person search is closed too.
      expect((await reception.get('/api/users?query=mu')).status).toBe(403);

      expect((await assign(admin, { allBuildings: false, buildingIds: [rathaus.id] })).body.buildingIds).toEqual([
        rathaus.id,
      ]);
      expect((await occupancy(reception, rathaus.id)).body.namesVisible).toBe(true);
    });

    it('keeps the receptionist from acting on bookings of other buildings', async () => {
      const me2 = (await employee2.get<Me>('/api/me')).body;
      const desk = await freeDesk(employee, londonFloor, '2026-12-08');
      const refused = await reception.post('/api/bookings', {
        spaceId: desk.id,
        date: '2026-12-08',
        slot: 'day',
        bookerId: me2.id,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('BOOK_ON_BEHALF_FORBIDDEN');

      const own = await employee2.post<Booking>('/api/bookings', { spaceId: desk.id, date: TODAY, slot: 'day' });
      expect(own.status).toBe(201);
      // Another building's booking is as unknown to this front desk as to any colleague.
      expect((await reception.post(`/api/bookings/${own.body.id}/check-in`)).body.code).toBe('BOOKING_NOT_FOUND');
      expect((await reception.delete(`/api/bookings/${own.body.id}`)).status).toBe(404);
      expect((await admin.delete(`/api/bookings/${own.body.id}`)).status).toBe(204);
    });
  });

  describe('admin-only assignment endpoints', () => {
    it('lists receptionists with their buildings, to admins only', async () => {
      for (const api of [employee, reception]) {
        const res = await api.get('/api/admin/receptionists');
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect((await assign(reception, { allBuildings: true, buildingIds: [] })).status).toBe(403);

      const list = await admin.get<ReceptionAssignment[]>('/api/admin/receptionists');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        {
          id: receptionId,
          displayName: 'Jürgen Schäfer',
          email: 'reception@example.com',
          allBuildings: false,
          buildingIds: [rathaus.id],
        },
      ]);
    });

    it('refuses unknown people, non-receptionists, unknown buildings and malformed bodies', async () => {
      const employeeId = (await employee.get<Me>('/api/me')).body.id;
      expect((await assign(admin, { allBuildings: true, buildingIds: [] }, employeeId)).body.code).toBe(
        'USER_NOT_FOUND',
      );
      const unknownUser = await assign(
        admin,
        { allBuildings: true, buildingIds: [] },
        '00000000-0000-4000-8000-000000000000',
      );
      expect(unknownUser.status).toBe(404);
      const unknownBuilding = await assign(admin, {
        allBuildings: false,
        buildingIds: [rathaus.id, '00000000-0000-4000-8000-000000000000'],
      });
      expect(unknownBuilding.status).toBe(400);
      expect(unknownBuilding.body.errors).toEqual([{ path: 'buildingIds[1]', message: 'no such building' }]);
      const malformed = await assign(admin, { allBuildings: 'yes', buildingIds: ['x'], extra: 1 });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('VALIDATION_FAILED');
      // Nothing changed on the way.
      expect((await admin.get<ReceptionAssignment[]>('/api/admin/receptionists')).body[0].buildingIds).toEqual([
        rathaus.id,
      ]);
    });

    it('records every change in the audit log', async () => {
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_log WHERE action = 'reception.assignment_set' AND entity_id = $1`,
        [receptionId],
      );
      expect(count).toBeGreaterThanOrEqual(3);
    });
  });

  describe('person search', () => {
    it('is for the front desk and admins only', async () => {
      const res = await employee.get('/api/users?query=mu');
      expect(res.status).toBe(403);
      expect((await admin.get('/api/users?query=mu')).status).toBe(200);
    });

    it('needs two characters and returns at most 20 people, with id, name and email only', async () => {
      for (const q of ['', 'm', '%20m%20']) {
        const res = await reception.get(`/api/users?query=${q}`);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].path).toBe('query');
      }
      expect((await reception.get('/api/users')).status).toBe(400);

      const found = await reception.get<PersonSearchResult[]>(`/api/users?query=${encodeURIComponent('MÜL')}`);
      expect(found.status).toBe(200);
      expect(found.body).toEqual([
        { id: expect.any(String), displayName: 'Max Müller', email: 'employee2@example.com' },
      ]);

      // Accents and the German spelling of umlauts do not matter.
      for (const q of ['muller', 'mueller', 'MULLER', 'Müll']) {
        const res = await reception.get<PersonSearchResult[]>(`/api/users?query=${encodeURIComponent(q)}`);
        expect(res.body.map((p) => p.displayName)).toEqual(['Max Müller']);
      }

      const many = await reception.get<PersonSearchResult[]>('/api/users?query=example.com');
      expect(many.body).toHaveLength(20);
      for (const p of many.body) expect(Object.keys(p).sort()).toEqual(['displayName', 'email', 'id']);
      // LIKE wildcards are searched for literally.
      expect((await reception.get<PersonSearchResult[]>('/api/users?query=%25%25')).body).toEqual([]);
    });

    it('finds active people only', async () => {
      await t.dataSource.query(`UPDATE users SET active = false WHERE display_name = 'Lena Schmidt'`);
      try {
        expect((await reception.get<PersonSearchResult[]>('/api/users?query=lena')).body).toEqual([]);
      } finally {
        await t.dataSource.query(`UPDATE users SET active = true WHERE display_name = 'Lena Schmidt'`);
      }
      expect(
        (await reception.get<PersonSearchResult[]>('/api/users?query=lena')).body.map((p) => p.displayName),
      ).toEqual(['Lena Schmidt']);
    });

    it('books on behalf of a person found, in the assigned building', async () => {
      const [max] = (await reception.get<PersonSearchResult[]>('/api/users?query=max')).body;
      const desk = await freeDesk(reception, ground, '2026-12-08');
      const made = await reception.post<Booking>('/api/bookings', {
        spaceId: desk.id,
        date: '2026-12-08',
        slot: 'am',
        bookerId: max.id,
      });
      expect(made.status).toBe(201);
      expect(made.body.booker).toEqual({ id: max.id, displayName: 'Max Müller' });
      expect(made.body.createdBy.displayName).toBe('Jürgen Schäfer');
    });
  });

  describe('undoing a check-in', () => {
    const room = (label: string) => ground.spaces.find((s) => s.label === label)?.id;
    let booking: Booking;
    afterEach(() => t.clock.reset());

    beforeAll(async () => {
      const made = await employee.post<Booking>('/api/bookings', {
        spaceId: room('Besprechung Main'),
        start: '2026-12-07T10:00:00+01:00',
        end: '2026-12-07T11:00:00+01:00',
      });
      expect(made.status).toBe(201);
      booking = made.body;
    });

    it('lets the booker take it back within the check-in window only', async () => {
      t.clock.set('2026-12-07T09:05:00Z'); // 10:05 local: window open (grace until 10:15)
      expect((await employee.post(`/api/bookings/${booking.id}/check-in`)).body.status).toBe('checked_in');
      const undone = await employee.delete<Booking>(`/api/bookings/${booking.id}/check-in`);
      expect(undone.status).toBe(200);
      expect(undone.body).toMatchObject({ status: 'confirmed', checkedInAt: null });
      // Idempotent on a booking that is not checked in.
      expect((await employee.delete<Booking>(`/api/bookings/${booking.id}/check-in`)).body.status).toBe('confirmed');

      expect((await employee.post(`/api/bookings/${booking.id}/check-in`)).status).toBe(200);
      t.clock.set('2026-12-07T09:20:00Z'); // 10:20: the window has closed for the booker
      const late = await employee.delete(`/api/bookings/${booking.id}/check-in`);
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('CHECK_IN_TOO_LATE');
      // Strangers do not even learn that the booking exists.
      expect((await employee2.delete(`/api/bookings/${booking.id}/check-in`)).status).toBe(404);
    });

    it('lets the front desk take it back later; the no-show job then releases it', async () => {
      t.clock.set('2026-12-07T09:20:00Z');
      const jobs = t.created.app.get(JobsService);
      expect(await jobs.releaseNoShows()).not.toContain(booking.id); // checked in: safe

      const undone = await reception.delete<Booking>(`/api/bookings/${booking.id}/check-in`);
      expect(undone.status).toBe(200);
      expect(undone.body.status).toBe('confirmed');
      const [audit] = await t.dataSource.query(
        `SELECT actor_id AS "actorId" FROM audit_log WHERE action = 'booking.check_in_undone' AND entity_id = $1
          ORDER BY id DESC LIMIT 1`,
        [booking.id],
      );
      expect(audit.actorId).toBe(receptionId);

      // Not checked in, and 10:20 is past start + 15 minutes' grace.
      expect(await jobs.releaseNoShows()).toContain(booking.id);
      const after = await reception.delete(`/api/bookings/${booking.id}/check-in`);
      expect(after.status).toBe(422);
      expect(after.body.code).toBe('BOOKING_NOT_ACTIVE');
    });

    it('is refused to receptionists of other buildings and validates the id', async () => {
      t.clock.set('2026-12-07T09:00:00Z');
      const desk = await freeDesk(employee, londonFloor, TODAY);
      const made = await employee.post<Booking>('/api/bookings', { spaceId: desk.id, date: TODAY, slot: 'day' });
      expect(made.status).toBe(201);
      expect((await employee.post(`/api/bookings/${made.body.id}/check-in`)).status).toBe(200);
      expect((await reception.delete(`/api/bookings/${made.body.id}/check-in`)).status).toBe(404);
      expect((await admin.delete<Booking>(`/api/bookings/${made.body.id}/check-in`)).body.status).toBe('confirmed');
      expect((await reception.delete('/api/bookings/not-a-uuid/check-in')).body.code).toBe('BOOKING_NOT_FOUND');
    });
  });

  describe('live events per role', () => {
    it('tells the booker and the building front desk which booking changed, others only the space', async () => {
      const open = async (api: Api, buildingId: string) => {
        const s = await SseReader.open(`${t.url}/api/events?buildingId=${buildingId}`, api.token ?? '');
        streams.push(s);
        await s.next((m) => m.event === 'ready');
        return s;
      };
      const [own, colleague, frontDesk, otherDesk, boss] = await Promise.all([
        open(employee, rathaus.id),
        open(employee2, rathaus.id),
        open(reception, rathaus.id),
        open(reception, london.id),
        open(admin, london.id),
      ]);
      const rathausDesk = await freeDesk(employee, ground, '2026-12-09');
      const inRathaus = await employee.post<Booking>('/api/bookings', {
        spaceId: rathausDesk.id,
        date: '2026-12-09',
        slot: 'day',
      });
      const londonDesk = await freeDesk(employee, londonFloor, '2026-12-09');
      const inLondon = await employee2.post<Booking>('/api/bookings', {
        spaceId: londonDesk.id,
        date: '2026-12-09',
        slot: 'day',
      });
      expect([inRathaus.status, inLondon.status]).toEqual([201, 201]);

      const eventOn = async (s: SseReader, spaceId: string) =>
        JSON.parse(
          (await s.next((m) => m.event === 'change' && (JSON.parse(m.data) as BookingChangedEvent).spaceId === spaceId))
            .data,
        ) as BookingChangedEvent;
      const base = {
        type: 'booking',
        op: 'insert',
        spaceId: rathausDesk.id,
        floorId: ground.id,
        buildingId: rathaus.id,
        date: '2026-12-09',
        status: 'confirmed',
      };
      expect(await eventOn(own, rathausDesk.id)).toEqual({ ...base, bookingId: inRathaus.body.id });
      expect(await eventOn(frontDesk, rathausDesk.id)).toEqual({ ...base, bookingId: inRathaus.body.id });
      expect(await eventOn(colleague, rathausDesk.id)).toEqual(base);
      // Reception in the Rathaus follows London: the change is shown, the booking not named.
      expect(await eventOn(otherDesk, londonDesk.id)).not.toHaveProperty('bookingId');
      expect((await eventOn(boss, londonDesk.id)).bookingId).toBe(inLondon.body.id);
      for (const s of streams) expect(JSON.stringify(s.all())).not.toMatch(/bookerId|Erika/);
    });
  });
});
