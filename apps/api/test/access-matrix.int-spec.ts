import { randomUUID } from 'node:crypto';
import {
  can,
  type Booking,
  type Permission,
  type BuildingSummary,
  type Floor,
  type FloorAvailability,
  type Me,
  type Role,
} from '@flexdesk/shared-contracts';
import { RouteTable, type RouteAccess } from '../src/access/route-table';
import { Api, loggedIn, type Res } from './support/http';
import { png } from './support/images';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every route of the API, called as every role, with an empty body and with a valid one. The
 * expected answer comes from the permission table: without the route's permission it is 403
 * FORBIDDEN whatever the body (the guard runs before validation); with it, the empty body gets past
 * the guard and the valid one succeeds. The routes come from the running app's route table, so a
 * new route without a fixture here fails this test, and one without a permission cannot even start.
 */

// Monday 2026-12-07, 09:30 in Berlin: the Rathaus is open, a room booked for 10:00 may check in.
const NOW = '2026-12-07T08:30:00Z';
const TODAY = '2026-12-07';
const ZERO = '00000000-0000-4000-8000-000000000000';

/** The only routes that answer without a session. Adding one here is a reviewed decision. */
const PUBLIC_ROUTES = [
  'GET /api/calendar/:file',
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/login',
];

type Who = 'anonymous' | Role;
const ACCOUNTS: Record<Role, string> = {
  employee: 'employee@example.com',
  receptionist: 'reception@example.com',
  facility_manager: 'facility@example.com',
  admin: 'admin@example.com',
};
const EVERYONE: Who[] = ['anonymous', 'employee', 'receptionist', 'facility_manager', 'admin'];

interface Call {
  /** Path parameters by name (`:id` → `id`). */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Sends the request itself (multipart, event streams). */
  send?: (api: Api, path: string) => Promise<Res>;
}

interface Fixture {
  /** What the route must declare: stated here independently, so a route guarded by the wrong permission fails. */
  permission: Permission | 'public';
  /** Builds a valid request for `api`, creating what it needs (fresh resources for destructive routes). */
  valid: (api: Api, who: Who) => Promise<Call>;
  /** The status of a valid request by someone who holds the permission. */
  ok: number;
  /** Calls need a session of their own (the call would end the shared one). */
  freshSession?: boolean;
  /** The answer is an endless event stream: read its status and first event, then hang up. */
  stream?: boolean;
}

async function openStream(caller: Api, path: string): Promise<Res> {
  const controller = new AbortController();
  const res = await fetch(`${caller.baseUrl}${path}`, {
    headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
    signal: controller.signal,
  });
  const text =
    res.status === 200 ? new TextDecoder().decode((await res.body?.getReader().read())?.value) : await res.text();
  controller.abort();
  return { status: res.status, body: res.status === 200 ? text : JSON.parse(text), headers: res.headers };
}

