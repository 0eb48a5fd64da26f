import { createServer } from 'node:net';
import type { BuildingSummary, Floor, FloorAvailability } from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { SseReader } from './support/sse';
import { startTestApp, type TestApp } from './support/test-app';

/** Operations (issue #15): caching headers, CSP, metrics, live-stream cap. */

const NOW = '2026-12-07T08:30:00Z';
const TOKEN = 'metrics-token-0123456789abcdef';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe('operations', () => {
  let t: TestApp;
  let employee: Api;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    t = await startTestApp(NOW, {
      METRICS_TOKEN: TOKEN,
      METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
      EVENT_STREAMS_PER_PERSON: '2',
    });
    employee = await loggedIn(t.url, 'employee@example.com');
  });
  afterAll(() => t?.close());

  const scrape = async (base: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/metrics`, { headers });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
  };
  /** A metric's value from the Prometheus text format, 0 when absent. */
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('marks personal JSON as not to be stored by any cache', async () => {
    for (const path of ['/api/me', '/api/bookings', '/api/buildings']) {
      const res = await employee.get(path);
      expect({ path, status: res.status, cache: res.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cache: 'no-store',
      });
    }
    const problem = await new Api(t.url).get('/api/me');
    expect(problem.headers.get('cache-control')).toBe('no-store');
  });

  it('serves Prometheus metrics only with the token on the main port, and without on METRICS_PORT', async () => {
    expect((await scrape(t.url)).status).toBe(401);
    expect((await scrape(t.url, { authorization: 'Bearer wrong-token-0123456789abcdef' })).status).toBe(401);
    const main = await scrape(t.url, { authorization: `Bearer ${TOKEN}` });
    expect(main.status).toBe(200);
    expect(main.type).toContain('text/plain');
    const side = await scrape(`http://127.0.0.1:${metricsPort}`);
    expect(side.status).toBe(200);
    for (const name of [
      'flexdesk_http_request_duration_seconds_bucket',
      'flexdesk_db_pool_connections',
      'flexdesk_live_event_streams',
      'flexdesk_process_resident_memory_bytes',
    ]) {
      expect(side.text).toContain(name);
    }
    // Latency by route pattern, not by concrete URL (ids would explode the label set).
    expect(side.text).toContain('route="/api/me"');
    expect(side.text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('counts bookings created and cancelled, and open live streams', async () => {
    const before = (await scrape(`http://127.0.0.1:${metricsPort}`)).text;
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find((b) => b.timeZone === 'Europe/Berlin');
    // The employee's first free desk on an open day (one desk per person and day).
    let request: { spaceId: string; date: string; slot: 'day' } | null = null;
    search: for (let day = 8; day <= 18; day++) {
      const date = `2026-12-${String(day).padStart(2, '0')}`;
      for (const summary of rathaus?.floors ?? []) {
        const floor = (await employee.get<Floor>(`/api/floors/${summary.id}`)).body;
        const avail = (await employee.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=${date}`)).body;
        if (!avail.open || avail.spaces.some((a) => a.state === 'mine')) continue search;
        const desk = floor.spaces.find(
          (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
        );
        if (desk) {
          request = { spaceId: desk.id, date, slot: 'day' };
          break search;
        }
      }
    }
    const booked = await employee.post('/api/bookings', request);
    expect(booked.status).toBe(201);
    expect((await employee.delete(`/api/bookings/${booked.body.id}`)).status).toBe(204);
    const stream = await SseReader.open(`${t.url}/api/events`, employee.token as string);
    await stream.next((m) => m.event === 'ready');
    const after = (await scrape(`http://127.0.0.1:${metricsPort}`)).text;
    stream.close();
    for (const event of ['created', 'cancelled']) {
      const series = `flexdesk_bookings_total{event="${event}"}`;
      expect({ event, delta: value(after, series) - value(before, series) }).toEqual({ event, delta: 1 });
    }
    expect(value(after, 'flexdesk_live_event_streams')).toBe(value(before, 'flexdesk_live_event_streams') + 1);
  });

  it('caps the live-event streams one person holds, and frees a place when one closes', async () => {
    const open = [
      await SseReader.open(`${t.url}/api/events`, employee.token as string),
      await SseReader.open(`${t.url}/api/events`, employee.token as string),
    ];
    try {
      expect(open.map((s) => s.status)).toEqual([200, 200]);
      const third = await employee.get('/api/events');
      expect({ status: third.status, code: third.body.code }).toEqual({ status: 429, code: 'TOO_MANY_STREAMS' });
      // Someone else is not affected.
      const other = await loggedIn(t.url, 'employee2@example.com');
      const theirs = await SseReader.open(`${t.url}/api/events`, other.token as string);
      expect(theirs.status).toBe(200);
      theirs.close();
      open.pop()?.close();
      let again: SseReader | null = null;
      for (let i = 0; i < 50 && !again; i++) {
        const candidate = await SseReader.open(`${t.url}/api/events`, employee.token as string);
        if (candidate.status === 200) again = candidate;
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(again?.status).toBe(200);
      again?.close();
    } finally {
      open.forEach((s) => s.close());
    }
  });

  // Last: a second app on a server database resets the shared data, sessions included.
  it('does not ask browsers to upgrade to HTTPS on a plain-HTTP installation', async () => {
    const csp = (await new Api(t.url).get('/api/health/live')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const https = await startTestApp(NOW, { PUBLIC_URL: 'https://desks.example.org' });
    try {
      const secure = (await new Api(https.url).get('/api/health/live')).headers.get('content-security-policy') ?? '';
      expect(secure).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
