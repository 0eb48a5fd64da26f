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
import { UnsubscribeTokens } from '../src/notifications/unsubscribe-tokens';
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
  'POST /api/auth/password-link',
  'POST /api/auth/set-password',
  'GET /api/auth/providers',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  'GET /api/notifications/unsubscribe',
  'POST /api/notifications/unsubscribe',
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
  permission: Permission | 'public' | 'scim';
  /** Builds a valid request for `api`, creating what it needs (fresh resources for destructive routes). */
  valid: (api: Api, who: Who) => Promise<Call>;
  /** The status of a valid request by someone who holds the permission. */
  ok: number;
  /** Calls need a session of their own (the call would end the shared one). */
  freshSession?: boolean;
  /** The answer is an endless event stream: read its status and first event, then hang up. */
  stream?: boolean;
  /** Undoes what a successful call changed that later calls rely on. */
  cleanup?: (who: Who) => Promise<void>;
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
  let employeeId: string;
  /** An employee's calendar feed file, for the public feed route. */
  let feedFile: string;

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

  /** A free desk on an open day on which the caller has no desk yet (one desk per person and day). */
  const nextFreeDesk = async (caller: Api, who: Who): Promise<{ spaceId: string; date: string }> => {
    const until = addDays(TODAY, 14);
    const mine = (await caller.get<Booking[]>(`/api/bookings?from=${TODAY}&to=${until}`)).body
      .filter((b) => b.spaceKind === 'desk' && (b.status === 'confirmed' || b.status === 'checked_in'))
      .map((b) => b.date);
    for (let offset = 1; offset < 14; offset++) {
      const date = addDays(TODAY, offset);
      if (mine.includes(date)) continue;
      const avail = (await caller.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=${date}`)).body;
      const free = avail.open ? avail.spaces.filter((s) => s.state === 'free').map((s) => s.spaceId) : [];
      const desk = ground.spaces.find(
        (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && free.includes(s.id),
      );
      if (desk) return { spaceId: desk.id, date };
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

  /** ISO weekday (1 = Monday) of a date. */
  const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  /** A series of the caller's starting beyond the horizon: kept as a rule, no desk taken yet. */
  const ownSeries = async (caller: Api, who: Who): Promise<string> => {
    const date = addDays(TODAY, 30);
    const spaceId = ground.spaces.find((s) => s.kind === 'desk' && !s.restrictedToGroupIds.length)?.id;
    const res = await caller.post('/api/bookings/series', {
      spaceId,
      slot: 'am',
      from: date,
      count: 1,
      weekdays: [weekdayOf(date)],
    });
    if (res.status !== 201) throw new Error(`series for ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.seriesId as string;
  };
  /** A live desk upstairs without bookings or assignee (the ground floor stays free for bookings). */
  const quietDesk = async (): Promise<string> => {
    const [row] = await t.dataSource.query(
      `SELECT s.id FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE f.building_id = $1 AND f.level <> 0 AND s.kind = 'desk' AND s.archived_at IS NULL AND s.assignee_id IS NULL
          AND s.restricted_group_ids = '{}' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.space_id = s.id AND b.local_date >= $2)
        ORDER BY s.label LIMIT 1`,
      [rathaus.id, TODAY],
    );
    if (!row) throw new Error('no quiet desk left');
    return row.id as string;
  };
  /** A desk assigned to the caller, one per person. */
  const assignedDesks = new Map<string, string>();
  const ownAssignedDesk = async (caller: Api): Promise<string> => {
    const me = (await caller.get<Me>('/api/me')).body;
    const known = assignedDesks.get(me.id);
    if (known) return known;
    const desk = await quietDesk();
    await t.dataSource.query(`UPDATE spaces SET assignee_id = $2 WHERE id = $1`, [desk, me.id]);
    assignedDesks.set(me.id, desk);
    return desk;
  };
  /** Absences far beyond the booking horizon, so that no fixture's booking is cancelled by them. */
  let absenceDay = 60;
  const farAbsence = () => {
    const date = addDays(TODAY, absenceDay++);
    return { from: date, to: date };
  };
  let followableId: string;
  /** Desks the demo data holds on some day, one pair per call: waiting for them books nothing. */
  const takenPairs: { spaceId: string; date: string }[] = [];
  const takenDesk = async (): Promise<{ spaceId: string; date: string }> => {
    if (!takenPairs.length) {
      for (let offset = 1; offset < 14; offset++) {
        const date = addDays(TODAY, offset);
        const avail = (await admin.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=${date}`)).body;
        for (const a of avail.spaces.filter((x) => x.state === 'booked' && !x.assigned)) {
          if (ground.spaces.some((g) => g.id === a.spaceId && g.kind === 'desk' && !g.restrictedToGroupIds.length))
            takenPairs.push({ spaceId: a.spaceId, date });
        }
      }
    }
    const pair = takenPairs.shift();
    if (!pair) throw new Error('no taken desk left to wait for');
    return pair;
  };

  /** A person an admin invites, for the people routes that change someone. */
  const newPerson = async () =>
    (
      await admin.post('/api/admin/people', {
        email: `${randomUUID()}@example.com`,
        displayName: 'Scratch Person',
        roles: ['employee'],
      })
    ).body.person as { id: string };
  const inviteToken = async () => {
    const created = await admin.post('/api/admin/people', {
      email: `${randomUUID()}@example.com`,
      displayName: 'Invited',
      roles: ['employee'],
    });
    return (created.body.setPassword.url as string).split('#token=')[1];
  };
  const newGroup = async () =>
    (await admin.post('/api/admin/groups', { name: `Scratch ${randomUUID().slice(0, 8)}` })).body.id as string;
  let demoHash: string;
  const SCIM_TOKEN = 'matrix-scim-token-0123456789abcdefghijklmnopqrstuv';
  const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
  let scimClient: Api;
  const scimUser = () => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `${randomUUID()}@example.org`,
  });
  const newScimUser = async () =>
    (await scimClient.request('POST', '/scim/v2/Users', scimUser(), { 'content-type': 'application/scim+json' })).body
      .id as string;
  const newScimGroup = async () =>
    (
      await scimClient.request(
        'POST',
        '/scim/v2/Groups',
        { displayName: `SCIM ${randomUUID().slice(0, 8)}` },
        { 'content-type': 'application/scim+json' },
      )
    ).body.id as string;

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
    'POST /api/auth/logout': { permission: 'profile:self', ok: 200, freshSession: true, valid: async () => ({}) },
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
    'POST /api/bookings/:id/restore': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller, who) => {
        const booking = await ownDeskBooking(caller, who);
        await caller.delete(`/api/bookings/${booking.id}`);
        return { params: { id: booking.id } };
      },
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
    'POST /api/bookings/series': {
      permission: 'bookings:self',
      ok: 201,
      valid: async (caller, who) => {
        const { spaceId, date } = await nextFreeDesk(caller, who);
        return { body: { spaceId, slot: 'day', from: date, count: 1, weekdays: [weekdayOf(date)], preview: true } };
      },
    },
    'GET /api/bookings/series': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'DELETE /api/bookings/series/:id': {
      permission: 'bookings:self',
      ok: 204,
      valid: async (caller, who) => ({ params: { id: await ownSeries(caller, who) } }),
    },
    'GET /api/me/favourites': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'PUT /api/me/favourites/:spaceId': {
      permission: 'bookings:self',
      ok: 200,
      valid: async () => ({
        params: {
          spaceId: ground.spaces.find((s) => s.kind === 'desk' && !s.restrictedToGroupIds.length)?.id as string,
        },
      }),
    },
    'DELETE /api/me/favourites/:spaceId': {
      permission: 'bookings:self',
      ok: 204,
      valid: async () => ({ params: { spaceId: ground.spaces.find((s) => s.kind === 'desk')?.id as string } }),
    },
    'GET /api/me/following': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'PUT /api/me/following/:userId': {
      permission: 'bookings:self',
      ok: 200,
      valid: async () => ({ params: { userId: followableId } }),
    },
    'DELETE /api/me/following/:userId': {
      permission: 'bookings:self',
      ok: 204,
      valid: async () => ({ params: { userId: followableId } }),
    },
    'GET /api/colleagues': { permission: 'bookings:self', ok: 200, valid: async () => ({ query: `date=${TODAY}` }) },
    'GET /api/colleagues/search': { permission: 'bookings:self', ok: 200, valid: async () => ({ query: 'query=mu' }) },
    'PUT /api/spaces/:id/assignee': {
      permission: 'spaces:assign',
      ok: 200,
      valid: async () => ({ params: { id: await quietDesk() }, body: { userId: followableId } }),
    },
    'GET /api/me/assigned-desks': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'PUT /api/me/assigned-desks/:spaceId/releases/:date': {
      permission: 'bookings:self',
      ok: 200,
      valid: async (caller) => ({ params: { spaceId: await ownAssignedDesk(caller), date: addDays(TODAY, 3) } }),
    },
    'DELETE /api/me/assigned-desks/:spaceId/releases/:date': {
      permission: 'bookings:self',
      ok: 204,
      valid: async (caller) => {
        const spaceId = await ownAssignedDesk(caller);
        await caller.request('PUT', `/api/me/assigned-desks/${spaceId}/releases/${addDays(TODAY, 4)}`);
        return { params: { spaceId, date: addDays(TODAY, 4) } };
      },
    },
    'GET /api/me/absences': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'POST /api/me/absences': { permission: 'bookings:self', ok: 201, valid: async () => ({ body: farAbsence() }) },
    'DELETE /api/me/absences/:id': {
      permission: 'bookings:self',
      ok: 204,
      valid: async (caller) => ({
        params: { id: (await caller.post('/api/me/absences', farAbsence())).body.absence.id as string },
      }),
    },
    'POST /api/waitlist': {
      permission: 'bookings:self',
      ok: 201,
      valid: async () => ({ body: { ...(await takenDesk()), kind: 'desk', slot: 'am' } }),
    },
    'GET /api/waitlist': { permission: 'bookings:self', ok: 200, valid: async () => ({}) },
    'DELETE /api/waitlist/:id': {
      permission: 'bookings:self',
      ok: 204,
      valid: async (caller) => {
        const entry = await caller.post('/api/waitlist', { ...(await takenDesk()), kind: 'desk', slot: 'pm' });
        return { params: { id: entry.body.id as string } };
      },
    },
    'GET /api/admin/receptionists': { permission: 'reception:assign', ok: 200, valid: async () => ({}) },
    'PUT /api/admin/receptionists/:id': {
      permission: 'reception:assign',
      ok: 200,
      valid: async () => ({ params: { id: receptionistId }, body: { allBuildings: false, buildingIds: [rathaus.id] } }),
    },
    'POST /api/auth/password-link': {
      permission: 'public',
      ok: 200,
      valid: async () => ({ body: { token: await inviteToken() } }),
    },
    'POST /api/auth/set-password': {
      permission: 'public',
      ok: 204,
      valid: async () => ({ body: { token: await inviteToken(), password: 'a long enough secret' } }),
    },
    'POST /api/me/password': {
      permission: 'profile:self',
      ok: 204,
      valid: async () => ({ body: { currentPassword: 'flexdesk', newPassword: 'a long enough secret' } }),
      // The demo accounts keep their password for the rest of the walk.
      cleanup: async (who) => {
        if (who !== 'anonymous')
          await t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE email = $1`, [ACCOUNTS[who], demoHash]);
      },
    },
    'GET /api/admin/people': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ query: 'query=mu&limit=5' }),
    },
    'GET /api/admin/people/export.csv': { permission: 'people:admin', ok: 200, valid: async () => ({}) },
    'POST /api/admin/people/import': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({
        send: async (caller, path) => {
          const form = new FormData();
          form.append(
            'file',
            new Blob(['email;name\nnew.person@example.com;New Person\n'], { type: 'text/csv' }),
            'people.csv',
          );
          const res = await fetch(`${caller.baseUrl}${path}`, {
            method: 'POST',
            headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
            body: form,
          });
          return { status: res.status, body: await res.json(), headers: res.headers };
        },
      }),
    },
    'POST /api/admin/people': {
      permission: 'people:admin',
      ok: 201,
      valid: async () => ({
        body: { email: `${randomUUID()}@example.com`, displayName: 'New Person', roles: ['employee'] },
      }),
    },
    'GET /api/admin/people/:id': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: receptionistId } }),
    },
    'PATCH /api/admin/people/:id': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: (await newPerson()).id }, body: { displayName: 'Renamed Person' } }),
    },
    'POST /api/admin/people/:id/password-reset': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: (await newPerson()).id } }),
    },
    'POST /api/admin/people/:id/deactivate': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: (await newPerson()).id } }),
    },
    'POST /api/admin/people/:id/reactivate': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => {
        const { id } = await newPerson();
        await admin.post(`/api/admin/people/${id}/deactivate`);
        return { params: { id } };
      },
    },
    'GET /api/admin/groups': { permission: 'people:admin', ok: 200, valid: async () => ({}) },
    'POST /api/admin/groups': {
      permission: 'people:admin',
      ok: 201,
      valid: async () => ({ body: { name: `Team ${randomUUID().slice(0, 8)}` } }),
    },
    'PUT /api/admin/groups/:id': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: await newGroup() }, body: { name: `Renamed ${randomUUID().slice(0, 8)}` } }),
    },
    'DELETE /api/admin/groups/:id': {
      permission: 'people:admin',
      ok: 204,
      valid: async () => ({ params: { id: await newGroup() } }),
    },
    'PUT /api/admin/groups/:id/members/:userId': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: await newGroup(), userId: (await newPerson()).id } }),
    },
    'DELETE /api/admin/groups/:id/members/:userId': {
      permission: 'people:admin',
      ok: 200,
      valid: async () => ({ params: { id: await newGroup(), userId: (await newPerson()).id } }),
    },
    'GET /api/auth/providers': { permission: 'public', ok: 200, valid: async () => ({}) },
    // This app has no identity provider configured (sso.int-spec.ts walks the real flow).
    'GET /api/auth/oidc/login': { permission: 'public', ok: 404, valid: async () => ({ query: 'returnTo=/book' }) },
    'GET /api/auth/oidc/callback': { permission: 'public', ok: 404, valid: async () => ({ query: 'code=x&state=y' }) },
    'GET /scim/v2/ServiceProviderConfig': { permission: 'scim', ok: 200, valid: async () => ({}) },
    'GET /scim/v2/ResourceTypes': { permission: 'scim', ok: 200, valid: async () => ({}) },
    'GET /scim/v2/Schemas': { permission: 'scim', ok: 200, valid: async () => ({}) },
    'GET /scim/v2/Users': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({ query: `filter=${encodeURIComponent('userName eq "employee@example.com"')}` }),
    },
    'POST /scim/v2/Users': { permission: 'scim', ok: 201, valid: async () => ({ body: scimUser() }) },
    'GET /scim/v2/Users/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({ params: { id: await newScimUser() } }),
    },
    'PUT /scim/v2/Users/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({ params: { id: await newScimUser() }, body: scimUser() }),
    },
    'PATCH /scim/v2/Users/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({
        params: { id: await newScimUser() },
        body: { schemas: [SCIM_PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
      }),
    },
    'DELETE /scim/v2/Users/:id': {
      permission: 'scim',
      ok: 204,
      valid: async () => ({ params: { id: await newScimUser() } }),
    },
    'GET /scim/v2/Groups': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({ query: 'excludedAttributes=members' }),
    },
    'POST /scim/v2/Groups': {
      permission: 'scim',
      ok: 201,
      valid: async () => ({ body: { displayName: `SCIM ${randomUUID().slice(0, 8)}` } }),
    },
    'GET /scim/v2/Groups/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({ params: { id: await newScimGroup() } }),
    },
    'PUT /scim/v2/Groups/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({
        params: { id: await newScimGroup() },
        body: { displayName: `SCIM ${randomUUID().slice(0, 8)}`, members: [] },
      }),
    },
    'PATCH /scim/v2/Groups/:id': {
      permission: 'scim',
      ok: 200,
      valid: async () => ({
        params: { id: await newScimGroup() },
        body: {
          schemas: [SCIM_PATCH],
          Operations: [{ op: 'Add', path: 'members', value: [{ value: await newScimUser() }] }],
        },
      }),
    },
    'DELETE /scim/v2/Groups/:id': {
      permission: 'scim',
      ok: 204,
      valid: async () => ({ params: { id: await newScimGroup() } }),
    },
    'GET /api/audit': {
      permission: 'audit:read',
      ok: 200,
      valid: async () => ({ query: 'limit=5&entityType=building' }),
    },
    'GET /api/me/notification-preferences': { permission: 'profile:self', ok: 200, valid: async () => ({}) },
    'PUT /api/me/notification-preferences': {
      permission: 'profile:self',
      ok: 200,
      valid: async () => ({ body: { checkin_reminder: true } }),
    },
    'GET /api/notifications/unsubscribe': {
      permission: 'public',
      ok: 200,
      valid: async () => ({ query: `token=${await unsubscribeToken()}` }),
    },
    'POST /api/notifications/unsubscribe': {
      permission: 'public',
      ok: 200,
      valid: async () => ({ query: `token=${await unsubscribeToken()}` }),
    },
    'GET /api/admin/notifications': {
      permission: 'notifications:admin',
      ok: 200,
      valid: async () => ({ query: 'status=parked' }),
    },
    'POST /api/admin/notifications/:id/retry': {
      permission: 'notifications:admin',
      ok: 200,
      valid: async () => ({ params: { id: await parkedMessage() } }),
    },
    'DELETE /api/admin/notifications/:id': {
      permission: 'notifications:admin',
      ok: 204,
      valid: async () => ({ params: { id: await parkedMessage() } }),
    },
    'GET /api/admin/webhooks': { permission: 'notifications:admin', ok: 200, valid: async () => ({}) },
    'POST /api/admin/webhooks': {
      permission: 'notifications:admin',
      ok: 201,
      // A public address written as such: no DNS needed. Removed again, so nothing is ever delivered.
      valid: async () => ({ body: { url: 'https://93.184.215.14/flexdesk', eventTypes: ['building.closed'] } }),
      cleanup: async () => void (await t.dataSource.query(`DELETE FROM webhooks`)),
    },
    'DELETE /api/admin/webhooks/:id': {
      permission: 'notifications:admin',
      ok: 204,
      valid: async () => ({ params: { id: await scratchWebhook() } }),
    },
    'GET /api/admin/webhooks/:id/deliveries': {
      permission: 'notifications:admin',
      ok: 200,
      valid: async () => ({ params: { id: await scratchWebhook() } }),
    },
    'GET /api/insights/utilisation': {
      permission: 'insights:read',
      ok: 200,
      valid: async () => ({ query: `buildingId=${rathaus.id}&from=2026-11-01&to=2026-11-30` }),
    },
    'GET /api/insights/utilisation.csv': {
      permission: 'insights:read',
      ok: 200,
      valid: async () => ({ query: `buildingId=${rathaus.id}&from=2026-11-01&to=2026-11-30&table=weeks` }),
    },
    'GET /api/insights/utilisation.xlsx': {
      permission: 'insights:read',
      ok: 200,
      valid: async () => ({ query: `buildingId=${rathaus.id}&from=2026-11-01&to=2026-11-30` }),
    },
    'GET /api/privacy': { permission: 'profile:self', ok: 200, valid: async () => ({ query: 'lang=en' }) },
    'GET /api/me/export': { permission: 'profile:self', ok: 200, valid: async () => ({ query: 'lang=en' }) },
  };

  /** A token of the employee's unsubscribe link, as a mail would carry it. */
  const unsubscribeToken = async () => t.created.app.get(UnsubscribeTokens).sign(employeeId, 'checkin_reminder');
  /** A message that failed too often, for an admin to retry or discard. */
  const parkedMessage = async () =>
    (
      await t.dataSource.query(
        `INSERT INTO outbox (channel, kind, dedupe_key, recipient_id, status) VALUES ('mail', 'booking_confirmed', gen_random_uuid()::text, $1, 'parked') RETURNING id`,
        [employeeId],
      )
    )[0].id as string;
  /** An inactive endpoint (never delivered to). */
  const scratchWebhook = async () =>
    (
      await t.dataSource.query(
        `INSERT INTO webhooks (url, event_types, secret, active) VALUES ('https://93.184.215.14/x', '{building.closed}', 'whsec_AAAA', false) RETURNING id`,
      )
    )[0].id as string;

  beforeAll(async () => {
    // The walk sends some 150 requests without a SCIM token from one address: no lockout here (scim.int-spec tests it).
    t = await startTestApp(NOW, { SCIM_TOKEN, LOGIN_RATE_LIMIT_FAILURES: '1000' });
    scimClient = new Api(t.url);
    scimClient.token = SCIM_TOKEN;
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
    employeeId = (await api('employee').get<Me>('/api/me')).body.id;
    [{ hash: demoHash }] = await t.dataSource.query(`SELECT password_hash AS hash FROM users WHERE email = $1`, [
      ACCOUNTS.employee,
    ]);
    // Someone who shows their name, for the colleague routes.
    [{ id: followableId }] = await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, roles, show_name_to_colleagues)
       VALUES ('followable@example.com', 'Fiona Folgbar', $1, '{employee}', true) RETURNING id`,
      [demoHash],
    );
    const feed = await api('employee').post('/api/me/calendar-feed');
    feedFile = (feed.body.url as string).split('/').pop() as string;
  });
  afterAll(() => t?.close());

  const key = (r: RouteAccess) => `${r.method} ${r.path}`;
  const mayCall = (who: Who, r: RouteAccess) =>
    r.access === 'public' || (r.access !== 'scim' && who !== 'anonymous' && can({ roles: [who] }, r.access));
  /** Sessions are no SCIM token: provisioning routes refuse every person with 401. */
  const refusal = (who: Who, r: RouteAccess) => (who === 'anonymous' || r.access === 'scim' ? 401 : 403);
  /** Refused as expected: problem+json with its code, or SCIM's error form on SCIM routes. */
  const refusedWith = (res: Res, status: number) =>
    res.status === status &&
    (res.body?.code === (status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN') || res.body?.status === String(status));

  async function call(who: Who, route: RouteAccess, request: Call, fixture: Fixture): Promise<Res> {
    return callAs(fixture.freshSession ? await sessionFor(who) : api(who), route, request, fixture);
  }

  async function callAs(caller: Api, route: RouteAccess, request: Call, fixture: Fixture): Promise<Res> {
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
          if (!refusedWith(empty, refusal(who, route))) wrong.push(`${label} {}: ${empty.status} ${empty.body?.code}`);
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
        const expected = allowed ? fixture.ok : refusal(who, route);
        if (valid.status !== expected)
          wrong.push(
            `${label} valid: ${valid.status} (expected ${expected}) ${JSON.stringify(valid.body)?.slice(0, 160)}`,
          );
        if (allowed && valid.status === fixture.ok) await fixture.cleanup?.(who);
        if (!allowed && !refusedWith(valid, expected)) wrong.push(`${label} valid: code ${valid.body?.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the provisioning client on every SCIM route with its token', async () => {
    const scimRoutes = routes.filter((r) => r.access === 'scim');
    expect(scimRoutes.length).toBeGreaterThanOrEqual(15);
    const wrong: string[] = [];
    for (const route of scimRoutes) {
      const fixture = FIXTURES[key(route)];
      const empty = await callAs(scimClient, route, {}, fixture);
      if (empty.status >= 500 || empty.status === 401) wrong.push(`scim ${key(route)} {}: ${empty.status}`);
      const valid = await callAs(scimClient, route, await fixture.valid(scimClient, 'admin'), fixture);
      if (valid.status !== fixture.ok)
        wrong.push(`scim ${key(route)} valid: ${valid.status} ${JSON.stringify(valid.body)?.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every editing, admin, reception and audit route to an employee before reading the body', async () => {
    const privileged = routes.filter(
      (r) => r.access !== 'public' && r.access !== 'scim' && !can({ roles: ['employee'] }, r.access),
    );
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
