import { createServer, type Server, type Socket } from 'node:net';
import type { Booking, BuildingSummary, Floor, FloorAvailability } from '@flexdesk/shared-contracts';
import { loggedIn } from './support/http';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = '2026-12-07T07:00:00Z';

/**
 * An API dies between the commit of a booking and the sending of its mail; another instance (a
 * restart) sends it, once. Needs a server database that outlives the first instance (DATABASE_URL);
 * the embedded in-memory database dies with its process.
 */
const onServer = process.env['DATABASE_URL'] ? describe : describe.skip;

onServer('notifications: an instance dies between commit and send', () => {
  let first: TestApp | null = null;
  let second: TestApp | null = null;
  let sink: SmtpSink;
  let black: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    // A mail server that accepts the connection and never answers: the first instance's send hangs.
    black = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => black.listen(0, '127.0.0.1', () => r()));
  });

  afterAll(async () => {
    await first?.close().catch(() => undefined);
    await second?.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => black.close(r));
    await sink.stop();
  });

  it('sends the mail of a committed booking exactly once after the instance that took it died', async () => {
    const port = (black.address() as { port: number }).port;
    const env = { PUBLIC_URL: 'https://desks.example.org', NOTIFY_LEASE_SECONDS: '3', NOTIFY_RETRY_SECONDS: '1' };
    first = await startTestApp(NOW, { ...env, SMTP_URL: `smtp://127.0.0.1:${port}` });
    const employee = await loggedIn(first.url, 'employee@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    const floorId = rathaus?.floors.find((f) => f.level === 0)?.id;
    const floor = (await employee.get<Floor>(`/api/floors/${floorId}`)).body;
    const availability = (await employee.get<FloorAvailability>(`/api/floors/${floorId}/availability?date=2026-12-08`))
      .body;
    const free = new Set(availability.spaces.filter((s) => s.state === 'free' && !s.assigned).map((s) => s.spaceId));
    const restricted = new Set(floor.zones.filter((z) => z.restrictedToGroupIds.length).map((z) => z.id));
    const desk = floor.spaces.find(
      (s) => s.kind === 'desk' && free.has(s.id) && !s.restrictedToGroupIds.length && !restricted.has(s.zoneId ?? ''),
    );
    const booking = (
      await employee.post<Booking>('/api/bookings', { spaceId: desk?.id, date: '2026-12-08', slot: 'day' })
    ).body;
    // The first instance has taken the message and hangs in the send.
    for (const until = Date.now() + 5000; ;) {
      const [row] = await first.dataSource.query(`SELECT attempts, status FROM outbox WHERE booking_id = $1`, [
        booking.id,
      ]);
      if (row?.attempts === 1 && row.status === 'pending' && sockets.size > 0) break;
      if (Date.now() > until) throw new Error(`not taken: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // It dies with the message taken and unsent (its lease runs out); the next instance starts.
    await first.close().catch(() => undefined);
    first = null;
    for (const s of sockets) s.destroy();
    second = await startTestApp(NOW, { ...env, SMTP_URL: sink.url }, { keepData: true });
    const mails = await sink.waitFor(
      (m) => m.messageId === `<${booking.id}.0.booking_confirmed@desks.example.org>`,
      1,
      15_000,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(sink.mails.filter((m) => m.messageId === mails[0].messageId)).toHaveLength(1);
  });
});
