import type {
  AbsenceResult,
  Booking,
  BuildingSummary,
  Colleague,
  ColleaguePlace,
  Favourite,
  Floor,
  FloorAvailability,
  Me,
  MyAssignedDesk,
  ProblemDetails,
  SeriesResult,
} from '@flexdesk/shared-contracts';
import { LiveEventsHub } from '../src/events/live-events.hub';
import type { LiveNotification } from '../src/events/event-visibility';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin; the Rathaus is open Monday to Friday.
const NOW = '2026-12-07T07:00:00Z';

describe('favourites, colleagues, assigned desks and absences', () => {
  let t: TestApp;
  let employee: Api;
  let facility: Api;
  let ground: Floor;
  let floors: Floor[];
  let desks: (Floor['spaces'][number] & { floorId: string })[];

  /** A new person (password "flexdesk") in the given groups, signed in. */
  const person = async (name: string, opts: { groups?: string[]; showsName?: boolean } = {}) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, roles, show_name_to_colleagues)
       SELECT $1, $2, password_hash, '{employee}', $3 FROM users WHERE email = 'employee@example.com' RETURNING id`,
      [email, name, opts.showsName ?? false],
    );
    for (const group of opts.groups ?? []) {
      await t.dataSource.query(`INSERT INTO user_groups (user_id, group_id) SELECT $1, id FROM groups WHERE name = $2`, [id, group]);
    }
    return { id: id as string, api: await loggedIn(t.url, email) };
  };
  const stateOf = async (caller: Api, spaceId: string, date: string) => {
    const floorId = floors.find((f) => f.spaces.some((s) => s.id === spaceId))?.id;
    return (await caller.get<FloorAvailability>(`/api/floors/${floorId}/availability?date=${date}`)).body.spaces.find((s) => s.spaceId === spaceId);
  };
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp(NOW);
    employee = await loggedIn(t.url, 'employee@example.com');
    facility = await loggedIn(t.url, 'facility@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find((b) => b.timeZone === 'Europe/Berlin') as BuildingSummary;
    floors = await Promise.all(rathaus.floors.map(async (f) => (await employee.get<Floor>(`/api/floors/${f.id}`)).body));
    ground = floors.find((f) => f.level === 0) as Floor;
    // Desks nobody has booked in the demo data during the days these tests use.
    const booked: { id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT space_id AS id FROM bookings WHERE local_date BETWEEN '2026-12-07' AND '2026-12-21'`,
    );
    desks = floors.flatMap((f) =>
      f.spaces
        .filter((s) => s.kind === 'desk' && s.bookable && !s.restrictedToGroupIds.length && !booked.some((b) => b.id === s.id))
        .map((s) => ({ ...s, floorId: f.id })),
    );
    expect(desks.length).toBeGreaterThanOrEqual(6);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  describe('favourites', () => {
    it('stars and unstars a space, idempotently', async () => {
      const desk = desks[0];
      const added = await employee.put<Favourite[]>(`/api/me/favourites/${desk.id}`);
      expect(added.status).toBe(200);
      expect(added.body).toEqual([expect.objectContaining({ spaceId: desk.id, spaceLabel: desk.label, floorId: desk.floorId, spaceKind: 'desk' })]);
      expect((await employee.put<Favourite[]>(`/api/me/favourites/${desk.id}`)).body).toHaveLength(1);
      expect((await employee.delete(`/api/me/favourites/${desk.id}`)).status).toBe(204);
      expect((await employee.get<Favourite[]>('/api/me/favourites')).body).toEqual([]);
    });

    it('refuses a space one may not book, and one that does not exist, writing nothing', async () => {
      // A space of a zone kept for a team the employee is not in.
      const me = (await employee.get<Me>('/api/me')).body;
      const [target] = await t.dataSource.query(
        `SELECT s.id FROM spaces s JOIN zones z ON z.id = s.zone_id
          WHERE s.restricted_group_ids = '{}' AND z.restricted_group_ids <> '{}' AND NOT z.restricted_group_ids && $1::uuid[] LIMIT 1`,
        [me.groupIds],
      );
      expect(target).toBeDefined();
      const res = await employee.put<ProblemDetails>(`/api/me/favourites/${target.id}`);
      expect([res.status, res.body.code]).toEqual([422, 'ACCESS_RESTRICTED']);
      const missing = await employee.put<ProblemDetails>('/api/me/favourites/00000000-0000-4000-8000-000000000000');
      expect([missing.status, missing.body.code]).toEqual([404, 'SPACE_NOT_FOUND']);
      expect(await count(`SELECT count(*)::int AS n FROM favourites`)).toBe(0);
    });
  });

  describe('colleagues', () => {
    it('finds, follows and locates only people who show their name', async () => {
      const hidden = await person('Hanna Verborgen');
      const shown = await person('Sven Sichtbar', { showsName: true });
      expect((await employee.get<Colleague[]>('/api/colleagues/search?query=verborgen')).body).toEqual([]);
      const refused = await employee.put<ProblemDetails>(`/api/me/following/${hidden.id}`);
      expect([refused.status, refused.body.code]).toEqual([404, 'USER_NOT_FOUND']);

      expect((await employee.get<Colleague[]>('/api/colleagues/search?query=sichtbar')).body).toEqual([
        { id: shown.id, displayName: 'Sven Sichtbar', initials: 'SS', following: false },
      ]);
      expect((await employee.put<Colleague[]>(`/api/me/following/${shown.id}`)).body).toEqual([
        expect.objectContaining({ id: shown.id, following: true }),
      ]);
      const booking = await shown.api.post<Booking>('/api/bookings', { spaceId: desks[1].id, date: '2026-12-09', slot: 'am' });
      expect(booking.status).toBe(201);
      const places = (await employee.get<ColleaguePlace[]>('/api/colleagues?date=2026-12-09')).body;
      const sven = places.find((p) => p.colleague.id === shown.id);
      expect(sven).toMatchObject({ via: 'following', places: [expect.objectContaining({ spaceId: desks[1].id, floorId: desks[1].floorId })] });
      expect(sven?.places[0].start).toMatch(/^2026-12-09T0\d:00:00(\.000)?\+01:00$/);
      expect(JSON.stringify(places)).not.toContain(booking.body.id);
      expect(places.some((p) => p.colleague.id === hidden.id)).toBe(false);

      // Stopping to show one's name hides one from every list at once, followers included.
      await shown.api.patch('/api/me', { showNameToColleagues: false });
      expect((await employee.get<ColleaguePlace[]>('/api/colleagues?date=2026-12-09')).body.some((p) => p.colleague.id === shown.id)).toBe(false);
      expect((await employee.get<Colleague[]>('/api/me/following')).body).toEqual([]);
      await shown.api.patch('/api/me', { showNameToColleagues: true });
      expect((await employee.delete(`/api/me/following/${shown.id}`)).status).toBe(204);
      expect((await employee.get<Colleague[]>('/api/me/following')).body).toEqual([]);
    });

    it("lists my groups' members who show their name, without following them", async () => {
      const teammate = await person('Tina Team', { groups: ['Bürgerservice'], showsName: true });
      const quiet = await person('Quentin Quiet', { groups: ['Bürgerservice'] });
      const places = (await employee.get<ColleaguePlace[]>('/api/colleagues?date=2026-12-10')).body;
      expect(places.find((p) => p.colleague.id === teammate.id)).toMatchObject({ via: 'group', places: [], colleague: { following: false } });
      expect(places.some((p) => p.colleague.id === quiet.id)).toBe(false);
    });

    it('refuses a malformed date and a too short search', async () => {
      expect((await employee.get<ProblemDetails>('/api/colleagues?date=2026-02-30')).body.code).toBe('VALIDATION_FAILED');
      expect((await employee.get<ProblemDetails>('/api/colleagues/search?query=a')).status).toBe(400);
    });
  });

  describe('assigned desks and absences', () => {
    it('keeps an assigned desk for its owner on every open day, and shows it so', async () => {
      const owner = await person('Olga Owner', { showsName: true });
      const desk = desks[2];
      const assigned = await facility.put(`/api/spaces/${desk.id}/assignee`, { userId: owner.id });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toEqual({ spaceId: desk.id, assignee: { id: owner.id, displayName: 'Olga Owner' } });

      const refused = await employee.post<ProblemDetails>('/api/bookings', { spaceId: desk.id, date: '2026-12-08', slot: 'day' });
      expect([refused.status, refused.body.code]).toEqual([422, 'SPACE_ASSIGNED']);
      expect(await stateOf(employee, desk.id, '2026-12-08')).toMatchObject({ state: 'booked', assigned: { mine: false, name: 'Olga Owner' } });
      expect(await stateOf(owner.api, desk.id, '2026-12-08')).toMatchObject({ state: 'mine', assigned: { mine: true } });
      // A series over the desk says which days are someone else's.
      const preview = await employee.post<SeriesResult>('/api/bookings/series', {
        spaceId: desk.id,
        slot: 'day',
        from: '2026-12-08',
        count: 2,
        weekdays: [2],
        preview: true,
      });
      expect(preview.body.occurrences.map((o) => o.outcome)).toEqual(['assigned', 'assigned']);
      // The owner may still book it (say, for the calendar invite).
      expect((await owner.api.post('/api/bookings', { spaceId: desk.id, date: '2026-12-08', slot: 'day' })).status).toBe(201);
    });

    it('an absence cancels my bookings, releases my desk for a colleague, and taking it back keeps their booking', async () => {
      const owner = await person('Anton Abwesend');
      const colleague = await person('Clara Kollegin');
      const desk = desks[3];
      await facility.put(`/api/spaces/${desk.id}/assignee`, { userId: owner.id });
      const own = await owner.api.post<Booking>('/api/bookings', { spaceId: desks[4].id, date: '2026-12-14', slot: 'pm' });
      expect(own.status).toBe(201);

      const away = await owner.api.post<AbsenceResult>('/api/me/absences', { from: '2026-12-14', to: '2026-12-15' });
      expect(away.status).toBe(201);
      expect(away.body).toEqual({ absence: { id: expect.any(String), from: '2026-12-14', to: '2026-12-15' }, cancelledBookings: 1 });
      expect((await owner.api.get<Booking>(`/api/bookings/${own.body.id}`)).body.status).toBe('cancelled');
      expect((await owner.api.get<MyAssignedDesk[]>('/api/me/assigned-desks')).body).toEqual([
        expect.objectContaining({ spaceId: desk.id, releasedDates: ['2026-12-14', '2026-12-15'] }),
      ]);
      // While away, the owner's series skip those days.
      const series = await owner.api.post<SeriesResult>('/api/bookings/series', {
        spaceId: desk.id,
        slot: 'day',
        from: '2026-12-14',
        count: 2,
        weekdays: [1],
        preview: true,
      });
      expect(series.body.occurrences.map((o) => o.outcome)).toEqual(['absent', 'bookable']);

      expect((await stateOf(colleague.api, desk.id, '2026-12-14'))?.state).toBe('free');
      expect((await colleague.api.post('/api/bookings', { spaceId: desk.id, date: '2026-12-14', slot: 'day' })).status).toBe(201);
      expect((await colleague.api.post<ProblemDetails>('/api/bookings', { spaceId: desk.id, date: '2026-12-17', slot: 'day' })).body.code).toBe(
        'SPACE_ASSIGNED',
      );

      // Back early: the absence goes, but the day a colleague booked stays released (her booking stands).
      expect((await owner.api.delete(`/api/me/absences/${away.body.absence.id}`)).status).toBe(204);
      expect((await owner.api.get('/api/me/absences')).body).toEqual([]);
      expect((await owner.api.get<MyAssignedDesk[]>('/api/me/assigned-desks')).body[0].releasedDates).toEqual(['2026-12-14']);
      expect((await stateOf(colleague.api, desk.id, '2026-12-15'))?.assigned).toEqual({ mine: false, name: null });
      expect(
        await count(`SELECT count(*)::int AS n FROM bookings WHERE space_id = $1 AND local_date = '2026-12-14' AND status = 'confirmed'`, [desk.id]),
      ).toBe(1);
    });

    it('releases single days, and cannot take one back once a colleague booked it', async () => {
      const owner = await person('Rita Release');
      const colleague = await person('Bernd Bucher');
      const desk = desks[5];
      await facility.put(`/api/spaces/${desk.id}/assignee`, { userId: owner.id });
      // Plans and the waiting list hear of the freed day (they once did not: the release read its own
      // INSERT's rows wrongly, announced nothing, and a second release of the day answered 500).
      const heard: LiveNotification[] = [];
      const listening = t.created.app.get(LiveEventsHub).events$.subscribe((e) => heard.push(e));
      const released = await owner.api.put<MyAssignedDesk[]>(`/api/me/assigned-desks/${desk.id}/releases/2026-12-10`);
      expect(released.status).toBe(200);
      expect(released.body[0].releasedDates).toEqual(['2026-12-10']);
      for (let waited = 0; !heard.length && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      listening.unsubscribe();
      expect(heard).toContainEqual(
        expect.objectContaining({ type: 'availability', floorId: desk.floorId, from: '2026-12-10', to: '2026-12-10' }),
      );
      const again = await owner.api.put<MyAssignedDesk[]>(`/api/me/assigned-desks/${desk.id}/releases/2026-12-10`);
      expect([again.status, again.body[0]?.releasedDates]).toEqual([200, ['2026-12-10']]);
      await owner.api.put(`/api/me/assigned-desks/${desk.id}/releases/2026-12-11`);
      expect((await owner.api.delete(`/api/me/assigned-desks/${desk.id}/releases/2026-12-11`)).status).toBe(204);
      expect((await colleague.api.post('/api/bookings', { spaceId: desk.id, date: '2026-12-10', slot: 'am' })).status).toBe(201);
      const back = await owner.api.delete<ProblemDetails>(`/api/me/assigned-desks/${desk.id}/releases/2026-12-10`);
      expect([back.status, back.body.code]).toEqual([409, 'RELEASE_BOOKED']);

      const notMine = await colleague.api.put<ProblemDetails>(`/api/me/assigned-desks/${desk.id}/releases/2026-12-10`);
      expect([notMine.status, notMine.body.code]).toEqual([422, 'NOT_ASSIGNED']);
      const past = await owner.api.put<ProblemDetails>(`/api/me/assigned-desks/${desk.id}/releases/2026-12-04`);
      expect(past.body.code).toBe('IN_THE_PAST');
    });

    it('refuses bad assignments and absences with clear codes, writing nothing', async () => {
      const gone = await person('Gustav Gegangen');
      await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
      const room = ground.spaces.find((s) => s.kind === 'room') as Floor['spaces'][number];
      const desk = desks[0];
      const audit = await count(`SELECT count(*)::int AS n FROM audit_log`);
      const cases: [Promise<{ status: number; body: ProblemDetails }>, number, string][] = [
        [facility.put(`/api/spaces/${desk.id}/assignee`, { userId: gone.id }), 422, 'PERSON_INACTIVE'],
        [facility.put(`/api/spaces/${desk.id}/assignee`, { userId: '00000000-0000-4000-8000-000000000000' }), 404, 'USER_NOT_FOUND'],
        [facility.put(`/api/spaces/${room.id}/assignee`, { userId: gone.id }), 422, 'NOT_ASSIGNABLE'],
        [facility.put(`/api/spaces/${desk.id}/assignee`, { userId: 'someone' }), 400, 'VALIDATION_FAILED'],
        [facility.put(`/api/spaces/${desk.id}/assignee`, {}), 400, 'VALIDATION_FAILED'],
        [employee.put(`/api/spaces/${desk.id}/assignee`, { userId: null }), 403, 'FORBIDDEN'],
        [employee.post('/api/me/absences', { from: '2026-12-10', to: '2026-12-09' }), 400, 'VALIDATION_FAILED'],
        [employee.post('/api/me/absences', { from: '2026-11-01', to: '2026-11-02' }), 422, 'IN_THE_PAST'],
        [employee.post('/api/me/absences', { from: '2026-12-10', to: '2028-12-09' }), 400, 'VALIDATION_FAILED'],
        [employee.post('/api/me/absences', { from: '10.12.2026', to: '2026-12-12' }), 400, 'VALIDATION_FAILED'],
        [employee.delete('/api/me/absences/00000000-0000-4000-8000-000000000000'), 404, 'ABSENCE_NOT_FOUND'],
      ];
      for (const [request, status, code] of cases) {
        const res = await request;
        expect([res.status, res.body.code]).toEqual([status, code]);
      }
      expect(await count(`SELECT count(*)::int AS n FROM absences WHERE user_id = (SELECT id FROM users WHERE email = 'employee@example.com')`)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audit);
    });
  });
});