describe('route x role matrix', () => {
  let t: TestApp;
  let routes: readonly RouteAccess[];
  const sessions = new Map<Who, Api>();
  let admin: Api;
  let rathaus: BuildingSummary;
  let ground: Floor;
  /** Every floor of the Rathaus: its rooms are free of demo bookings, one per role is needed. */
  let rathausFloors: Floor[];
  let receptionistId: string;
  /** An employee's calendar feed file, for the public feed route. */
  let feedFile: string;
  const nextDay = new Map<Who, number>();

  const api = (who: Who) => sessions.get(who) as Api;
  const sessionFor = async (who: Who) => (who === 'anonymous' ? new Api(t.url) : loggedIn(t.url, ACCOUNTS[who]));

  /** A scratch building (and floor) an admin creates, so destructive calls never touch the demo. */
  const scratchBuilding = async () =>
    (
      await admin.post('/api/buildings', {
        name: `Scratch ${randomUUID().slice(0, 8)}`,
        address: '',
        timeZone: 'Europe/Berlin',
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '19:00' })),
        midday: '12:00',
      })
    ).body.id as string;
  const scratchFloor = async () =>
    (await admin.post(`/api/buildings/${await scratchBuilding()}/floors`, FLOOR)).body.id as string;

  /** A free desk on an open day of the caller's own (one desk per person and day, so each call moves on a day). */
  const nextFreeDesk = async (caller: Api, who: Who): Promise<{ spaceId: string; date: string }> => {
    for (let offset = nextDay.get(who) ?? 1; offset < 14; offset++) {
      const date = addDays(TODAY, offset);
      const avail = (await caller.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=${date}`)).body;
      const free = avail.open ? avail.spaces.filter((s) => s.state === 'free').map((s) => s.spaceId) : [];
      const desk = ground.spaces.find(
        (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && free.includes(s.id),
      );
      if (!desk) continue;
      nextDay.set(who, offset + 1);
      return { spaceId: desk.id, date };
    }
    throw new Error(`no desk left for ${who}`);
  };
  const ownDeskBooking = async (caller: Api, who: Who): Promise<Booking> => {
    const res = await caller.post<Booking>('/api/bookings', { ...(await nextFreeDesk(caller, who)), slot: 'day' });
    if (res.status !== 201) throw new Error(`booking for ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A room of the caller's own from 10:00 today, so that check-in is open now (rooms require it). */
  const roomBookings = new Map<Who, Booking>();
  const ownRoomBooking = async (caller: Api, who: Who): Promise<Booking> => {
    const known = roomBookings.get(who);
    if (known) return known;
    for (const room of rathausFloors
      .flatMap((f) => f.spaces)
      .filter((s) => s.kind === 'room' && !s.restrictedToGroupIds.length)) {
      const res = await caller.post<Booking>('/api/bookings', {
        spaceId: room.id,
        start: `${TODAY}T10:00:00+01:00`,
        end: `${TODAY}T11:00:00+01:00`,
      });
      if (res.status === 201) {
        roomBookings.set(who, res.body);
        return res.body;
      }
    }
    throw new Error(`no room free at 10:00 for ${who}`);
  };
  const checkedIn = async (caller: Api, who: Who, checked: boolean) => {
    const booking = await ownRoomBooking(caller, who);
    const res = await caller.request(checked ? 'POST' : 'DELETE', `/api/bookings/${booking.id}/check-in`);
    if (res.status !== 200)
      throw new Error(`check-in ${checked} for ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return booking;
  };

  const FLOOR = { name: 'Scratch floor', level: 1, width: 2000, height: 1000 };
  const LAYOUT = () => ({
    plan: { width: 2000, height: 1000, scale: null, backgroundUrl: null },
    zones: [],
    spaces: [
      {
        id: randomUUID(),
        zoneId: null,
        kind: 'desk',
        label: 'S.01',
        x: 100,
        y: 100,
        width: 160,
        height: 80,
        rotation: 0,
        attributes: [],
        capacity: null,
        bookable: true,
        restrictedToGroupIds: [],
      },
    ],
  });

  const FIXTURES: Record<string, Fixture> = {
    'GET /api/health': { permission: 'public', ok: 200, valid: async () => ({}) },
    'GET /api/health/live': { permission: 'public', ok: 200, valid: async () => ({}) },
    'GET /api/health/ready': { permission: 'public', ok: 200, valid: async () => ({}) },
    'POST /api/auth/login': {
      permission: 'public',
      ok: 200,
      valid: async () => ({ body: { email: ACCOUNTS.employee, password: 'flexdesk' } }),
    },
    'POST /api/auth/logout': { permission: 'profile:self', ok: 204, freshSession: true, valid: async () => ({}) },
    'GET /api/me': { permission: 'profile:self', ok: 200, valid: async () => ({}) },
    'PATCH /api/me': {
      permission: 'profile:self',
      ok: 200,
      valid: async () => ({ body: { locale: 'de', showNameToColleagues: false } }),
    },
    'GET /api/me/calendar-feed': { permission: 'profile:self', ok: 200, valid: async () => ({}) },
    'POST /api/me/calendar-feed': { permission: 'profile:self', ok: 201, valid: async () => ({}) },
    'DELETE /api/me/calendar-feed': { permission: 'profile:self', ok: 204, valid: async () => ({}) },
    'GET /api/calendar/:file': { permission: 'public', ok: 200, valid: async () => ({ params: { file: feedFile } }) },
    'GET /api/users': { permission: 'people:search', ok: 200, valid: async () => ({ query: 'query=mu' }) },
    'GET /api/groups': { permission: 'groups:read', ok: 200, valid: async () => ({}) },
    'GET /api/buildings': { permission: 'buildings:read', ok: 200, valid: async () => ({}) },
    'GET /api/buildings/:id': {
      permission: 'buildings:read',
      ok: 200,
      valid: async () => ({ params: { id: rathaus.id } }),
    },
    'POST /api/buildings': {
      permission: 'buildings:write',
      ok: 201,
      valid: async () => ({
        body: {
          name: `New ${randomUUID().slice(0, 8)}`,
          address: 'Am Markt 1',
          timeZone: 'Europe/Berlin',
          openingHours: [],
          midday: '12:00',
        },
      }),
    },
    'PUT /api/buildings/:id': {
      permission: 'buildings:write',
      ok: 200,
      valid: async () => ({
        params: { id: await scratchBuilding() },
        body: {
          name: 'Renamed',
          address: '',
          timeZone: 'Europe/Vienna',
          openingHours: [{ weekday: 1, open: '08:00', close: '16:00' }],
          midday: '12:00',
        },
      }),
    },
    'DELETE /api/buildings/:id': {
      permission: 'buildings:write',
      ok: 204,
      valid: async () => ({ params: { id: await scratchBuilding() } }),
    },
    'POST /api/buildings/:id/closures': {
      permission: 'buildings:write',
      ok: 200,
      valid: async () => ({
        params: { id: await scratchBuilding() },
        body: { closures: [{ date: '2026-12-24', reason: 'Heiligabend' }] },
      }),
    },
    'DELETE /api/buildings/:id/closures/:date': {
      permission: 'buildings:write',
      ok: 204,
      valid: async () => ({ params: { id: await scratchBuilding(), date: '2026-12-24' } }),
    },
    'PUT /api/buildings/:id/policies': {
      permission: 'buildings:write',
      ok: 200,
      valid: async () => ({ params: { id: await scratchBuilding() }, body: { desk: { horizonDays: 21 } } }),
    },
    'POST /api/buildings/:id/floors': {
      permission: 'floors:write',
      ok: 201,
      valid: async () => ({ params: { id: await scratchBuilding() }, body: FLOOR }),
    },
    'GET /api/buildings/:id/occupancy': {
      permission: 'reception:board',
      ok: 200,
      valid: async () => ({ params: { id: rathaus.id }, query: `date=${TODAY}` }),
    },
    'GET /api/buildings/:id/day-list.csv': {
      permission: 'reception:names',
      ok: 200,
      valid: async () => ({ params: { id: rathaus.id }, query: `date=${TODAY}` }),
    },
    'GET /api/floors/:id': {
      permission: 'buildings:read',
      ok: 200,
      valid: async () => ({ params: { id: ground.id } }),
    },
    'PUT /api/floors/:id': {
      permission: 'floors:write',
      ok: 200,
      valid: async () => ({ params: { id: await scratchFloor() }, body: { ...FLOOR, name: 'Renamed' } }),
    },
    'DELETE /api/floors/:id': {
      permission: 'floors:write',
      ok: 204,
      valid: async () => ({ params: { id: await scratchFloor() } }),
    },
    'GET /api/floors/:id/availability': {
      permission: 'buildings:read',
      ok: 200,
      valid: async () => ({ params: { id: ground.id }, query: `date=${TODAY}` }),
    },
    'GET /api/floors/:id/layout': {
      permission: 'buildings:read',
      ok: 200,
      valid: async () => ({ params: { id: ground.id } }),
    },
    'GET /api/floors/:id/layout/draft': {
      permission: 'layout:edit',
      ok: 200,
      valid: async () => ({ params: { id: ground.id } }),
    },
    'PUT /api/floors/:id/layout/draft': {
      permission: 'layout:edit',
      ok: 200,
      valid: async () => ({ params: { id: await scratchFloor() }, body: { draftVersion: 0, layout: LAYOUT() } }),
    },
    'POST /api/floors/:id/layout/publish': {
      permission: 'layout:publish',
      ok: 200,
      valid: async () => {
        const id = await scratchFloor();
        const saved = await admin.request('PUT', `/api/floors/${id}/layout/draft`, {
          draftVersion: 0,
          layout: LAYOUT(),
        });
        return { params: { id }, body: { draftVersion: saved.body.draftVersion } };
      },
    },
    'POST /api/floors/:id/backgrounds': {
      permission: 'layout:edit',
      ok: 201,
      valid: async () => ({
        params: { id: await scratchFloor() },
        send: async (caller, path) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(png(40, 20))], { type: 'image/png' }), 'plan.png');
          const res = await fetch(`${caller.baseUrl}${path}`, {
            method: 'POST',
            headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
            body: form,
          });
          return { status: res.status, body: await res.json(), headers: res.headers };
        },
      }),
    },
    'GET /api/backgrounds/:id': {
      permission: 'buildings:read',
      ok: 200,
      valid: async () => ({ params: { id: (ground.plan.backgroundUrl as string).split('/').pop() as string } }),
    },
    'GET /api/events': {
      permission: 'buildings:read',
      ok: 200,
      stream: true,
      valid: async () => ({ query: `floorId=${ground.id}` }),
    },
    'POST /api/bookings': {
      permission: 'bookings:self',
      ok: 201,
      valid: async (caller, who) => ({ body: { ...(await nextFreeDesk(caller, who)), slot: 'am' } }),
    },
    'GET /api/bookings': {
      permission: 'bookings:self',
      ok: 200,
      valid: async () => ({ query: `from=${TODAY}&to=${addDays(TODAY, 14)}` }),
    },
    'GET /api/bookings/:id': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => ({ params: { id: (await ownDeskBooking(caller, who)).id } }),
    },
    'DELETE /api/bookings/:id': {
      permission: 'bookings:self',
      ok: 204,
      valid: async (caller, who) => ({ params: { id: (await ownDeskBooking(caller, who)).id } }),
    },
    'GET /api/bookings/:id/invite.ics': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => ({ params: { id: (await ownDeskBooking(caller, who)).id } }),
    },
    'POST /api/bookings/:id/check-in': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => ({ params: { id: (await checkedIn(caller, who, false)).id } }),
    },
    'DELETE /api/bookings/:id/check-in': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => ({ params: { id: (await checkedIn(caller, who, true)).id } }),
    },
    'POST /api/spaces/:id/check-in': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => ({ params: { id: (await checkedIn(caller, who, false)).spaceId } }),
    },
    'GET /api/admin/receptionists': { permission: 'reception:assign', ok: 200, valid: async () => ({}) },
    'PUT /api/admin/receptionists/:id': {
      permission: 'reception:assign',
      ok: 200,
      valid: async () => ({ params: { id: receptionistId }, body: { allBuildings: false, buildingIds: [rathaus.id] } }),
    },
    'GET /api/audit': {
      permission: 'audit:read',
      ok: 200,
      valid: async () => ({ query: 'limit=5&entityType=building' }),
    },
  };

  beforeAll(async () => {
    t = await startTestApp(NOW);
    routes = t.created.app.get(RouteTable).routes();
    for (const who of EVERYONE) sessions.set(who, await sessionFor(who));
    admin = api('admin');
    rathaus = (await admin.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    ) as BuildingSummary;
    rathausFloors = await Promise.all(
      rathaus.floors.map(async (f) => (await admin.get<Floor>(`/api/floors/${f.id}`)).body),
    );
    ground = rathausFloors.find((f) => f.level === 0) as Floor;
    receptionistId = (await api('receptionist').get<Me>('/api/me')).body.id;
    const feed = await api('employee').post('/api/me/calendar-feed');
    feedFile = (feed.body.url as string).split('/').pop() as string;
  });
  afterAll(() => t?.close());

  const key = (r: RouteAccess) => `${r.method} ${r.path}`;
  const mayCall = (who: Who, r: RouteAccess) =>
    r.access === 'public' || (who !== 'anonymous' && can({ roles: [who] }, r.access));

  async function call(who: Who, route: RouteAccess, request: Call, fixture: Fixture): Promise<Res> {
    const caller = fixture.freshSession ? await sessionFor(who) : api(who);
    const path =
      route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ZERO)) +
      (request.query ? `?${request.query}` : '');
    if (request.send) return request.send(caller, path);
    if (fixture.stream) return openStream(caller, path);
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    return caller.request(route.method, path, hasBody ? (request.body ?? {}) : undefined);
  }

  it('finds the routes, with the reviewed public ones', () => {
    expect(routes.length).toBeGreaterThanOrEqual(44);
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map(key)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('has a fixture for every route, declaring the expected permission, and none for a route that is gone', () => {
    expect(routes.map(key).filter((k) => !FIXTURES[k])).toEqual([]);
    expect(
      routes
        .filter((r) => FIXTURES[key(r)] && FIXTURES[key(r)].permission !== r.access)
        .map((r) => `${key(r)} declares ${r.access}`),
    ).toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !routes.some((r) => key(r) === k))).toEqual([]);
  });

  it('answers every route as the permission table says, for every role, with any body', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const fixture = FIXTURES[key(route)];
      if (!fixture) continue;
      for (const who of EVERYONE) {
        const allowed = mayCall(who, route);
        const label = `${who} ${key(route)}`;
        // 1. An empty body and unknown ids: refused by the guard, or past it (never 5xx).
        const empty = await call(who, route, {}, fixture);
        if (!allowed) {
          const expected = who === 'anonymous' ? [401, 'UNAUTHENTICATED'] : [403, 'FORBIDDEN'];
          if (empty.status !== expected[0] || empty.body?.code !== expected[1])
            wrong.push(`${label} {}: ${empty.status} ${empty.body?.code}`);
        } else if (
          empty.status >= 500 ||
          empty.status === 401 ||
          (empty.status === 403 && empty.body?.code === 'FORBIDDEN')
        ) {
          wrong.push(`${label} {}: ${empty.status} ${empty.body?.code}`);
        }
        // 2. A valid request: refused the same way, or successful. Those who may not call it get
        // the request as an admin would make it (their own could not even be prepared).
        const request =
          allowed && who !== 'anonymous' ? await fixture.valid(api(who), who) : await fixture.valid(admin, 'admin');
        const valid = await call(who, route, request, fixture);
        const expected = allowed ? fixture.ok : who === 'anonymous' ? 401 : 403;
        if (valid.status !== expected)
          wrong.push(
            `${label} valid: ${valid.status} (expected ${expected}) ${JSON.stringify(valid.body)?.slice(0, 160)}`,
          );
        if (!allowed && valid.body?.code !== (who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')) {
          wrong.push(`${label} valid: code ${valid.body?.code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every editing, admin, reception and audit route to an employee before reading the body', async () => {
    const privileged = routes.filter((r) => r.access !== 'public' && !can({ roles: ['employee'] }, r.access));
    expect(privileged.map((r) => r.access)).toEqual(
      expect.arrayContaining(['buildings:write', 'layout:publish', 'reception:names', 'audit:read']),
    );
    for (const route of privileged) {
      // A body that is not even JSON: validation would say 400; the guard says 403 first.
      const res = await api('employee').request(
        route.method,
        route.path.replace(/:(\w+)/g, ZERO),
        route.method === 'GET' ? undefined : '{"',
        {
          'content-type': 'application/json',
        },
      );
      expect([key(route), res.status, res.body?.code]).toEqual([key(route), 403, 'FORBIDDEN']);
    }
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
