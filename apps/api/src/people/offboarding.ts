import type { EntityManager } from 'typeorm';
import { outboxCause } from '../database/outbox-cause';

/**
 * Offboarding, in the caller's transaction, whoever asks (an admin, or the provisioning client):
 * sign-in stops and every session ends at once, the calendar feed is revoked, unused set-password
 * links die, and bookings that have not ended by `now` are cancelled (calendars and live events
 * follow). Past bookings stay for statistics until the privacy purge removes the name. Returns
 * null when the person was inactive already.
 */
export async function offboard(
  m: EntityManager,
  userId: string,
  now: Date,
): Promise<{ cancelledBookings: number; endedSessions: number } | null> {
  const [rows]: [{ id: string }[], number] = await m.query(
    `UPDATE users SET active = false, deactivated_at = now(), calendar_token_hash = NULL, updated_at = now()
      WHERE id = $1 AND active RETURNING id`,
    [userId],
  );
  if (!rows.length) return null;
  const [, endedSessions] = await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  await m.query(`DELETE FROM password_tokens WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  await outboxCause(m, 'offboarding');
  const [, cancelledBookings] = await m.query(
    `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
      WHERE booker_id = $1 AND status IN ('confirmed', 'checked_in') AND end_at > $2`,
    [userId, now],
  );
  return { cancelledBookings: Number(cancelledBookings) || 0, endedSessions: Number(endedSessions) || 0 };
}

/** Sign-in works again; cancelled bookings stay cancelled. Returns whether the person was inactive. */
export async function reinstate(m: EntityManager, userId: string): Promise<boolean> {
  const [rows]: [{ id: string }[], number] = await m.query(
    `UPDATE users SET active = true, deactivated_at = NULL, updated_at = now() WHERE id = $1 AND NOT active RETURNING id`,
    [userId],
  );
  return rows.length > 0;
}

/**
 * Deletes a group; zones and spaces restricted to it lose that restriction (a restriction to a
 * group that no longer exists would lock everyone out). Returns whether it existed.
 */
export async function deleteGroup(m: EntityManager, groupId: string): Promise<boolean> {
  for (const table of ['zones', 'spaces']) {
    await m.query(
      `UPDATE ${table} SET restricted_group_ids = array_remove(restricted_group_ids, $1::uuid) WHERE $1::uuid = ANY (restricted_group_ids)`,
      [groupId],
    );
  }
  const [, count] = await m.query(`DELETE FROM groups WHERE id = $1`, [groupId]);
  return Number(count) > 0;
}
