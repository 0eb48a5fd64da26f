import type { EntityManager } from 'typeorm';

/** Why bookings change in a transaction, as the notifications tell the booker. */
export type OutboxCause =
  | 'layout'
  | 'absence'
  | 'offboarding'
  | 'waitlist'
  | 'series'
  /** Demo data: no message at all. */
  | 'seed';

/**
 * Tells the outbox trigger (migration AddNotificationOutbox) why the bookings this transaction
 * changes change, and who changed them. Transaction-local: it ends with the transaction, and the
 * messages themselves are written by the trigger in the same transaction as the change.
 */
export async function outboxCause(
  m: EntityManager,
  cause: OutboxCause | null,
  actorId: string | null = null,
): Promise<void> {
  await m.query(`SELECT set_config('flexdesk.cause', $1, true), set_config('flexdesk.actor', $2, true)`, [
    cause ?? '',
    actorId ?? '',
  ]);
}

/**
 * An event for the webhooks subscribed to `type`, written to the outbox in the caller's transaction
 * (booking events are written by the outbox trigger instead). `data` carries ids and times only.
 */
export async function webhookEvent(
  m: EntityManager,
  type: 'layout.published' | 'building.closed',
  data: Record<string, unknown>,
): Promise<void> {
  await m.query(
    `INSERT INTO outbox (channel, kind, dedupe_key, webhook_id, payload)
     SELECT 'webhook', $1, 'webhook:' || w.id || ':' || $1 || ':' || e.id, w.id, $2::jsonb
       FROM webhooks w, (SELECT gen_random_uuid() AS id) e
      WHERE w.active AND $1 = ANY(w.event_types)`,
    [type, JSON.stringify(data)],
  );
}

/**
 * The mail with a set-password link (an invitation or a reset), in the transaction that issues the
 * link. The link is the only copy of the token outside the person's hands: the dispatcher removes
 * it from the row once the mail is sent, skipped or parked.
 */
export async function accountMail(
  m: EntityManager,
  userId: string,
  purpose: 'invite' | 'reset',
  tokenHash: string,
  link: { url: string; expiresAt: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO outbox (channel, kind, dedupe_key, recipient_id, payload) VALUES ('mail', $1, $2, $3, $4)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      purpose === 'invite' ? 'account_invite' : 'password_reset',
      `mail:token:${tokenHash}`,
      userId,
      JSON.stringify({ url: link.url, expiresAt: link.expiresAt.toISOString() }),
    ],
  );
}
