import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  Booking,
  BuildingSummary,
  CreatedWebhook,
  Floor,
  FloorAvailability,
  NotificationPreferences,
  PrivacySheet,
} from '@flexdesk/shared-contracts';
import { Webhook } from 'standardwebhooks';
import { JobsService } from '../src/jobs/jobs.service';
import type ICALNamespace from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { Api, loggedIn } from './support/http';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin.
const NOW = '2026-12-07T07:00:00Z';
const PUBLIC_URL = 'https://desks.example.org';

let ICAL: typeof ICALNamespace;

/** The invite of a mail (the iMIP text/calendar part), parsed with ical.js. */
function inviteOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no text/calendar part in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent');
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event?.getFirstPropertyValue('uid')),
    sequence: Number(event?.getFirstPropertyValue('sequence')),
    status: String(event?.getFirstPropertyValue('status')),
  };
}

/** A header's value as it was sent (mailparser turns some into objects). */
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
};

describe('notifications: e-mail with calendar invites through the outbox', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let employee: Api;
  let employee2: Api;
  let admin: Api;
  let floor: Floor;
  /** Books a desk free that day (and not restricted) for the caller, or for `bookerId`. */
  const book = async (api: Api, date: string, bookerId?: string) => {
    const availability = (await api.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=${date}`)).body;
    const free = new Set(availability.spaces.filter((s) => s.state === 'free' && !s.assigned).map((s) => s.spaceId));
    const restricted = new Set(floor.zones.filter((z) => z.restrictedToGroupIds.length).map((z) => z.id));
    const desk = floor.spaces.find(
      (s) =>
        s.kind === 'desk' &&
        s.bookable &&
        free.has(s.id) &&
        !s.restrictedToGroupIds.length &&
        !restricted.has(s.zoneId ?? ''),
    );
    if (!desk) throw new Error(`no free desk on ${date}`);
    const res = await api.post<Booking>('/api/bookings', {
      spaceId: desk.id,
      date,
      slot: 'day',
      ...(bookerId ? { bookerId } : {}),
    });
    if (res.status !== 201) throw new Error(`booking ${desk.label} ${date}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const mailsFor = (bookingId: string) => (m: ParsedMail) => (m.messageId ?? '').startsWith(`<${bookingId}.`);

  beforeAll(async () => {
    ICAL = (await import('ical.js')).default;
    sink = await new SmtpSink().start();
    t = await startTestApp(NOW, {
      PUBLIC_URL,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Flexdesk <desks@example.org>',
      NOTIFY_RETRY_SECONDS: '1',
      WEBHOOK_ALLOW_INSECURE: 'true',
    });
    employee = await loggedIn(t.url, 'employee@example.com');
    employee2 = await loggedIn(t.url, 'employee2@example.com');
    admin = await loggedIn(t.url, 'admin@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    for (const f of rathaus?.floors ?? []) {
      const candidate = (await employee.get<Floor>(`/api/floors/${f.id}`)).body;
      if (candidate.spaces.filter((s) => s.kind === 'desk').length > 5) {
        floor = candidate;
        break;
      }
    }
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sends a German confirmation with an iMIP REQUEST, the same UID and SEQUENCE as the .ics download', async () => {
    const booking = await book(employee, '2026-12-08');
    const [mail] = await sink.waitFor(mailsFor(booking.id));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('employee@example.com');
    expect(mail.from?.text).toContain('desks@example.org');
    expect(mail.subject).toMatch(/^Buchung bestätigt: Schreibtisch /);
    expect(mail.text).toContain('Ihre Buchung ist bestätigt');
    expect(mail.text).toContain('Dienstag, 8. Dezember 2026');
    expect(mail.html).toContain('Ihre Buchung ist bestätigt');
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.messageId).toBe(`<${booking.id}.0.booking_confirmed@desks.example.org>`);
    expect(header(mail, 'list-unsubscribe')).toContain(`${PUBLIC_URL}/api/notifications/unsubscribe?token=`);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const invite = inviteOf(mail);
    const download = await employee.get<string>(`/api/bookings/${booking.id}/invite.ics`);
    const downloaded = new ICAL.Component(ICAL.parse(String(download.body))).getFirstSubcomponent('vevent');
    expect(invite).toEqual({ method: 'REQUEST', uid: `${booking.id}@flexdesk`, sequence: 0, status: 'CONFIRMED' });
    expect(String(downloaded?.getFirstPropertyValue('uid'))).toBe(invite.uid);
    expect(Number(downloaded?.getFirstPropertyValue('sequence'))).toBe(invite.sequence);
  });

  it('sends a CANCEL with a higher SEQUENCE when the booking is cancelled', async () => {
    const booking = await book(employee, '2026-12-09');
    await sink.waitFor(mailsFor(booking.id));
    expect((await employee.delete(`/api/bookings/${booking.id}`)).status).toBe(204);
    const [, cancel] = await sink.waitFor(mailsFor(booking.id), 2);
    expect(cancel.subject).toMatch(/^Buchung storniert: /);
    expect(cancel.text).toContain('Sie haben Ihre Buchung storniert');
    expect(cancel.messageId).toBe(`<${booking.id}.1.booking_cancelled@desks.example.org>`);
    expect(inviteOf(cancel)).toEqual({
      method: 'CANCEL',
      uid: `${booking.id}@flexdesk`,
      sequence: 1,
      status: 'CANCELLED',
    });
  });

  it('writes in English to someone who chose English, and says when someone else cancelled', async () => {
    expect((await employee2.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const me = (await employee2.get<{ id: string }>('/api/me')).body;
    // Booked for them by an admin: the confirmation says so.
    const booking = await book(admin, '2026-12-10', me.id);
    const [confirmed] = await sink.waitFor(mailsFor(booking.id));
    expect(confirmed.subject).toMatch(/^Booking confirmed: Desk /);
    expect(confirmed.text).toContain('A booking was made for you');
    expect(confirmed.text).toContain('Thursday, 10 December 2026');
    expect((await admin.delete(`/api/bookings/${booking.id}`)).status).toBe(204);
    const [, cancelled] = await sink.waitFor(mailsFor(booking.id), 2);
    expect(cancelled.subject).toMatch(/^Booking cancelled: /);
    expect(cancelled.text).toContain('Your booking was cancelled (by the front desk or the administration)');
    expect(inviteOf(cancelled).method).toBe('CANCEL');
  });

  it('delivers every mail exactly once after the SMTP server was down while bookings were made', async () => {
    await sink.stop();
    const made = [
      await book(employee, '2026-12-14'),
      await book(employee, '2026-12-15'),
      await book(employee2, '2026-12-15'),
    ];
    const ids = made.map((b) => b.id);
    // Each message has failed at least once and waits for its retry.
    for (const until = Date.now() + 10_000; ;) {
      const rows: { attempts: number; status: string }[] = await t.dataSource.query(
        `SELECT attempts, status FROM outbox WHERE booking_id = ANY($1::uuid[]) AND channel = 'mail'`,
        [ids],
      );
      if (rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.status === 'pending')) break;
      if (Date.now() > until) throw new Error(`messages did not fail as expected: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await sink.start();
    for (const id of ids) await sink.waitFor(mailsFor(id), 1, 15_000);
    // Time for any duplicate to show up (retries run every second or two here).
    await new Promise((r) => setTimeout(r, 2500));
    for (const id of ids) expect(sink.mails.filter(mailsFor(id))).toHaveLength(1);
    const rows: { status: string }[] = await t.dataSource.query(
      `SELECT status FROM outbox WHERE booking_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('keeps preferences per person and unsubscribes with one click from the link in the mail', async () => {
    const first = await book(employee, '2026-12-17');
    const [mail] = await sink.waitFor(mailsFor(first.id));
    // The link names PUBLIC_URL; the test reaches the same API at its own address.
    const link = (/<([^>]+)>/.exec(header(mail, 'list-unsubscribe'))?.[1] as string).replace(PUBLIC_URL, t.url);
    // Opening the link only asks; the POST (the mail client's one click) unsubscribes.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(
      (await employee.get<NotificationPreferences>('/api/me/notification-preferences')).body.booking_confirmed,
    ).toBe(true);
    const click = await fetch(link, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(click.status).toBe(200);
    const prefs = (await employee.get<NotificationPreferences>('/api/me/notification-preferences')).body;
    expect(prefs).toEqual({
      booking_confirmed: false,
      booking_cancelled: true,
      booking_released: true,
      checkin_reminder: true,
      waitlist_booked: true,
    });
    expect(
      (
        await fetch(
          link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          { method: 'POST' },
        )
      ).status,
    ).toBe(404);

    const quiet = await book(employee, '2026-12-18');
    for (const until = Date.now() + 5000; ;) {
      const [row] = await t.dataSource.query(
        `SELECT status, last_error AS "lastError" FROM outbox WHERE booking_id = $1`,
        [quiet.id],
      );
      if (row?.status === 'skipped') {
        expect(row.lastError).toBe('switched off by the person');
        break;
      }
      if (Date.now() > until) throw new Error(`not skipped: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(sink.mails.filter(mailsFor(quiet.id))).toHaveLength(0);
    const back = await employee.put<NotificationPreferences>('/api/me/notification-preferences', {
      booking_confirmed: true,
    });
    expect(back.body.booking_confirmed).toBe(true);
  });

  it('signs webhook deliveries per Standard Webhooks and retries with growing delays under one webhook-id', async () => {
    expect(
      (
        await admin.post('/api/admin/webhooks', {
          url: 'http://169.254.169.254/latest',
          eventTypes: ['booking.created'],
        })
      ).body.code,
    ).toBe('WEBHOOK_URL_REFUSED');
    const received: { at: number; headers: IncomingMessage['headers']; body: string; status: number }[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        // The first two attempts fail; the third is taken.
        const status = received.length < 2 ? 500 : 204;
        received.push({ at: Date.now(), headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      const created = await admin.post<CreatedWebhook>('/api/admin/webhooks', {
        url: `http://127.0.0.1:${port}/hook`,
        eventTypes: ['booking.created'],
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      expect(JSON.stringify((await admin.get('/api/admin/webhooks')).body)).not.toContain(created.body.secret);
      // The privacy sheet tells the staff council what leaves the system, from the running setup.
      const sheet = (await employee2.get<PrivacySheet>('/api/privacy?lang=en')).body;
      expect(sheet.notifications.find((n) => n.name === 'E-mail notifications')?.enabled).toBe(true);
      const hooks = sheet.notifications.find((n) => n.name === 'Webhooks');
      expect(hooks).toMatchObject({ enabled: true });
      expect(hooks?.detail).toMatch(/^1 endpoint\(s\) for booking\.created; .*never names/);
      expect(JSON.stringify(sheet)).not.toContain(`${port}`);

      const booking = await book(employee2, '2026-12-17');
      for (const until = Date.now() + 15_000; received.length < 3;) {
        if (Date.now() > until) throw new Error(`got ${received.length} deliveries`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const ids = new Set(received.map((r) => r.headers['webhook-id']));
      expect(ids.size).toBe(1);
      const verifier = new Webhook(created.body.secret);
      for (const r of received) {
        const payload = verifier.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { type: string; data: Record<string, unknown> };
        expect(payload.type).toBe('booking.created');
        expect(payload.data['bookingId']).toBe(booking.id);
        expect(JSON.stringify(payload)).not.toContain('@example.com');
      }
      // Backoff: about 1 s, then about 2 s (NOTIFY_RETRY_SECONDS=1).
      expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(900);
      expect(received[2].at - received[1].at).toBeGreaterThanOrEqual(1900);
      const log = (
        await admin.get<{ status: string; attempts: number }[]>(`/api/admin/webhooks/${created.body.id}/deliveries`)
      ).body;
      expect(log[0]).toMatchObject({ status: 'sent', attempts: 3 });
      expect((await admin.delete(`/api/admin/webhooks/${created.body.id}`)).status).toBe(204);

      // Events that are no booking's: written by the change's own transaction.
      const closed = await admin.post<CreatedWebhook>('/api/admin/webhooks', {
        url: `http://127.0.0.1:${port}/closed`,
        eventTypes: ['building.closed'],
      });
      const before = received.length;
      expect(
        (
          await admin.post(`/api/buildings/${floor.buildingId}/closures`, {
            closures: [{ date: '2026-12-30', reason: 'Inventur' }],
          })
        ).status,
      ).toBe(200);
      for (const until = Date.now() + 5000; received.length === before;) {
        if (Date.now() > until) throw new Error('no building.closed delivery');
        await new Promise((r) => setTimeout(r, 50));
      }
      const event = new Webhook(closed.body.secret).verify(received[before].body, {
        'webhook-id': String(received[before].headers['webhook-id']),
        'webhook-timestamp': String(received[before].headers['webhook-timestamp']),
        'webhook-signature': String(received[before].headers['webhook-signature']),
      });
      expect(event).toMatchObject({
        type: 'building.closed',
        data: { buildingId: floor.buildingId, closures: [{ date: '2026-12-30' }] },
      });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('parks a message after NOTIFY_MAX_ATTEMPTS failures; admins retry or discard it', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO outbox (channel, kind, dedupe_key, recipient_id, status, attempts, last_error)
       SELECT 'mail', 'booking_confirmed', 'test:parked', id, 'parked', 8, 'SMTP 550' FROM users WHERE email = 'employee@example.com' RETURNING id`,
    );
    const parked = (await admin.get<{ id: string; lastError: string }[]>('/api/admin/notifications')).body;
    expect(parked.find((m) => m.id === id)?.lastError).toBe('SMTP 550');
    expect((await employee.get('/api/admin/notifications')).status).toBe(403);
    expect((await admin.post(`/api/admin/notifications/${id}/retry`)).body).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    // This one can never be sent (it names no booking): the dispatcher parks it again at once.
    for (const until = Date.now() + 5000; ;) {
      const [row] = await t.dataSource.query(`SELECT status FROM outbox WHERE id = $1`, [id]);
      if (row.status === 'parked') break;
      if (Date.now() > until) throw new Error(`not parked again: ${row.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await admin.delete(`/api/admin/notifications/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/admin/notifications/${id}`)).body.code).toBe('NOTIFICATION_NOT_FOUND');
  });

  it('reminds the booker to check in, at the lead time before a booking that needs a check-in', async () => {
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.id === floor.buildingId,
    );
    let roomId: string | null = null;
    for (const f of rathaus?.floors ?? []) {
      const plan = (await employee.get<Floor>(`/api/floors/${f.id}`)).body;
      const restricted = new Set(plan.zones.filter((z) => z.restrictedToGroupIds.length).map((z) => z.id));
      const availability = (await employee.get<FloorAvailability>(`/api/floors/${f.id}/availability?date=2026-12-11`))
        .body;
      const free = new Set(availability.spaces.filter((x) => x.state === 'free').map((x) => x.spaceId));
      roomId =
        plan.spaces.find(
          (x) =>
            x.kind === 'room' &&
            x.bookable &&
            free.has(x.id) &&
            !x.restrictedToGroupIds.length &&
            !restricted.has(x.zoneId ?? ''),
        )?.id ?? null;
      if (roomId) break;
    }
    // Friday 2026-12-11, 10:00–11:00 in Berlin; rooms need a check-in by default.
    const res = await employee2.post<Booking>('/api/bookings', {
      spaceId: roomId,
      start: '2026-12-11T09:00:00Z',
      end: '2026-12-11T10:00:00Z',
    });
    expect(res.status).toBe(201);
    const jobs = t.created.app.get(JobsService);
    try {
      t.clock.set('2026-12-11T08:40:00Z');
      expect(await jobs.sendNotifications()).toBe(0);
      t.clock.set('2026-12-11T08:46:00Z');
      expect(await jobs.sendNotifications()).toBe(1);
      // Once per booking, however often the job runs.
      expect(await jobs.sendNotifications()).toBe(0);
    } finally {
      t.clock.reset();
    }
    const [reminder] = await sink.waitFor(
      (m) => m.messageId === `<${res.body.id}.0.checkin_reminder@desks.example.org>`,
    );
    expect(reminder.subject).toMatch(/^Please check in: Room /);
    expect(reminder.text).toContain('at the latest 15 minutes after it starts');
    expect(reminder.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toHaveLength(0);
  });

  it('mails the set-password link of an invitation, and keeps no copy of it once sent', async () => {
    const res = await admin.post<{ person: { id: string }; setPassword: { url: string } }>('/api/admin/people', {
      email: 'neu@example.com',
      displayName: 'Nina Neu',
      roles: ['employee'],
    });
    expect(res.status).toBe(201);
    const [mail] = await sink.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'neu@example.com');
    expect(mail.subject).toBe('Ihr Zugang zu Flexdesk');
    expect(mail.text).toContain(res.body.setPassword.url);
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
    for (const until = Date.now() + 5000; ;) {
      const [row] = await t.dataSource.query(`SELECT status, payload FROM outbox WHERE recipient_id = $1`, [
        res.body.person.id,
      ]);
      if (row?.status === 'sent') {
        expect(JSON.stringify(row.payload)).not.toContain('token=');
        break;
      }
      if (Date.now() > until) throw new Error(`not settled: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('says an absence cancelled the booking', async () => {
    // Monday 2026-12-21: booked, then an absence that day cancels it.
    const booking = await book(employee, '2026-12-21');
    await sink.waitFor(mailsFor(booking.id));
    expect((await employee.post('/api/me/absences', { from: '2026-12-21', to: '2026-12-21' })).status).toBe(201);
    const [, cancelled] = await sink.waitFor(mailsFor(booking.id), 2);
    expect(cancelled.text).toContain('Ihre Buchung wurde wegen Ihrer Abwesenheit storniert');
    expect(inviteOf(cancelled).method).toBe('CANCEL');
  });
});
