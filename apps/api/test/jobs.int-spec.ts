import pg from 'pg';
import type { Booking, BuildingSummary, Floor } from '@flexdesk/shared-contracts';
import { JOB_LOCKS } from '../src/jobs/jobs.repository';
import { JobsService } from '../src/jobs/jobs.service';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 Berlin. Rooms in the demo Rathaus require check-in, 15 minutes' grace.
const NOW = '2026-12-07T07:00:00Z';

describe('background jobs', () => {
  let t: TestApp;
  let employee: Api;
  let jobs: JobsService;
  let ground: Floor;
  const room = (label: string) => ground.spaces.find((s) => s.label === label)?.id;

  beforeAll(async () => {
    t = await startTestApp(NOW);
    jobs = t.created.app.get(JobsService);
    employee = await loggedIn(t.url, 'employee@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    ground = (await employee.get<Floor>(`/api/floors/${rathaus?.floors.find((f) => f.level === 0)?.id}`)).body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  it('releases a no-show after the grace period, once, and frees the space', async () => {
    const noShow = await employee.post<Booking>('/api/bookings', {
      spaceId: room('Besprechung Main'),
      start: '2026-12-07T10:00:00+01:00',
      end: '2026-12-07T11:00:00+01:00',
    });
    const present = await employee.post<Booking>('/api/bookings', {
      spaceId: room('Besprechung Rhein'),
      start: '2026-12-07T10:00:00+01:00',
      end: '2026-12-07T11:00:00+01:00',
    });
    expect([noShow.status, present.status]).toEqual([201, 201]);

    t.clock.set('2026-12-07T09:05:00Z'); // 10:05 local: check-in window open
    expect((await employee.post(`/api/bookings/${present.body.id}/check-in`)).status).toBe(200);

    t.clock.set('2026-12-07T09:14:00Z'); // 10:14: still within grace
    expect(await jobs.releaseNoShows()).toEqual([]);

    t.clock.set('2026-12-07T09:16:00Z'); // 10:16: grace over
    expect(await jobs.releaseNoShows()).toEqual([noShow.body.id]);
    const released = (await employee.get<Booking>(`/api/bookings/${noShow.body.id}`)).body;
    expect(released).toMatchObject({ status: 'released', sequence: noShow.body.sequence + 1 });
    expect((await employee.get<Booking>(`/api/bookings/${present.body.id}`)).body.status).toBe('checked_in');

    // After downtime the job catches up, but never releases twice.
    t.clock.set('2026-12-07T15:00:00Z');
    expect(await jobs.releaseNoShows()).toEqual([]);

    // The room is free again for someone else.
    t.clock.set('2026-12-07T09:20:00Z');
    const employee2 = await loggedIn(t.url, 'employee2@example.com');
    const rebook = await employee2.post('/api/bookings', {
      spaceId: room('Besprechung Main'),
      start: '2026-12-07T10:30:00+01:00',
      end: '2026-12-07T11:00:00+01:00',
    });
    expect(rebook.status).toBe(201);
  });

  it('never releases bookings whose policy does not require check-in', async () => {
    const desk = await employee.post<Booking>('/api/bookings', {
      spaceId: ground.spaces.find((s) => s.label === '0.30')?.id,
      date: '2026-12-07',
      slot: 'day',
    });
    expect(desk.status).toBe(201);
    t.clock.set('2026-12-07T17:00:00Z');
    expect(await jobs.releaseNoShows()).not.toContain(desk.body.id);
    expect((await employee.get<Booking>(`/api/bookings/${desk.body.id}`)).body.status).toBe('confirmed');
  });

  it('purges the people from bookings older than the retention period, keeping the rest', async () => {
    t.clock.set('2027-06-01T07:00:00Z'); // far beyond 90 days after the December bookings
    const result = await jobs.purge();
    expect(result?.bookings).toBeGreaterThan(0);
    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE booker_id IS NOT NULL)::int AS named, count(*)::int AS total
         FROM bookings WHERE end_at < '2027-03-01'`,
    );
    expect(row.named).toBe(0);
    expect(row.total).toBeGreaterThan(0);
  });

  const onServer = process.env['DATABASE_URL'] ? it : it.skip;
  onServer('skips a run while another instance holds the job', async () => {
    const other = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [JOB_LOCKS.release]);
      expect(await jobs.releaseNoShows()).toBeNull();
      await other.query('COMMIT');
      expect(await jobs.releaseNoShows()).toEqual([]);
    } finally {
      await other.end();
    }
  });
});
