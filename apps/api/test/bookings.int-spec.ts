import type {
  Booking,
  BuildingSummary,
  Floor,
  FloorAvailability,
  Me,
  ProblemDetails,
} from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { startSecondInstance, startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin. The demo seed puts a closure ("Betriebsausflug") 9 days later.
const NOW = '2026-12-07T07:00:00Z';

describe('booking API on a real database', () => {
  let t: TestApp;
  let employee: Api;
  let employee2: Api;
  let reception: Api;
  let groundFloor: Floor;
  let upperFloor: Floor;
  const space = (floor: Floor, label: string) => {
    const s = floor.spaces.find((x) => x.label === label);
    if (!s) throw new Error(`no space ${label}`);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp(NOW);
    employee = await loggedIn(t.url, 'employee@example.com');
    employee2 = await loggedIn(t.url, 'employee2@example.com');
    reception = await loggedIn(t.url, 'reception@example.com');
    const buildings = (await employee.get<BuildingSummary[]>('/api/buildings')).body;
    const rathaus = buildings.find((b) => b.timeZone === 'Europe/Berlin');
    const floorId = (name: string) => rathaus?.floors.find((f) => f.name === name)?.id;
    groundFloor = (await employee.get<Floor>(`/api/floors/${floorId('Erdgeschoss')}`)).body;
    upperFloor = (await employee.get<Floor>(`/api/floors/${floorId('1. Obergeschoss')}`)).body;
  });

  afterEach(() => t.clock.reset());

  afterAll(() => t?.close());

  it('reports health without a session', async () => {
    const res = await new Api(t.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it("keeps a person's home building, suggesting the one of their groups' zones until then", async () => {
    const admin = await loggedIn(t.url, 'admin@example.com');
    const buildings = (await admin.get<BuildingSummary[]>('/api/buildings')).body;
    const rathaus = buildings.find((b) => b.timeZone === 'Europe/Berlin') as BuildingSummary;
    const london = buildings.find((b) => b.timeZone === 'Europe/London') as BuildingSummary;
    // The admin is in group IT, whose zone is on the Rathaus's first floor.
    expect((await admin.get<Me>('/api/me')).body).toMatchObject({
      homeBuildingId: null,
      suggestedHomeBuildingId: rathaus.id,
      receptionBuildingIds: 'all',
    });
    // The demo employees open the booking page on the Rathaus; a receptionist learns where names show.
    const employee = await loggedIn(t.url, 'employee@example.com');
    expect((await employee.get<Me>('/api/me')).body).toMatchObject({
      homeBuildingId: rathaus.id,
      receptionBuildingIds: [],
    });
    const reception = await loggedIn(t.url, 'reception@example.com');
    expect((await reception.get<Me>('/api/me')).body.receptionBuildingIds).toEqual([rathaus.id]);

    const set = await admin.patch<Me>('/api/me', { homeBuildingId: london.id });
    expect(set.body).toMatchObject({ homeBuildingId: london.id, suggestedHomeBuildingId: rathaus.id });
    const unknown = await admin.patch<ProblemDetails>('/api/me', {
      homeBuildingId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'BUILDING_NOT_FOUND']);
    expect((await admin.patch<ProblemDetails>('/api/me', { homeBuildingId: 'london' })).status).toBe(400);
    expect((await admin.get<Me>('/api/me')).body.homeBuildingId).toBe(london.id);
    expect((await admin.patch<Me>('/api/me', { homeBuildingId: null })).body.homeBuildingId).toBeNull();
  });

  it('serves the demo organisation', async () => {
    const res = await employee.get<BuildingSummary[]>('/api/buildings');
    expect(res.status).toBe(200);
    expect(res.body.map((b) => b.timeZone).sort()).toEqual(['Europe/Berlin', 'Europe/London']);
    const spaces = res.body.flatMap((b) => b.floors).reduce((n, f) => n + f.spaceCount, 0);
    expect(spaces).toBeGreaterThanOrEqual(120);
    expect(groundFloor.spaces.length).toBe(42);
    expect(groundFloor.zones.map((z) => z.name)).toContain('Ruhezone');
  });

  it('returns the building with effective policies and closures', async () => {
    const res = await employee.get(`/api/buildings/${groundFloor.buildingId}`);
    expect(res.status).toBe(200);
    expect(res.body.policies.desk).toMatchObject({ horizonDays: 14, maxPerDay: 1, allowedSlots: ['day', 'am', 'pm'] });
    expect(res.body.policies.room).toMatchObject({ checkInRequired: true, checkInGraceMinutes: 15 });
    expect(res.body.closures).toContainEqual({ date: '2026-12-16', reason: 'Betriebsausflug' });
  });

  it('books a desk for a day in the building time zone and shows it as mine', async () => {
    const desk = space(groundFloor, '0.03');
    const res = await employee.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-08', slot: 'day' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      spaceLabel: '0.03',
      date: '2026-12-08',
      slot: 'day',
      status: 'confirmed',
      start: '2026-12-08T07:00:00.000+01:00',
      end: '2026-12-08T19:00:00.000+01:00',
      booker: { displayName: 'Erika Mustermann' },
    });

    const avail = await employee.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-08`);
    expect(avail.status).toBe(200);
    const entry = avail.body.spaces.find((s) => s.spaceId === desk.id);
    expect(entry?.state).toBe('mine');
    expect(entry?.bookings[0]).toMatchObject({ mine: true, bookerName: 'Erika Mustermann', id: res.body.id });

    // A colleague sees the desk booked, but not by whom: names are hidden unless the booker allows it.
    const seen = await employee2.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-08`);
    const theirs = seen.body.spaces.find((s) => s.spaceId === desk.id);
    expect(theirs?.state).toBe('booked');
    expect(theirs?.bookings[0]).toEqual({
      start: '2026-12-08T07:00:00.000+01:00',
      end: '2026-12-08T19:00:00.000+01:00',
      status: 'confirmed',
      mine: false,
      bookerName: null,
    });
    // The front desk needs names.
    const front = await reception.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-08`);
    expect(front.body.spaces.find((s) => s.spaceId === desk.id)?.bookings[0].bookerName).toBe('Erika Mustermann');

    // Once the booker opts in, colleagues see the name.
    expect((await employee.patch('/api/me', { showNameToColleagues: true })).status).toBe(200);
    const after = await employee2.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-08`);
    expect(after.body.spaces.find((s) => s.spaceId === desk.id)?.bookings[0].bookerName).toBe('Erika Mustermann');
    await employee.patch('/api/me', { showNameToColleagues: false });
  });

  it('refuses a second booking of the same space with 409 and tells what holds it', async () => {
    const desk = space(groundFloor, '0.03');
    const res = await employee2.post<ProblemDetails>('/api/bookings', {
      spaceId: desk.id,
      date: '2026-12-08',
      slot: 'am',
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'BOOKING_CONFLICT',
      status: 409,
      conflict: { start: '2026-12-08T07:00:00.000+01:00', bookerName: null },
    });
  });

  it('enforces one desk per person per day', async () => {
    const res = await employee.post('/api/bookings', {
      spaceId: space(groundFloor, '0.04').id,
      date: '2026-12-08',
      slot: 'pm',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LIMIT_REACHED');
  });

  it('splits half days at the building midday', async () => {
    const desk = space(groundFloor, '0.05');
    const am = await employee2.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-09', slot: 'am' });
    expect(am.status).toBe(201);
    expect(am.body.end).toBe('2026-12-09T12:30:00.000+01:00');
    const pm = await employee.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-09', slot: 'pm' });
    expect(pm.status).toBe(201);
    expect(pm.body.start).toBe('2026-12-09T12:30:00.000+01:00');
    const avail = await employee.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-09`);
    expect(avail.body.spaces.find((s) => s.spaceId === desk.id)?.state).toBe('mine');
    const other = await reception.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-09`);
    expect(other.body.spaces.find((s) => s.spaceId === desk.id)?.state).toBe('booked');
  });

  it.each([
    ['a closure', { date: '2026-12-16', slot: 'day' }, 'BUILDING_CLOSED', '0.10'],
    ['a Saturday', { date: '2026-12-12', slot: 'day' }, 'BUILDING_CLOSED', '0.10'],
    ['beyond the horizon', { date: '2026-12-22', slot: 'day' }, 'OUTSIDE_HORIZON', '0.10'],
    ['the past', { date: '2026-12-04', slot: 'day' }, 'IN_THE_PAST', '0.10'],
    ['a desk under repair', { date: '2026-12-10', slot: 'day' }, 'SPACE_UNAVAILABLE', '0.08'],
    ['a room by whole day', { date: '2026-12-10', slot: 'day' }, 'SLOT_NOT_ALLOWED', 'Besprechung Main'],
    [
      'a desk by custom times',
      { start: '2026-12-10T09:00:00+01:00', end: '2026-12-10T11:00:00+01:00' },
      'SLOT_NOT_ALLOWED',
      '0.10',
    ],
    [
      'a room off the 15-minute grid',
      { start: '2026-12-10T09:10:00+01:00', end: '2026-12-10T10:00:00+01:00' },
      'TIME_STEP_MISMATCH',
      'Besprechung Main',
    ],
    [
      'a room before opening',
      { start: '2026-12-10T06:00:00+01:00', end: '2026-12-10T08:00:00+01:00' },
      'OUTSIDE_OPENING_HOURS',
      'Besprechung Main',
    ],
    [
      'a room for too long',
      { start: '2026-12-10T07:00:00+01:00', end: '2026-12-10T18:00:00+01:00' },
      'DURATION_TOO_LONG',
      'Besprechung Main',
    ],
    [
      'an end before the start',
      { start: '2026-12-10T10:00:00+01:00', end: '2026-12-10T09:00:00+01:00' },
      'INVALID_TIME_RANGE',
      'Besprechung Main',
    ],
  ])('refuses %s with its own 422 code', async (_, body, code, label) => {
    const res = await employee.post<ProblemDetails>('/api/bookings', {
      spaceId: space(groundFloor, label).id,
      ...body,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    expect(res.body.detail).toEqual(expect.any(String));
  });

  it('refuses a restricted zone to people outside its groups, but not to its members', async () => {
    const itDesk = space(upperFloor, '1.33');
    const res = await employee.post('/api/bookings', { spaceId: itDesk.id, date: '2026-12-10', slot: 'day' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ACCESS_RESTRICTED');
    const admin = await loggedIn(t.url, 'admin@example.com'); // member of IT
    expect((await admin.post('/api/bookings', { spaceId: itDesk.id, date: '2026-12-10', slot: 'day' })).status).toBe(
      201,
    );
    const avail = await employee.get<FloorAvailability>(`/api/floors/${upperFloor.id}/availability?date=2026-12-11`);
    expect(avail.body.spaces.find((s) => s.spaceId === itDesk.id)?.state).toBe('unavailable');
  });

  it('books a room by custom times and answers in German or English', async () => {
    const room = space(groundFloor, 'Besprechung Rhein');
    const ok = await employee.post<Booking>('/api/bookings', {
      spaceId: room.id,
      start: '2026-12-10T09:00:00+01:00',
      end: '2026-12-10T10:30:00+01:00',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.slot).toBe('custom');
    const clash = { spaceId: room.id, start: '2026-12-10T10:00:00+01:00', end: '2026-12-10T11:00:00+01:00' };
    const de = await employee2.post<ProblemDetails>('/api/bookings', clash);
    expect(de.body.detail).toBe('Dieser Platz ist in diesem Zeitraum bereits gebucht.');
    const en = await employee2.post<ProblemDetails>('/api/bookings', clash, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.detail).toBe('This space is already booked for that time.');
    expect(en.body.title).toBe('Conflict');
    // Back-to-back is fine: ranges are half-open.
    const next = await employee2.post('/api/bookings', { ...clash, start: '2026-12-10T10:30:00+01:00' });
    expect(next.status).toBe(201);
  });

  it('lists, reads, cancels idempotently and frees the space', async () => {
    const desk = space(groundFloor, '0.12');
    const created = await employee.post<Booking>('/api/bookings', {
      spaceId: desk.id,
      date: '2026-12-11',
      slot: 'day',
    });
    expect(created.status).toBe(201);
    const list = await employee.get<Booking[]>('/api/bookings?from=2026-12-01&to=2026-12-31');
    expect(list.body.map((b) => b.id)).toContain(created.body.id);
    expect(list.body.every((b) => b.booker.displayName === 'Erika Mustermann')).toBe(true);

    // Someone else's booking does not exist for a colleague.
    expect((await employee2.get(`/api/bookings/${created.body.id}`)).status).toBe(404);
    expect((await employee2.delete(`/api/bookings/${created.body.id}`)).status).toBe(404);

    expect((await employee.delete(`/api/bookings/${created.body.id}`)).status).toBe(204);
    expect((await employee.delete(`/api/bookings/${created.body.id}`)).status).toBe(204);
    const after = await employee.get<Booking>(`/api/bookings/${created.body.id}`);
    expect(after.body).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(after.body.cancelledAt).not.toBeNull();

    const rebook = await employee2.post('/api/bookings', { spaceId: desk.id, date: '2026-12-11', slot: 'day' });
    expect(rebook.status).toBe(201);
  });

  it('takes a cancellation back within minutes, unless the space was taken or the limit reached', async () => {
    const avail = (await employee.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=2026-12-10`))
      .body;
    const [desk, second] = groundFloor.spaces.filter(
      (s) =>
        s.kind === 'desk' &&
        !s.restrictedToGroupIds.length &&
        avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    const made = await employee.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-10', slot: 'day' });
    expect(made.status).toBe(201);
    expect((await employee.delete(`/api/bookings/${made.body.id}`)).status).toBe(204);
    const back = await employee.post<Booking>(`/api/bookings/${made.body.id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      id: made.body.id,
      status: 'confirmed',
      sequence: made.body.sequence + 2,
      cancelledAt: null,
    });
    // Idempotent, and strangers learn nothing.
    expect((await employee.post<Booking>(`/api/bookings/${made.body.id}/restore`)).body.status).toBe('confirmed');
    expect((await employee2.post<ProblemDetails>(`/api/bookings/${made.body.id}/restore`)).status).toBe(404);

    // Someone else took the desk meanwhile: the exclusion constraint decides, as for a new booking.
    await employee.delete(`/api/bookings/${made.body.id}`);
    const taken = await employee2.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-10', slot: 'am' });
    expect(taken.status).toBe(201);
    const conflict = await employee.post<ProblemDetails>(`/api/bookings/${made.body.id}/restore`);
    expect([conflict.status, conflict.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    await employee2.delete(`/api/bookings/${taken.body.id}`);

    // Another desk booked the same day: one desk per day still holds.
    const other = await employee.post<Booking>('/api/bookings', {
      spaceId: second.id,
      date: '2026-12-10',
      slot: 'day',
    });
    expect(other.status).toBe(201);
    const limit = await employee.post<ProblemDetails>(`/api/bookings/${made.body.id}/restore`);
    expect([limit.status, limit.body.code]).toEqual([422, 'LIMIT_REACHED']);
    expect((await employee.get<Booking>(`/api/bookings/${made.body.id}`)).body.status).toBe('cancelled');
    await employee.delete(`/api/bookings/${other.body.id}`);

    // Ten minutes later it is final.
    await t.dataSource.query(`UPDATE bookings SET cancelled_at = now() - interval '11 minutes' WHERE id = $1`, [
      made.body.id,
    ]);
    const late = await employee.post<ProblemDetails>(`/api/bookings/${made.body.id}/restore`);
    expect([late.status, late.body.code]).toEqual([422, 'RESTORE_WINDOW_PASSED']);
  });

  it('lets the front desk book on behalf of someone, and nobody else', async () => {
    const me = (await employee2.get('/api/me')).body;
    const desk = space(groundFloor, '0.14');
    const refused = await employee.post('/api/bookings', {
      spaceId: desk.id,
      date: '2026-12-14',
      slot: 'day',
      bookerId: me.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BOOK_ON_BEHALF_FORBIDDEN');
    const made = await reception.post<Booking>('/api/bookings', {
      spaceId: desk.id,
      date: '2026-12-14',
      slot: 'day',
      bookerId: me.id,
    });
    expect(made.status).toBe(201);
    expect(made.body.booker.id).toBe(me.id);
    expect(made.body.createdBy.displayName).toBe('Jürgen Schäfer');
    // The booker sees it among their own bookings.
    const mine = await employee2.get<Booking[]>('/api/bookings?from=2026-12-14&to=2026-12-14');
    expect(mine.body.map((b) => b.id)).toContain(made.body.id);
  });

  it('checks in within the window only', async () => {
    const room = space(groundFloor, 'Besprechung Main');
    const created = await employee.post<Booking>('/api/bookings', {
      spaceId: room.id,
      start: '2026-12-07T10:00:00+01:00',
      end: '2026-12-07T11:00:00+01:00',
    });
    expect(created.status).toBe(201);
    const early = await employee.post(`/api/bookings/${created.body.id}/check-in`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('CHECK_IN_TOO_EARLY');
    t.clock.set('2026-12-07T09:05:00Z'); // 10:05 local
    const ok = await employee.post<Booking>(`/api/bookings/${created.body.id}/check-in`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('checked_in');
    expect((await employee.post(`/api/bookings/${created.body.id}/check-in`)).status).toBe(200);
  });

  it('checks in by scanning the code on the space (the booking running now)', async () => {
    const room = space(groundFloor, 'Besprechung Rhein');
    const created = await employee.post<Booking>('/api/bookings', {
      spaceId: room.id,
      start: '2026-12-07T14:00:00+01:00',
      end: '2026-12-07T15:00:00+01:00',
    });
    expect(created.status).toBe(201);
    t.clock.set('2026-12-07T12:50:00Z'); // 13:50 local, within the early window
    const colleague = await employee2.post<ProblemDetails>(`/api/spaces/${room.id}/check-in`);
    expect(colleague.status).toBe(404);
    expect(colleague.body.code).toBe('BOOKING_NOT_FOUND');
    const scanned = await employee.post<Booking>(`/api/spaces/${room.id}/check-in`);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ id: created.body.id, status: 'checked_in' });
    expect((await employee.post(`/api/spaces/${space(groundFloor, '0.40').id}/check-in`)).status).toBe(404);
  });

  it('validates input with problem details and changes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM bookings');
    const missing = await employee.post<ProblemDetails>('/api/bookings', { date: '2026-12-08', slot: 'day' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.errors?.map((e) => e.path)).toContain('spaceId');

    const unknown = await employee.post('/api/bookings', {
      spaceId: groundFloor.spaces[0].id,
      date: '2026-12-08',
      slot: 'day',
      price: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toContain('price');

    const both = await employee.post('/api/bookings', {
      spaceId: groundFloor.spaces[0].id,
      date: '2026-12-08',
      slot: 'day',
      start: '2026-12-08T09:00:00Z',
      end: '2026-12-08T10:00:00Z',
    });
    expect(both.status).toBe(400);
    const badDate = await employee.post('/api/bookings', {
      spaceId: groundFloor.spaces[0].id,
      date: '2026-02-30',
      slot: 'day',
    });
    expect(badDate.status).toBe(400);
    const badSlot = await employee.post('/api/bookings', {
      spaceId: groundFloor.spaces[0].id,
      date: '2026-12-08',
      slot: 'night',
    });
    expect(badSlot.status).toBe(400);

    const malformed = await employee.request('POST', '/api/bookings', '{"spaceId":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(malformed.body.code).toBe('VALIDATION_FAILED');

    const unknownSpace = await employee.post('/api/bookings', {
      spaceId: '00000000-0000-4000-8000-000000000000',
      date: '2026-12-08',
      slot: 'day',
    });
    expect(unknownSpace.status).toBe(404);
    expect(unknownSpace.body.code).toBe('SPACE_NOT_FOUND');
    expect((await employee.get('/api/bookings/not-a-uuid')).body.code).toBe('BOOKING_NOT_FOUND');
    expect((await employee.get(`/api/floors/${groundFloor.id}/availability?date=tomorrow`)).status).toBe(400);
    expect((await employee.get('/api/bookings?from=2026-12-10&to=2026-12-01')).status).toBe(400);
    expect((await employee.get('/api/nothing-here')).body.code).toBe('ROUTE_NOT_FOUND');

    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM bookings');
    expect(after[0].n).toBe(before[0].n);
  });
  it('books under the rules as they are now, though each instance keeps the rules of the spaces it booked', async () => {
    const facility = await loggedIn(t.url, 'facility@example.com');
    const buildingId = groundFloor.buildingId;
    const freeOn = async (date: string) =>
      (await employee2.get<FloorAvailability>(`/api/floors/${groundFloor.id}/availability?date=${date}`)).body.spaces
        .filter((s) => s.state === 'free')
        .map((s) => s.spaceId);
    const [on17, on21] = [await freeOn('2026-12-17'), await freeOn('2026-12-21')];
    const [desk, other] = groundFloor.spaces.filter(
      (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && on17.includes(s.id) && on21.includes(s.id),
    );
    const second = process.env['DATABASE_URL'] ? await startSecondInstance(t) : null;
    const instances = second ? [employee2, Object.assign(new Api(second.url), { token: employee2.token })] : [employee2];
    const book = (api: Api, date: string, spaceId = desk.id) =>
      api.post<Booking>('/api/bookings', { spaceId, date, slot: 'day' });
    const cancel = async (booking: Booking) =>
      expect((await employee2.delete(`/api/bookings/${booking.id}`)).status).toBe(204);
    try {
      // Every instance books both desks once, and keeps their rules from then on.
      for (const api of instances) {
        for (const spaceId of [desk.id, other.id]) {
          const booked = await book(api, '2026-12-17', spaceId);
          expect(booked.status).toBe(201);
          await cancel(booked.body);
        }
      }

      // A closure, through the API: no instance books the day on the rules it kept.
      const closed = await facility.post(`/api/buildings/${buildingId}/closures`, {
        closures: [{ date: '2026-12-18', reason: 'Umzug' }],
      });
      expect(closed.status).toBe(200);
      for (const api of instances) {
        expect((await book(api, '2026-12-18')).body).toMatchObject({ code: 'BUILDING_CLOSED' });
      }

      // The desk made unbookable behind the API's back, in SQL: refused everywhere at once.
      await t.dataSource.query(`UPDATE spaces SET bookable = false WHERE id = $1`, [desk.id]);
      for (const api of instances) {
        expect((await book(api, '2026-12-21')).body).toMatchObject({ code: 'SPACE_UNAVAILABLE' });
      }
      // And bookable again: kept rules never refuse on their own, the rules read now decide.
      await t.dataSource.query(`UPDATE spaces SET bookable = true WHERE id = $1`, [desk.id]);
      for (const api of instances) {
        const booked = await book(api, '2026-12-21');
        expect(booked.status).toBe(201);
        await cancel(booked.body);
      }

      // Two desks a day instead of one: allowed at once, where the kept policy would refuse the second.
      const policy = await facility.request('PUT', `/api/buildings/${buildingId}/policies`, { desk: { maxPerDay: 2 } });
      expect(policy.status).toBe(200);
      for (const api of instances) {
        const both = [await book(api, '2026-12-21'), await book(api, '2026-12-21', other.id)];
        expect(both.map((r) => r.status)).toEqual([201, 201]);
        for (const r of both) await cancel(r.body);
      }
    } finally {
      await second?.close();
      await facility.request('PUT', `/api/buildings/${buildingId}/policies`, { desk: { maxPerDay: 1 } });
      await facility.request('DELETE', `/api/buildings/${buildingId}/closures/2026-12-18`);
    }
  });
});
