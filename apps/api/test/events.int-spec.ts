import type {
  Booking,
  BookingChangedEvent,
  BuildingSummary,
  Floor,
  FloorAvailability,
} from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { SseReader } from './support/sse';
import { type SecondInstance, startSecondInstance, startTestApp, type TestApp } from './support/test-app';

const change = (spaceId: string, status: string) => (m: { event: string; data: string }) =>
  m.event === 'change' &&
  (JSON.parse(m.data) as BookingChangedEvent).spaceId === spaceId &&
  JSON.parse(m.data).status === status;

describe('live booking events (SSE fed by LISTEN/NOTIFY)', () => {
  let t: TestApp;
  let employee: Api;
  let ground: Floor;
  let parkingFloorId: string;
  const streams: SseReader[] = [];
  const open = async (base: string, query: string) => {
    const s = await SseReader.open(`${base}/api/events${query}`, employee.token ?? '');
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp('2026-12-07T07:00:00Z');
    employee = await loggedIn(t.url, 'employee@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    ground = (await employee.get<Floor>(`/api/floors/${rathaus?.floors.find((f) => f.level === 0)?.id}`)).body;
    parkingFloorId = rathaus?.floors.find((f) => f.level === -1)?.id ?? '';
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t?.close();
  });

  it('streams a booking and its cancellation to a client following the floor, and nothing else', async () => {
    const floorStream = await open(t.url, `?floorId=${ground.id}`);
    const otherFloor = await open(t.url, `?floorId=${parkingFloorId}`);
    expect(floorStream.status).toBe(200);
    expect(floorStream.contentType).toContain('text/event-stream');
    await floorStream.next((m) => m.event === 'ready');

    const avail = (await employee.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=2026-12-08`)).body;
    const desk = ground.spaces.find(
      (s) => s.kind === 'desk' && avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    const created = await employee.post<Booking>('/api/bookings', {
      spaceId: desk?.id,
      date: '2026-12-08',
      slot: 'day',
    });
    expect(created.status).toBe(201);
    const event = JSON.parse((await floorStream.next(change(desk?.id ?? '', 'confirmed'))).data) as BookingChangedEvent;
    expect(event).toEqual({
      type: 'booking',
      op: 'insert',
      bookingId: created.body.id,
      spaceId: desk?.id,
      floorId: ground.id,
      buildingId: ground.buildingId,
      date: '2026-12-08',
      status: 'confirmed',
    });
    // No names or person ids travel in events.
    expect(JSON.stringify(event)).not.toMatch(/Erika|booker/i);

    expect((await employee.delete(`/api/bookings/${created.body.id}`)).status).toBe(204);
    await floorStream.next(change(desk?.id ?? '', 'cancelled'));
    await otherFloor.next((m) => m.event === 'ready');
    expect(otherFloor.all().filter((m) => m.event === 'change')).toEqual([]);
  });

  it('refuses anonymous listeners and invalid filters', async () => {
    const anon = await fetch(`${t.url}/api/events`);
    expect(anon.status).toBe(401);
    const bad = await new Api(t.url).get('/api/events?floorId=nope', { authorization: `Bearer ${employee.token}` });
    expect(bad.status).toBe(400);
  });

  const onServer = process.env['DATABASE_URL'] ? it : it.skip;
  onServer('reaches a client connected to another API instance', async () => {
    let second: SecondInstance | null = null;
    try {
      second = await startSecondInstance(t);
      const remote = await open(second.url, `?buildingId=${ground.buildingId}`);
      await remote.next((m) => m.event === 'ready');
      const avail = (await employee.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=2026-12-09`))
        .body;
      const desk = ground.spaces.find(
        (s) => s.kind === 'desk' && avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
      );
      const sent = Date.now();
      expect((await employee.post('/api/bookings', { spaceId: desk?.id, date: '2026-12-09', slot: 'am' })).status).toBe(
        201,
      );
      await remote.next(change(desk?.id ?? '', 'confirmed'), 2000);
      expect(Date.now() - sent).toBeLessThan(2000);
      remote.close();
    } finally {
      await second?.close();
    }
  });
});
