import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  Booking,
  Building,
  Floor,
  FloorAvailability,
  FloorLayout,
  FloorSummary,
  LayoutDraft,
  LayoutSpace,
  ProblemDetails,
  PublishResult,
} from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { startSecondInstance, startTestApp, type TestApp } from './support/test-app';

const NOW = '2026-12-07T07:00:00Z';
const HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' }));

function deskRow(count: number, prefix: string): LayoutSpace[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    zoneId: null,
    kind: 'desk' as const,
    label: `${prefix}.${String(i + 1).padStart(2, '0')}`,
    x: 20 + i * 70,
    y: 40,
    width: 60,
    height: 40,
    rotation: 0,
    attributes: ['monitor'],
    capacity: null,
    bookable: true,
    restrictedToGroupIds: [],
  }));
}

describe('editing buildings, floors and layouts', () => {
  let t: TestApp;
  let facility: Api;
  let employee: Api;
  let admin: Api;
  let building: Building;
  let floor: FloorSummary;

  beforeAll(async () => {
    t = await startTestApp(NOW);
    facility = await loggedIn(t.url, 'facility@example.com');
    employee = await loggedIn(t.url, 'employee@example.com');
    admin = await loggedIn(t.url, 'admin@example.com');
  });
  afterAll(() => t?.close());

  /** A new 1000 × 500 floor of the test's building, as the facility manager creates it. */
  const newFloor = async (name: string, level: number) =>
    (
      await facility.post<FloorSummary>(`/api/buildings/${building.id}/floors`, {
        name,
        level,
        width: 1000,
        height: 500,
      })
    ).body;

  it('lets only facility managers create buildings, and validates them fully', async () => {
    const body = {
      name: 'Bürgerbüro Nord',
      address: 'Nordstraße 5',
      timeZone: 'Europe/Berlin',
      openingHours: HOURS,
      midday: '12:00',
    };
    expect((await employee.post('/api/buildings', body)).status).toBe(403);
    const bad = await facility.post<ProblemDetails>('/api/buildings', {
      ...body,
      timeZone: 'Mars/Olympus',
      openingHours: [
        { weekday: 1, open: '18:00', close: '08:00' },
        { weekday: 1, open: '08:00', close: '12:00' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual([
      'openingHours[0].close',
      'openingHours[1].weekday',
      'timeZone',
    ]);
    const created = await facility.post<Building>('/api/buildings', body);
    expect(created.status).toBe(201);
    building = created.body;
    expect(building).toMatchObject({ name: 'Bürgerbüro Nord', timeZone: 'Europe/Berlin', floors: [] });
  });

  it('adds a list of public holidays at once and sets booking rules', async () => {
    const closures = await facility.post<Building>(`/api/buildings/${building.id}/closures`, {
      closures: [
        { date: '2026-12-24', reason: 'Heiligabend' },
        { date: '2026-12-25', reason: 'Weihnachten' },
        { date: '2026-12-31', reason: 'Silvester' },
      ],
    });
    expect(closures.status).toBe(200);
    expect(closures.body.closures.map((c) => c.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-31']);
    // The same day twice in one list (found by the fuzz suite: it was a 500) or a year 0: refused, nothing written.
    const twice = await facility.post<ProblemDetails>(`/api/buildings/${building.id}/closures`, {
      closures: [
        { date: '2027-01-01', reason: 'Neujahr' },
        { date: '2027-01-01', reason: 'Neujahr' },
      ],
    });
    expect([twice.status, twice.body.errors?.map((e) => e.path)]).toEqual([400, ['closures[1].date']]);
    const yearZero = await facility.request<ProblemDetails>(
      'DELETE',
      `/api/buildings/${building.id}/closures/0000-01-01`,
    );
    expect(yearZero.status).toBe(400);
    const unchanged = await facility.get<Building>(`/api/buildings/${building.id}`);
    expect(unchanged.body.closures.map((c) => c.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-31']);

    const invalid = await facility.request<ProblemDetails>('PUT', `/api/buildings/${building.id}/policies`, {
      room: { slotStepMinutes: 7 },
      desk: { horizonDays: -1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((e) => e.path).sort()).toEqual(['desk.horizonDays', 'room.slotStepMinutes']);
    const ok = await facility.request<Building>('PUT', `/api/buildings/${building.id}/policies`, {
      desk: { horizonDays: 28, checkInRequired: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.policies.desk).toMatchObject({ horizonDays: 28, checkInRequired: true, maxPerDay: 1 });

    // A stored room maximum of 2 h and, in a later request, a building-wide minimum of 3 h conflict
    // once merged, although neither request does on its own.
    const roomMax = await facility.request<Building>('PUT', `/api/buildings/${building.id}/policies`, {
      room: { maxDurationMinutes: 120 },
    });
    expect(roomMax.status).toBe(200);
    const clash = await facility.request<ProblemDetails>('PUT', `/api/buildings/${building.id}/policies`, {
      building: { minDurationMinutes: 180 },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.errors?.map((e) => e.path)).toContain('room.minDurationMinutes');
    const after = await facility.get<Building>(`/api/buildings/${building.id}`);
    expect(after.body.policies.room.maxDurationMinutes).toBe(120);
    expect(after.body.policies.desk.minDurationMinutes).not.toBe(180);
  });

  it('drafts a layout employees do not see until it is published, refusing stale saves', async () => {
    floor = await newFloor('EG', 0);
    const draft = (await facility.get<LayoutDraft>(`/api/floors/${floor.id}/layout/draft`)).body;
    expect(draft).toMatchObject({
      draftVersion: 0,
      unpublished: false,
      layout: { zones: [], spaces: [] },
      publishedAt: null,
      publishedBy: null,
    });
    expect((await employee.get(`/api/floors/${floor.id}/layout/draft`)).status).toBe(403);

    const zoneId = randomUUID();
    const layout: FloorLayout = {
      plan: { width: 1000, height: 500, scale: 50 },
      zones: [
        {
          id: zoneId,
          name: 'Team Nord',
          color: '#2e7d32',
          polygon: [
            { x: 0, y: 0 },
            { x: 800, y: 0 },
            { x: 800, y: 200 },
            { x: 0, y: 200 },
          ],
          restrictedToGroupIds: [],
        },
      ],
      spaces: deskRow(10, 'N').map((s) => ({ ...s, zoneId })),
    };
    const saved = await facility.request<LayoutDraft>('PUT', `/api/floors/${floor.id}/layout/draft`, {
      draftVersion: 0,
      layout,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ draftVersion: 1, unpublished: true, updatedBy: 'Fatma Yılmaz' });
    expect((await employee.get<Floor>(`/api/floors/${floor.id}`)).body.spaces).toHaveLength(0);

    // A colleague still holding version 0 cannot overwrite it.
    const stale = await admin.request<ProblemDetails>('PUT', `/api/floors/${floor.id}/layout/draft`, {
      draftVersion: 0,
      layout: { ...layout, spaces: [] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    const published = await facility.post<PublishResult>(`/api/floors/${floor.id}/layout/publish`, { draftVersion: 1 });
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ publishedVersion: 2, cancelledBookings: [] });
    // The editor tells who published the version people see, and when.
    const after = (await admin.get<LayoutDraft>(`/api/floors/${floor.id}/layout/draft`)).body;
    expect(after).toMatchObject({ publishedVersion: 2, publishedBy: 'Fatma Yılmaz', unpublished: false });
    expect(Math.abs(Date.parse(after.publishedAt as string) - Date.now())).toBeLessThan(60_000);
    const seen = (await employee.get<Floor>(`/api/floors/${floor.id}`)).body;
    expect(seen.spaces.map((s) => s.label)).toEqual(deskRow(10, 'N').map((s) => s.label));
    expect(seen.zones[0].name).toBe('Team Nord');
    const booking = await employee.post<Booking>('/api/bookings', {
      spaceId: seen.spaces[0].id,
      date: '2026-12-08',
      slot: 'day',
    });
    expect(booking.status).toBe(201);
  });

  it('shows the bookings a removal would cancel, and cancels them only when confirmed', async () => {
    const current = (await facility.get<LayoutDraft>(`/api/floors/${floor.id}/layout/draft`)).body;
    const [removed, ...rest] = current.layout.spaces;
    const saved = (
      await facility.request<LayoutDraft>('PUT', `/api/floors/${floor.id}/layout/draft`, {
        draftVersion: current.draftVersion,
        layout: { ...current.layout, spaces: rest },
      })
    ).body;

    const refused = await facility.post<ProblemDetails>(`/api/floors/${floor.id}/layout/publish`, {
      draftVersion: saved.draftVersion,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('AFFECTED_BOOKINGS');
    expect(refused.body.affectedBookings).toEqual([
      {
        id: expect.any(String),
        spaceLabel: removed.label,
        start: '2026-12-08T08:00:00.000+01:00',
        end: '2026-12-08T18:00:00.000+01:00',
      },
    ]);
    expect((await employee.get<Floor>(`/api/floors/${floor.id}`)).body.spaces).toHaveLength(10);

    const done = await facility.post<PublishResult>(`/api/floors/${floor.id}/layout/publish`, {
      draftVersion: saved.draftVersion,
      cancelAffectedBookings: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.cancelledBookings).toHaveLength(1);
    const cancelled = (await employee.get<Booking>(`/api/bookings/${done.body.cancelledBookings[0].id}`)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, spaceLabel: removed.label });
    expect((await employee.get<Floor>(`/api/floors/${floor.id}`)).body.spaces.map((s) => s.id)).not.toContain(
      removed.id,
    );
  });

  it('shows a publish in the availability of every instance at once, but not an assignment', async () => {
    const date = '2026-12-09';
    const own = await newFloor('OG', 1);
    const zoneId = randomUUID();
    const desks = deskRow(4, 'S').map((d) => ({ ...d, zoneId }));
    const zone = {
      id: zoneId,
      name: 'Süd',
      color: '#2e7d32',
      polygon: [
        { x: 0, y: 0 },
        { x: 900, y: 0 },
        { x: 900, y: 200 },
      ],
      restrictedToGroupIds: [] as string[],
    };
    const publish = async (layout: FloorLayout) => {
      const { draftVersion } = (await facility.get<LayoutDraft>(`/api/floors/${own.id}/layout/draft`)).body;
      const saved = await facility.request<LayoutDraft>('PUT', `/api/floors/${own.id}/layout/draft`, {
        draftVersion,
        layout,
      });
      expect(saved.status).toBe(200);
      const published = await facility.post(`/api/floors/${own.id}/layout/publish`, {
        draftVersion: saved.body.draftVersion,
      });
      expect(published.status).toBe(200);
    };
    await publish({ plan: { width: 1000, height: 500, scale: 50 }, zones: [zone], spaces: desks });

    const availability = async (base?: string) => {
      const api = base ? Object.assign(new Api(base), { token: employee.token }) : employee;
      return (await api.get<FloorAvailability>(`/api/floors/${own.id}/availability?date=${date}`)).body;
    };
    const stamp = async () =>
      (
        (await t.dataSource.query(`SELECT spaces_changed_at::text AS s FROM floors WHERE id = $1`, [own.id])) as {
          s: string;
        }[]
      )[0].s;
    // A second instance over the same server database keeps its own copy of the floor's spaces.
    const second = process.env['DATABASE_URL'] ? await startSecondInstance(t) : null;
    try {
      const before = await availability();
      expect(before.spaces.map((s) => [s.spaceId, s.state])).toEqual(desks.map((d) => [d.id, 'free']));
      if (second) expect(await availability(second.url)).toEqual(before);

      // Assigning a desk changes nothing availability keeps of the spaces: the floor's stamp stays.
      const stampBefore = await stamp();
      const { id: employeeId } = (await employee.get<{ id: string }>('/api/me')).body;
      expect((await facility.put(`/api/spaces/${desks[3].id}/assignee`, { userId: employeeId })).status).toBe(200);
      expect(await stamp()).toBe(stampBefore);
      expect((await availability()).spaces[3]).toMatchObject({ state: 'mine', assigned: { mine: true } });

      // Drop a desk, relabel one to sort first and restrict the zone to a group the employee is not in.
      const [{ id: bauamt }] = (await t.dataSource.query(`SELECT id FROM groups WHERE name = 'Bauamt'`)) as {
        id: string;
      }[];
      await publish({
        plan: { width: 1000, height: 500, scale: 50 },
        zones: [{ ...zone, restrictedToGroupIds: [bauamt] }],
        spaces: [desks[0], { ...desks[2], label: 'A.01' }, desks[3]],
      });
      expect(await stamp()).not.toBe(stampBefore);
      for (const base of second ? [undefined, second.url] : [undefined]) {
        const after = await availability(base);
        expect(after.spaces.map((s) => [s.spaceId, s.state])).toEqual([
          [desks[2].id, 'unavailable'],
          [desks[0].id, 'unavailable'],
          [desks[3].id, 'unavailable'],
        ]);
      }
    } finally {
      await second?.close();
    }
  });

  it('imports an exported floor only after full validation, changing nothing on failure', async () => {
    const source = (await facility.get<FloorLayout>(`/api/floors/${floor.id}/layout`)).body;
    const target = await newFloor('OG', 1);

    // Ids of another floor may not be taken over; and every broken field is reported at once.
    const broken = {
      ...source,
      spaces: source.spaces.map((s, i) =>
        i === 0 ? { ...s, label: source.spaces[1].label } : i === 2 ? { ...s, width: 0 } : s,
      ),
    };
    const res = await facility.request<ProblemDetails>('PUT', `/api/floors/${target.id}/layout/draft`, {
      draftVersion: 0,
      layout: broken,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['layout.spaces[1].label', 'layout.spaces[2].width']),
    );
    const foreign = await facility.request<ProblemDetails>('PUT', `/api/floors/${target.id}/layout/draft`, {
      draftVersion: 0,
      layout: source,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0].message).toBe('belongs to another floor');
    expect((await facility.get<LayoutDraft>(`/api/floors/${target.id}/layout/draft`)).body.draftVersion).toBe(0);

    // With fresh ids (what the editor's import does) it goes through.
    const zoneIds = new Map(source.zones.map((z) => [z.id, randomUUID()]));
    const imported: FloorLayout = {
      ...source,
      zones: source.zones.map((z) => ({ ...z, id: zoneIds.get(z.id) ?? '' })),
      spaces: source.spaces.map((s) => ({
        ...s,
        id: randomUUID(),
        zoneId: s.zoneId ? (zoneIds.get(s.zoneId) ?? null) : null,
      })),
    };
    const ok = await facility.request<LayoutDraft>('PUT', `/api/floors/${target.id}/layout/draft`, {
      draftVersion: 0,
      layout: imported,
    });
    expect(ok.status).toBe(200);
    expect(
      (await facility.post(`/api/floors/${target.id}/layout/publish`, { draftVersion: ok.body.draftVersion })).status,
    ).toBe(200);
    expect((await employee.get<Floor>(`/api/floors/${target.id}`)).body.spaces).toHaveLength(9);
  });

  it('refuses to delete a floor with future bookings, and keeps an audit trail for admins', async () => {
    const other = (await employee.get<Floor>(`/api/floors/${floor.id}`)).body;
    expect(
      (await employee.post('/api/bookings', { spaceId: other.spaces[0].id, date: '2026-12-09', slot: 'day' })).status,
    ).toBe(201);
    const del = await facility.delete<ProblemDetails>(`/api/floors/${floor.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('HAS_FUTURE_BOOKINGS');

    expect((await facility.get('/api/audit')).status).toBe(403);
    const audit = await admin.get<AuditEntry[]>('/api/audit?limit=50');
    expect(audit.status).toBe(200);
    const actions = audit.body.map((a) => `${a.entityType}:${a.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'building:create',
        'closures:add',
        'policies:update',
        'floor:create',
        'layout:save-draft',
        'layout:publish',
      ]),
    );
    expect(audit.body.every((a) => a.actorName === 'Fatma Yılmaz')).toBe(true);
  });

  it('filters the audit log by what, whom, who and when, refusing impossible dates', async () => {
    const get = (query: string) => admin.get<AuditEntry[]>(`/api/audit?${query}`);
    const layouts = await get('entityType=layout');
    expect(layouts.body.length).toBeGreaterThan(0);
    expect(layouts.body.every((a) => a.entityType === 'layout')).toBe(true);

    const ofFloor = await get(`entityId=${floor.id}`);
    expect(ofFloor.body.length).toBeGreaterThan(0);
    expect(ofFloor.body.every((a) => a.entityId === floor.id)).toBe(true);

    const facilityId = ofFloor.body[0].actorId as string;
    expect(
      (await get(`actorId=${facilityId}&action=publish`)).body.every(
        (a) => a.action === 'publish' && a.actorId === facilityId,
      ),
    ).toBe(true);
    expect((await get(`actorId=${randomUUID()}`)).body).toEqual([]);

    // The entries were written today (database clock); an old range finds none, today's all of them.
    const today = new Date().toISOString().slice(0, 10);
    expect((await get('from=2020-01-01&to=2020-12-31')).body).toEqual([]);
    expect((await get(`from=${today}&to=${today}&limit=500`)).body.length).toBe((await get('limit=500')).body.length);

    // Paging backwards by id.
    const [newest, second] = (await get('limit=2')).body;
    expect((await get(`limit=1&before=${newest.id}`)).body[0].id).toBe(second.id);

    for (const bad of [
      'from=2026-02-30',
      'to=2026-13-01',
      'from=2026-12-08&to=2026-12-01',
      'entityType=person',
      'before=99999999999999999999',
      'limit=0',
    ]) {
      const res = await admin.get<ProblemDetails>(`/api/audit?${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });
});
