import type { EntityManager } from 'typeorm';

/** Why bookings change in a transaction, as the notifications tell the booker. */
export type OutboxCause = 'layout' | 'absence' | 'offboarding' | 'waitlist' | 'series'
  /** Demo data: no message at all. */
  | 'seed';

/**
 * Tells the outbox trigger (migration AddNotificationOutbox) why the bookings this transaction
 * changes change, and who changed them. Transaction-local: it ends with the transaction, and the
 * messages themselves are written by the trigger in the same transaction as the change.
 */
export async function outboxCause(m: EntityManager, cause: OutboxCause | null, actorId: string | null = null): Promise<void> {
  await m.query(`SELECT set_config('flexdesk.cause', $1, true), set_config('flexdesk.actor', $2, true)`, [
    cause ?? '',
    actorId ?? '',
  ]);
}
