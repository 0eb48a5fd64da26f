import type { Booking, BuildingSummary, Floor, ProblemDetails, WaitlistEntry } from '@flexdesk/shared-contracts';
import { WaitlistService } from '../src/waitlist/waitlist.service';
import { Api, loggedIn } from './support/http';
import { type SecondInstance, startSecondInstance, startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin.
const NOW = '2026-12-07T07:00:00Z';
const DATE = '2026-12-09';

describe('waiting list', () => {
  let t: TestApp;
  let second: SecondInstance | null = null;
  let holder: Api;
  let ground: Floor;
  let desk: Floor['spaces'][number];
  let people: { id: string; api: Api }[];
  /** Serving, as each instance does it: the test one and, on a server database, a second one. */
  let services: WaitlistService[];

  const entries = async (who: Api) => (await who.get<WaitlistEntry[]>('/api/waitlist')).body;
  const activeOn = (spaceId: string, date: string): Promise<{ booker: string }[]> =>
    t.dataSource.query(
      `SELECT booker_id AS booker FROM bookings WHERE space_id = $1 AND local_date = $2 AND status IN ('confirmed', 'checked_in')`,
      [spaceId, date],
    );
  /** Until `check` holds: the instances serve on their own when they hear of a freed space. */
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    t = await startTestApp(NOW, { LOGIN_RATE_LIMIT_PER_IP: '1000' });
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, roles)
       SELECT 'waiter' || i || '@example.com', 'Waiter ' || i, (SELECT password_hash FROM users WHERE email = 'employee@example.com'), '{employee}'
         FROM generate_series(1, 6) AS i`,
    );
    holder = await loggedIn(t.url, 'employee2@example.com');
    people = [];
    for (let i = 1; i <= 6; i++) {
      const api = await loggedIn(t.url, `waiter${i}@example.com`);
      people.push({ id: (await api.get('/api/me')).body.id, api });
    }
    const rathaus = (await holder.get<BuildingSummary[]>('/api/buildings')).body.find((b) => b.timeZone === 'Europe/Berlin') as BuildingSummary;
    ground = (await holder.get<Floor>(`/api/floors/${rathaus.floors.find((f) => f.level === 0)?.id}`)).body;
    const booked: { id: string }[] = await t.dataSource.query(`SELECT DISTINCT space_id AS id FROM bookings WHERE local_date = $1`, [DATE]);
    desk = ground.spaces.find((s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && !booked.some((b) => b.id === s.id)) as typeof desk;
    services = [t.created.app.get(WaitlistService)];

    // On a server database, a second API instance (own pool, own listener) hears the same events and serves too.
    if (process.env['DATABASE_URL']) {
      second = await startSecondInstance(t);
      const url = second.url;
      services.push(second.created.app.get(WaitlistService));
      // Half the people go through the second instance.
      people = people.map((p, i) => {
        if (i % 2 === 0) return p;
        const api = new Api(url);
        api.token = p.api.token;
        return { ...p, api };
      });
    }
  });
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('gives a freed desk to the first in line only, then the next, however many serve at once', async () => {
    const held = await holder.post<Booking>('/api/bookings', { spaceId: desk.id, date: DATE, slot: 'day' });
    expect(held.status).toBe(201);
    for (const p of people.slice(0, 4)) {
      const joined = await p.api.post<WaitlistEntry>('/api/waitlist', { spaceId: desk.id, kind: 'desk', date: DATE, slot: 'day' });
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({ status: 'waiting', spaceId: desk.id, floorId: ground.id, bookingId: null });
    }
    expect((await entries(people[3].api)).map((e) => e.position)).toEqual([4]);
    const again = await people[0].api.post<ProblemDetails>('/api/waitlist', { spaceId: desk.id, kind: 'desk', date: DATE, slot: 'day' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_WAITING']);

    // The holder cancels: every instance hears it and serves; on top, ten explicit serves race them.
    expect((await holder.delete(`/api/bookings/${held.body.id}`)).status).toBe(204);
    await Promise.all(Array.from({ length: 10 }, (_, i) => services[i % services.length].serve(ground.id, DATE)));
    await eventually(async () => (await entries(people[0].api))[0].status === 'booked');
    expect(await activeOn(desk.id, DATE)).toEqual([{ booker: people[0].id }]);
    const first = (await entries(people[0].api))[0];
    expect((await people[0].api.get<Booking>(`/api/bookings/${first.bookingId}`)).body).toMatchObject({ spaceId: desk.id, status: 'confirmed' });
    expect((await entries(people[1].api)).map((e) => [e.status, e.position])).toEqual([['waiting', 1]]);
    expect((await entries(people[3].api)).map((e) => e.position)).toEqual([3]);

    // The second in line leaves; the first cancels: the third gets the desk, the fourth moves up.
    expect((await people[1].api.delete(`/api/waitlist/${(await entries(people[1].api))[0].id}`)).status).toBe(204);
    expect((await people[0].api.delete(`/api/bookings/${first.bookingId}`)).status).toBe(204);
    await Promise.all(services.map((s) => s.serve(ground.id, DATE)));
    await eventually(async () => (await entries(people[2].api))[0].status === 'booked');
    expect(await activeOn(desk.id, DATE)).toEqual([{ booker: people[2].id }]);
    expect((await entries(people[1].api))[0].status).toBe('cancelled');
    expect((await entries(people[3].api)).map((e) => [e.status, e.position])).toEqual([['waiting', 1]]);
  });

  it('books at once when a matching space is free, and waits for any desk with the wanted equipment', async () => {
    const p = people[4];
    const free = await p.api.post<WaitlistEntry>('/api/waitlist', { floorId: ground.id, kind: 'desk', date: '2026-12-10', slot: 'am' });
    expect(free.status).toBe(201);
    expect(free.body).toMatchObject({ status: 'booked', bookingId: expect.any(String) });
    const booking = (await p.api.get<Booking>(`/api/bookings/${free.body.bookingId}`)).body;
    expect(booking).toMatchObject({ floorId: ground.id, slot: 'am', spaceKind: 'desk' });

    const none = await p.api.post<ProblemDetails>('/api/waitlist', { floorId: ground.id, kind: 'desk', attributes: ['no-such-thing'], date: '2026-12-11', slot: 'day' });
    expect([none.status, none.body.code]).toEqual([404, 'FLOOR_NOT_FOUND']);
  });

  it('ends the waiting when the slot begins', async () => {
    const p = people[5];
    const other = await holder.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-11', slot: 'am' });
    expect(other.status).toBe(201);
    const joined = await p.api.post<WaitlistEntry>('/api/waitlist', { spaceId: desk.id, kind: 'desk', date: '2026-12-11', slot: 'am' });
    expect(joined.body.status).toBe('waiting');
    t.clock.set('2026-12-11T07:30:00Z');
    await services[0].sweep();
    expect((await entries(p.api)).find((e) => e.id === joined.body.id)?.status).toBe('expired');
    // And nobody gets the desk for a slot that has begun.
    await holder.delete(`/api/bookings/${other.body.id}`);
    await services[0].sweep();
    expect(await activeOn(desk.id, '2026-12-11')).toEqual([]);
  });

  it('refuses what could never be booked, writing nothing', async () => {
    const p = people[5];
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM waitlist_entries`))[0].n;
    const restricted = ground.spaces.find((s) => s.restrictedToGroupIds.length);
    const cases: [object, number, string][] = [
      [{ spaceId: desk.id, floorId: ground.id, kind: 'desk', date: DATE, slot: 'day' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'desk', date: DATE, slot: 'day' }, 400, 'VALIDATION_FAILED'],
      [{ spaceId: desk.id, kind: 'room', date: DATE, slot: 'day' }, 400, 'VALIDATION_FAILED'],
      [{ spaceId: desk.id, kind: 'desk', date: '2026-12-16', slot: 'day' }, 422, 'BUILDING_CLOSED'],
      [{ spaceId: desk.id, kind: 'desk', date: '2027-03-01', slot: 'day' }, 422, 'OUTSIDE_HORIZON'],
      [{ spaceId: desk.id, kind: 'desk', date: '2026-12-04', slot: 'day' }, 422, 'IN_THE_PAST'],
      [{ spaceId: desk.id, kind: 'desk', date: '2026-12-07', slot: 'day' }, 422, 'IN_THE_PAST'],
      [{ spaceId: desk.id, kind: 'desk', date: DATE, slot: 'evening' }, 400, 'VALIDATION_FAILED'],
      [{ spaceId: '00000000-0000-4000-8000-000000000000', kind: 'desk', date: DATE, slot: 'day' }, 404, 'SPACE_NOT_FOUND'],
      ...(restricted ? [[{ spaceId: restricted.id, kind: restricted.kind, date: DATE, slot: 'day' }, 422, 'ACCESS_RESTRICTED'] as [object, number, string]] : []),
    ];
    for (const [body, status, code] of cases) {
      const res = await p.api.post<ProblemDetails>('/api/waitlist', body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect((await p.api.delete<ProblemDetails>('/api/waitlist/00000000-0000-4000-8000-000000000000')).body.code).toBe('WAITLIST_ENTRY_NOT_FOUND');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM waitlist_entries`))[0].n).toBe(before);
  });
});
