import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_CHECK_IN_REMINDER_MINUTES, DEFAULT_POLICIES } from '@flexdesk/shared-domain';
import type { BookingStatus, Locale, OutboxMessage, SpaceKind } from '@flexdesk/shared-contracts';

/** A message claimed for sending: this instance has it until `leaseSeconds` pass. */
export interface ClaimedMessage {
  id: string;
  channel: 'mail' | 'webhook';
  kind: string;
  dedupeKey: string;
  recipientId: string | null;
  webhookId: string | null;
  bookingId: string | null;
  sequence: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

/** Everything a booking mail needs, read when it is sent. */
export interface BookingMailContext {
  bookingId: string;
  status: BookingStatus;
  currentSequence: number;
  spaceKind: SpaceKind;
  spaceLabel: string;
  floorName: string;
  buildingName: string;
  timeZone: string;
  start: Date;
  end: Date;
  createdAt: Date;
  seriesId: string | null;
  creatorId: string | null;
  graceMinutes: number;
  email: string;
  displayName: string;
  locale: Locale;
  active: boolean;
  preferences: Record<string, boolean>;
}

/** Effective policy value for the booking's space (kind override, building, default). */
const policyValue = (key: string, cast: string, first: number) => `COALESCE(
  (SELECT (rules->>'${key}')::${cast} FROM policies p WHERE p.building_id = f.building_id AND p.space_kind = s.kind),
  (SELECT (rules->>'${key}')::${cast} FROM policies p WHERE p.building_id = f.building_id AND p.space_kind = '*'),
  (CASE s.kind WHEN 'desk' THEN $${first}::${cast} WHEN 'room' THEN $${first + 1}::${cast} ELSE $${first + 2}::${cast} END))`;

const MESSAGE_COLUMNS = `id, channel, kind, status, attempts, last_error AS "lastError", booking_id AS "bookingId",
  webhook_id AS "webhookId", created_at AS "createdAt", next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt"`;

type MessageRow = Omit<OutboxMessage, 'createdAt' | 'nextAttemptAt' | 'sentAt'> & {
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
};

const toMessage = (r: MessageRow): OutboxMessage => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
});

