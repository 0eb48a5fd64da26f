import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SpaceKind, WaitlistEntry, WaitlistStatus } from '@flexdesk/shared-contracts';
import { ACTIVE, ASSIGNED_TO_OTHER } from '../bookings/bookings.repository';
import { isUniqueViolation } from '../database/pg-errors';

/** Advisory lock namespace for serving one floor's waiting list on one day. */
const SERVE_LOCK_NAMESPACE = 42_010;

export interface WaitingRow {
  id: string;
  userId: string;
  floorId: string;
  spaceId: string | null;
  kind: SpaceKind;
  attributes: string[];
  date: string;
  slot: 'day' | 'am' | 'pm';
}

export interface CandidateSpace {
  id: string;
  kind: SpaceKind;
  attributes: string[];
  restrictedToGroupIds: string[];
  zoneRestrictedToGroupIds: string[];
}

const ENTRY_SELECT = `
  SELECT w.id, w.floor_id AS "floorId", f.name AS "floorName", w.space_id AS "spaceId", s.label AS "spaceLabel", w.kind, w.attributes,
         to_char(w.local_date, 'YYYY-MM-DD') AS date, w.slot, w.status, w.booking_id AS "bookingId",
         CASE WHEN w.status = 'waiting' THEN (
           SELECT count(*)::int FROM waitlist_entries o
            WHERE o.floor_id = w.floor_id AND o.local_date = w.local_date AND o.kind = w.kind AND o.status = 'waiting'
              AND (o.created_at, o.id) <= (w.created_at, w.id)) END AS position
    FROM waitlist_entries w JOIN floors f ON f.id = w.floor_id LEFT JOIN spaces s ON s.id = w.space_id`;

/**
 * People waiting for a space on a day, served first come, first served. Serving one floor's day
 * runs under an advisory lock, so however many instances hear that a space was freed, they take
 * turns: each sees what the one before did, nobody is booked twice and nobody is passed over.
 */
@Injectable()
export class WaitlistRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the person already waits for the same thing that day. */
  async create(e: Omit<WaitingRow, 'id'>): Promise<string | null> {
    try {
      const [row]: { id: string }[] = await this.dataSource.query(
        `INSERT INTO waitlist_entries (user_id, floor_id, space_id, kind, attributes, local_date, slot) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [e.userId, e.floorId, e.spaceId, e.kind, e.attributes, e.date, e.slot],
      );
      return row.id;
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async find(userId: string, id: string): Promise<WaitlistEntry | null> {
    const rows: WaitlistEntry[] = await this.dataSource.query(`${ENTRY_SELECT} WHERE w.id = $1 AND w.user_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  /** The person's entries for `today` and later. */
  async listForUser(userId: string, today: string): Promise<WaitlistEntry[]> {
    return this.dataSource.query(`${ENTRY_SELECT} WHERE w.user_id = $1 AND w.local_date >= $2 ORDER BY w.local_date, w.created_at`, [
      userId,
      today,
    ]);
  }

  /** Stops waiting; false when there is no such entry of this person. */
  async cancel(userId: string, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE waitlist_entries SET status = CASE WHEN status = 'waiting' THEN 'cancelled' ELSE status END WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Floors and days with people waiting, oldest day first (the job's sweep). */
  async waitingDays(limit: number): Promise<{ floorId: string; date: string }[]> {
    return this.dataSource.query(
      `SELECT floor_id AS "floorId", to_char(local_date, 'YYYY-MM-DD') AS date FROM waitlist_entries
        WHERE status = 'waiting' GROUP BY floor_id, local_date ORDER BY local_date, floor_id LIMIT $1`,
      [limit],
    );
  }

  /** Days between `from` and `to` on which someone waits on the floor. */
  async waitingDaysOnFloor(floorId: string, from: string, to: string): Promise<string[]> {
    const rows: { date: string }[] = await this.dataSource.query(
      `SELECT DISTINCT to_char(local_date, 'YYYY-MM-DD') AS date FROM waitlist_entries
        WHERE floor_id = $1 AND status = 'waiting' AND local_date BETWEEN $2 AND $3 ORDER BY 1`,
      [floorId, from, to],
    );
    return rows.map((r) => r.date);
  }

  async waiting(floorId: string, date: string): Promise<WaitingRow[]> {
    return this.dataSource.query(
      `SELECT id, user_id AS "userId", floor_id AS "floorId", space_id AS "spaceId", kind, attributes, to_char(local_date, 'YYYY-MM-DD') AS date, slot
         FROM waitlist_entries WHERE floor_id = $1 AND local_date = $2 AND status = 'waiting' ORDER BY created_at, id`,
      [floorId, date],
    );
  }

  async candidates(floorId: string): Promise<CandidateSpace[]> {
    return this.dataSource.query(
      `SELECT s.id, s.kind, s.attributes, s.restricted_group_ids AS "restrictedToGroupIds", COALESCE(z.restricted_group_ids, '{}') AS "zoneRestrictedToGroupIds"
         FROM spaces s LEFT JOIN zones z ON z.id = s.zone_id
        WHERE s.floor_id = $1 AND s.archived_at IS NULL AND s.bookable
        ORDER BY s.label`,
      [floorId],
    );
  }

  /**
   * Serves one floor's day exclusively: `work` gets the transaction (it may use only `m`: the
   * embedded database has one connection) and the ids still waiting, locked, in queue order.
   */
  async serveExclusively<T>(floorId: string, date: string, work: (m: EntityManager, waitingIds: string[]) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SERVE_LOCK_NAMESPACE, `${floorId}:${date}`]);
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM waitlist_entries WHERE floor_id = $1 AND local_date = $2 AND status = 'waiting' ORDER BY created_at, id FOR UPDATE`,
        [floorId, date],
      );
      return work(
        m,
        rows.map((r) => r.id),
      );
    });
  }

  /** Of `spaceIds`, those free from `start` to `end` and not someone else's assigned desk that day, in the given order. */
  async freeAmong(m: EntityManager, spaceIds: string[], personId: string, date: string, start: Date, end: Date): Promise<string[]> {
    if (!spaceIds.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT s.id FROM unnest($1::uuid[]) WITH ORDINALITY AS s (id, n)
        WHERE NOT EXISTS (SELECT 1 FROM bookings bk WHERE bk.space_id = s.id AND bk.status IN ${ACTIVE}
                             AND tstzrange(bk.start_at, bk.end_at, '[)') && tstzrange($4, $5, '[)'))
          AND NOT ${ASSIGNED_TO_OTHER('s.id', '$2::uuid', '$3::date')}
        ORDER BY s.n`,
      [spaceIds, personId, date, start, end],
    );
    return rows.map((r) => r.id);
  }

  async settle(m: EntityManager, id: string, status: Exclude<WaitlistStatus, 'waiting'>, bookingId: string | null = null): Promise<void> {
    await m.query(`UPDATE waitlist_entries SET status = $2, booking_id = $3, served_at = now() WHERE id = $1`, [id, status, bookingId]);
  }
}
