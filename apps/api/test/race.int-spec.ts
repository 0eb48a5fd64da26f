import type { BuildingSummary, Floor, FloorAvailability } from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { type SecondInstance, startSecondInstance, startTestApp, type TestApp } from './support/test-app';

const CONCURRENCY = 50;

async function race(apis: Api[], body: object): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) => apis[i % apis.length].post('/api/bookings', body)),
  );
  return results.map((r) => r.status);
}

describe('double booking under concurrency', () => {
  let t: TestApp;
  let second: SecondInstance | null = null;
  let apis: Api[];
  let floor: Floor;

  beforeAll(async () => {
    t = await startTestApp('2026-12-07T07:00:00Z', { LOGIN_RATE_LIMIT_PER_IP: '1000' });
    // 50 different people race for one desk, so the per-person limit is not what stops them.
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, roles)
       SELECT 'racer' || i || '@example.com', 'Racer ' || i, (SELECT password_hash FROM users WHERE email = 'employee@example.com'), '{employee}'
         FROM generate_series(1, $1) AS i`,
      [CONCURRENCY],
    );
    apis = [];
    for (let i = 1; i <= CONCURRENCY; i++) apis.push(await loggedIn(t.url, `racer${i}@example.com`));
    const buildings = (await apis[0].get<BuildingSummary[]>('/api/buildings')).body;
    const floorId = buildings
      .find((b) => b.timeZone === 'Europe/Berlin')
      ?.floors.find((f) => f.name === 'Erdgeschoss')?.id;
    floor = (await apis[0].get<Floor>(`/api/floors/${floorId}`)).body;

    // On a server database, a second API instance (own pool, own Nest app) shares the race.
    if (process.env['DATABASE_URL']) {
      second = await startSecondInstance(t);
      const url = second.url;
      // Every other racer goes through the second instance.
      apis = apis.map((api, i) => {
        if (i % 2 === 0) return api;
        const other = new Api(url);
        other.token = api.token;
        return other;
      });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it(`lets exactly one of ${CONCURRENCY} simultaneous requests for the same desk win`, async () => {
    const desk = floor.spaces.find((s) => s.label === '0.20');
    const statuses = await race(apis, { spaceId: desk?.id, date: '2026-12-15', slot: 'day' });
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENCY - 1);
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings WHERE space_id = $1 AND local_date = '2026-12-15' AND status IN ('confirmed', 'checked_in')`,
      [desk?.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('lets exactly one overlapping half day win, whatever the slot mix', async () => {
    const desk = floor.spaces.find((s) => s.label === '0.21');
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        apis[i % apis.length].post('/api/bookings', {
          spaceId: desk?.id,
          date: '2026-12-15',
          slot: i % 2 ? 'day' : 'am',
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  });

  it('keeps one desk per person per day when one person races for many desks', async () => {
    const me = apis[0];
    // Only desks free that day: a desk a colleague holds would answer 409 if it came first.
    const avail = (await me.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=2026-12-17`)).body;
    const free = new Set(avail.spaces.filter((s) => s.state === 'free').map((s) => s.spaceId));
    const desks = floor.spaces.filter((s) => s.kind === 'desk' && free.has(s.id)).slice(0, 20);
    expect(desks.length).toBeGreaterThanOrEqual(10);
    const results = await Promise.all(
      desks.map((d) => me.post('/api/bookings', { spaceId: d.id, date: '2026-12-17', slot: 'day' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(desks.length - 1);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'LIMIT_REACHED')).toBe(true);
  });
});