/** The outbox table: claiming, settling, listing and purging messages. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the oldest due message, if any, for `leaseSeconds`: other dispatchers skip the locked row
   * while it is taken and do not see it until the lease ends, so each message is worked on by one
   * instance at a time, and one that crashed mid-send is tried again after the lease.
   * `channels` limits what is taken (no SMTP server: webhooks only).
   */
  async claim(leaseSeconds: number, channels: readonly string[]): Promise<ClaimedMessage | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
        WHERE o.id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY($2::text[])
                       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.channel, o.kind, o.dedupe_key AS "dedupeKey", o.recipient_id AS "recipientId",
                  o.webhook_id AS "webhookId", o.booking_id AS "bookingId", o.sequence, o.payload, o.attempts,
                  o.created_at AS "createdAt"`,
      [leaseSeconds, channels],
    );
    return (rows as ClaimedMessage[])[0] ?? null;
  }

  async markSent(id: string, status: 'sent' | 'skipped', note: string | null = null): Promise<void> {
    // A set-password link in the payload is not kept once it has left (or will not leave).
    await this.dataSource.query(
      `UPDATE outbox SET status = $2, sent_at = now(), last_error = $3, payload = payload - 'url' WHERE id = $1`,
      [id, status, note],
    );
  }

  /** A failed attempt: retried after `delaySeconds`, or parked when `park`. */
  async markFailed(id: string, error: string, delaySeconds: number, park: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET last_error = left($2, 500), status = CASE WHEN $4 THEN 'parked' ELSE 'pending' END,
              payload = CASE WHEN $4 THEN payload - 'url' ELSE payload END,
              next_attempt_at = now() + make_interval(secs => $3)
        WHERE id = $1`,
      [id, error, delaySeconds, park],
    );
  }

  /** Seconds until the next pending message of `channels` is due (null: none is waiting). */
  async secondsUntilNextDue(channels: readonly string[]): Promise<number | null> {
    const [row]: { seconds: number | null }[] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM min(next_attempt_at) - now())::float8 AS seconds FROM outbox
        WHERE status = 'pending' AND channel = ANY($1::text[])`,
      [channels],
    );
    return row?.seconds ?? null;
  }

  /** Without an SMTP server, mails are not kept for later: they would all leave at once when one is set up. */
  async skipPendingMail(): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE outbox SET status = 'skipped', sent_at = now(), last_error = 'no SMTP server configured', payload = payload - 'url'
        WHERE channel = 'mail' AND status = 'pending'`,
    );
    return Number(count) || 0;
  }

  async recipient(
    userId: string,
  ): Promise<{ email: string; displayName: string; locale: Locale; active: boolean } | null> {
    const rows = await this.dataSource.query(
      `SELECT email, display_name AS "displayName", locale, active FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async bookingMailContext(bookingId: string, recipientId: string): Promise<BookingMailContext | null> {
    const d = DEFAULT_POLICIES;
    const rows: BookingMailContext[] = await this.dataSource.query(
      `SELECT bk.id AS "bookingId", bk.status, bk.sequence AS "currentSequence", s.kind AS "spaceKind",
              s.label AS "spaceLabel", f.name AS "floorName", b.name AS "buildingName", b.time_zone AS "timeZone",
              bk.start_at AS start, bk.end_at AS "end", bk.created_at AS "createdAt", bk.series_id AS "seriesId",
              bk.creator_id AS "creatorId",
              ${policyValue('checkInGraceMinutes', 'int', 3)} AS "graceMinutes",
              u.email, u.display_name AS "displayName", u.locale, u.active,
              u.notification_preferences AS preferences
         FROM bookings bk
         JOIN spaces s ON s.id = bk.space_id
         JOIN floors f ON f.id = s.floor_id
         JOIN buildings b ON b.id = f.building_id
         JOIN users u ON u.id = $2
        WHERE bk.id = $1`,
      [bookingId, recipientId, d.desk.checkInGraceMinutes, d.room.checkInGraceMinutes, d.parking.checkInGraceMinutes],
    );
    return rows[0] ?? null;
  }

  /**
   * Check-in reminders: confirmed bookings that need a check-in and start within their building's
   * (or kind's) lead time after `now`, and were not made within it anyway. Idempotent: one reminder
   * per booking and sequence (`dedupe_key`), so every instance may run it. Returns how many were written.
   */
  async writeDueReminders(now: Date): Promise<number> {
    const d = DEFAULT_POLICIES;
    const lead = policyValue('checkInReminderMinutes', 'int', 5);
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO outbox (channel, kind, dedupe_key, recipient_id, booking_id, sequence)
       SELECT 'mail', 'checkin_reminder', 'mail:' || b.id || ':' || b.sequence || ':checkin_reminder', b.booker_id, b.id, b.sequence
         FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN floors f ON f.id = s.floor_id
        WHERE b.status = 'confirmed' AND b.booker_id IS NOT NULL
          AND b.local_date BETWEEN $1::timestamptz::date - 1 AND $1::timestamptz::date + 2
          AND b.start_at > $1::timestamptz
          AND ${policyValue('checkInRequired', 'boolean', 2)}
          AND ${lead} > 0
          AND b.start_at <= $1::timestamptz + make_interval(mins => ${lead})
          AND b.created_at < b.start_at - make_interval(mins => ${lead})
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        now,
        d.desk.checkInRequired,
        d.room.checkInRequired,
        d.parking.checkInRequired,
        DEFAULT_CHECK_IN_REMINDER_MINUTES,
        DEFAULT_CHECK_IN_REMINDER_MINUTES,
        DEFAULT_CHECK_IN_REMINDER_MINUTES,
      ],
    );
    return rows.length;
  }

  async list(status: 'parked' | 'pending' | 'sent', limit: number): Promise<OutboxMessage[]> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [status, limit],
    );
    return rows.map(toMessage);
  }

  async listForWebhook(webhookId: string, limit: number): Promise<OutboxMessage[]> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE webhook_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [webhookId, limit],
    );
    return rows.map(toMessage);
  }

  /** A parked message goes back to the queue with a fresh count of attempts. */
  async retry(id: string): Promise<OutboxMessage | null> {
    const [rows]: [MessageRow[], number] = await this.dataSource.query(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND status = 'parked'
       RETURNING ${MESSAGE_COLUMNS}`,
      [id],
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async discard(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM outbox WHERE id = $1 AND status = 'parked'`, [id]);
    return Number(count) > 0;
  }
}
