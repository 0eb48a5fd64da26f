import { Injectable } from '@nestjs/common';
import { prepared } from '../database/prepared';
import { DataSource, type EntityManager } from 'typeorm';
import { isPgError, PG_DEADLOCK as DEADLOCK } from '../database/pg-errors';
import { outboxCause } from '../database/outbox-cause';
import { managerSql, poolTransaction, type Sql } from '../database/pool-transaction';
import type {
  BookingSlot,
  BookingStatus,
  Closure,
  OpeningHours,
  PolicyOverride,
  SpaceKind,
} from '@flexdesk/shared-contracts';

export interface SpaceContext {
  id: string;
  kind: SpaceKind;
  label: string;
  bookable: boolean;
  spaceGroups: string[];
  zoneGroups: string[];
  floorId: string;
  buildingId: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
  buildingPolicy: PolicyOverride | null;
  kindPolicy: PolicyOverride | null;
  floorName: string;
  buildingName: string;
  /**
   * Closures within a day of the date asked about (none when no date was given; asked `onward`,
   * every one from the day before it on).
   */
  closures: Closure[];
  /** The building's `rules_changed_at` read with the rest (migration AddBuildingRulesStamp); text, as microseconds count. */
  rulesStamp: string;
}

export interface BookingRow {
  id: string;
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorId: string;
  floorName: string;
  buildingId: string;
  buildingName: string;
  timeZone: string;
  date: string;
  slot: BookingSlot;
  start: Date;
  end: Date;
  status: BookingStatus;
  bookerId: string | null;
  bookerName: string | null;
  bookerShowsName: boolean;
  creatorId: string | null;
  creatorName: string | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  sequence: number;
  seriesId: string | null;
}

export interface NewBooking {
  spaceId: string;
  spaceKind: SpaceKind;
  bookerId: string;
  creatorId: string;
  start: Date;
  end: Date;
  date: string;
  slot: BookingSlot;
  maxPerDay: number;
  /** An occurrence of this series. */
  seriesId?: string | null;
  /** Book only if the building's rules are still those read at `stamp` (rules an instance kept). */
  rulesRead?: { buildingId: string; stamp: string };
}

export type InsertResult = { ok: true; id: string; createdAt: Date } | { ok: false; reason: 'conflict' | 'limit' | 'assigned' };

/** Thrown by BookingsRepository.insert when the rules it was given (`rulesRead`) changed since. */
export class RulesChanged extends Error {}

/**
 * SQL: the spaces row `a` is its assignee's on `date`: assigned, not released that day (one by
 * one, or by the assignee's absence).
 */
export const HELD_BY_ASSIGNEE = (a: string, date: string) => `(${a}.assignee_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM assignment_releases r WHERE r.space_id = ${a}.id AND r.date = ${date})
     AND NOT EXISTS (SELECT 1 FROM absences ab WHERE ab.user_id = ${a}.assignee_id AND ${date} BETWEEN ab.from_date AND ab.to_date))`;

/** SQL: whether `space` is someone else's (not `person`'s) assigned desk on `date`. */
export const ASSIGNED_TO_OTHER = (space: string, person: string, date: string) =>
  `EXISTS (SELECT 1 FROM spaces a WHERE a.id = ${space} AND a.assignee_id IS DISTINCT FROM ${person} AND ${HELD_BY_ASSIGNEE('a', date)})`;

export interface FloorDayBooking {
  id: string;
  spaceId: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  bookerId: string | null;
  bookerName: string | null;
  bookerShowsName: boolean;
}

export const ACTIVE = `('confirmed', 'checked_in')`;
// Namespaces of the advisory locks (two-key form: namespace, hash).
const LIMIT_LOCK_NAMESPACE = 42_001;
export const SPACE_LOCK_NAMESPACE = 42_002;

const BOOKING_SELECT = `
  SELECT bk.id, bk.space_id AS "spaceId", s.label AS "spaceLabel", s.kind AS "spaceKind",
         f.id AS "floorId", f.name AS "floorName", b.id AS "buildingId", b.name AS "buildingName",
         b.time_zone AS "timeZone", to_char(bk.local_date, 'YYYY-MM-DD') AS date, bk.slot,
         bk.start_at AS start, bk.end_at AS "end", bk.status,
         bk.booker_id AS "bookerId", ub.display_name AS "bookerName",
         COALESCE(ub.show_name_to_colleagues, false) AS "bookerShowsName",
         bk.creator_id AS "creatorId", uc.display_name AS "creatorName",
         bk.checked_in_at AS "checkedInAt", bk.cancelled_at AS "cancelledAt",
         bk.created_at AS "createdAt", bk.sequence, bk.series_id AS "seriesId"
    FROM bookings bk
    JOIN spaces s ON s.id = bk.space_id
    JOIN floors f ON f.id = s.floor_id
    JOIN buildings b ON b.id = f.building_id
    LEFT JOIN users ub ON ub.id = bk.booker_id
    LEFT JOIN users uc ON uc.id = bk.creator_id`;

/** Both of a booking's advisory locks, person first (the select list is evaluated left to right). */
const LOCKS = `SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, hashtext($4))`;
/** Appended to LOCKS: whether building $5's rules are still those stamped $6. */
const RULES_CURRENT = `(SELECT rules_changed_at = $6::timestamptz FROM buildings WHERE id = $5) AS current`;

class LimitReached extends Error {}

@Injectable()
export class BookingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Everything the booking rules need about a space in one round trip: the space, its zone's
   * groups, the building's calendar, policies and rules stamp, and closures within a day of `around`
   * (the requested date; a custom start's UTC date is at most a day off the building's local date),
   * or with `onward` every closure from the day before it on (for rules kept for later bookings).
   */
  async findSpaceContext(
    spaceId: string,
    around: string | null = null,
    { onward = false } = {},
  ): Promise<SpaceContext | null> {
    const rows = await prepared<SpaceContext>(
      this.dataSource,
      'space_context_v2',
      `SELECT s.id, s.kind, s.label, s.bookable, s.restricted_group_ids AS "spaceGroups",
              COALESCE(z.restricted_group_ids, '{}') AS "zoneGroups",
              f.id AS "floorId", f.name AS "floorName", b.id AS "buildingId", b.name AS "buildingName",
              b.time_zone AS "timeZone", b.opening_hours AS "openingHours", b.midday,
              b.rules_changed_at::text AS "rulesStamp",
              (SELECT rules FROM policies p WHERE p.building_id = b.id AND p.space_kind = '*') AS "buildingPolicy",
              (SELECT rules FROM policies p WHERE p.building_id = b.id AND p.space_kind = s.kind) AS "kindPolicy",
              COALESCE((SELECT json_agg(json_build_object('date', to_char(c.date, 'YYYY-MM-DD'), 'reason', c.reason) ORDER BY c.date)
                          FROM closures c
                         WHERE c.building_id = b.id AND $2::date IS NOT NULL AND c.date >= $2::date - 1
                           AND ($3 OR c.date <= $2::date + 1)), '[]') AS closures
         FROM spaces s
         JOIN floors f ON f.id = s.floor_id
         JOIN buildings b ON b.id = f.building_id
         LEFT JOIN zones z ON z.id = s.zone_id
        WHERE s.id = $1 AND s.archived_at IS NULL`,
      [spaceId, around, onward],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts under a per-person-per-day advisory lock, so the daily limit holds however many
   * requests and instances race; the exclusion constraint decides conflicts on the space itself.
   *
   * Concurrent inserts that conflict in an exclusion constraint wait for each other and can
   * deadlock (seen in CI: 50 racers over two processes gave one 40P01). A per-space lock, always
   * taken after the per-person one, queues them instead; a deadlock that still happens is retried.
   */
  async insert(b: NewBooking, outer?: EntityManager, attempt = 1): Promise<InsertResult> {
    try {
      // Inside an outer transaction (a series), this one is a savepoint: a refused day rolls back alone.
      return await (outer
        ? outer.transaction((m) => this.insertWith(managerSql(m), b))
        : poolTransaction(this.dataSource, (sql) => this.insertWith(sql, b)));
    } catch (e) {
      if (isPgError(e, '23P01')) return { ok: false, reason: 'conflict' };
      if (isPgError(e, DEADLOCK) && !outer && attempt < 3) return this.insert(b, undefined, attempt + 1);
      throw e;
    }
  }

  private async insertWith(sql: Sql, b: NewBooking): Promise<InsertResult> {
    // Both locks in one round trip; the select list is evaluated left to right, person first. Rules
    // an instance kept are checked in the same statement: they are as current as rules read just
    // before the transaction would be.
    const locks = [LIMIT_LOCK_NAMESPACE, `${b.bookerId}:${b.date}`, SPACE_LOCK_NAMESPACE, b.spaceId];
    if (b.rulesRead) {
      const [{ current }] = await sql(`${LOCKS}, ${RULES_CURRENT}`, [...locks, b.rulesRead.buildingId, b.rulesRead.stamp]);
      if (!current) throw new RulesChanged(`the rules of building ${b.rulesRead.buildingId} changed`);
    } else {
      await sql(LOCKS, locks);
    }
    // Checked under the space's lock, so a release being taken back cannot slip between.
    const rows: { id: string; createdAt: Date }[] = await sql(
      `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, series_id)
       SELECT $1, $2, $3, $4, $5, $6, $7, $10
        WHERE (SELECT count(*) FROM bookings bk JOIN spaces s ON s.id = bk.space_id
                WHERE bk.booker_id = $2 AND bk.local_date = $6 AND s.kind = $8 AND bk.status IN ${ACTIVE}) < $9
          AND NOT ${ASSIGNED_TO_OTHER('$1::uuid', '$2::uuid', '$6::date')}
       RETURNING id, created_at AS "createdAt"`,
      [b.spaceId, b.bookerId, b.creatorId, b.start, b.end, b.date, b.slot, b.spaceKind, b.maxPerDay, b.seriesId ?? null],
    );
    if (rows.length) return { ok: true, id: rows[0].id, createdAt: rows[0].createdAt };
    // Refused: only now find out which rule it was.
    const [{ assigned }] = await sql(`SELECT ${ASSIGNED_TO_OTHER('$1::uuid', '$2::uuid', '$3::date')} AS assigned`, [
      b.spaceId,
      b.bookerId,
      b.date,
    ]);
    return { ok: false, reason: assigned ? 'assigned' : 'limit' };
  }

  async findById(id: string): Promise<BookingRow | null> {
    const rows = await this.dataSource.query(`${BOOKING_SELECT} WHERE bk.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The active booking that overlaps [start, end) on a space, e.g. the winner of a race. */
  async findOverlapping(spaceId: string, start: Date, end: Date): Promise<BookingRow | null> {
    const rows = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE bk.space_id = $1 AND bk.status IN ${ACTIVE}
          AND tstzrange(bk.start_at, bk.end_at, '[)') && tstzrange($2, $3, '[)') LIMIT 1`,
      [spaceId, start, end],
    );
    return rows[0] ?? null;
  }

  async listForBooker(bookerId: string, from: string, to: string): Promise<BookingRow[]> {
    return this.dataSource.query(
      `${BOOKING_SELECT} WHERE bk.booker_id = $1 AND bk.local_date BETWEEN $2 AND $3 ORDER BY bk.start_at, bk.id`,
      [bookerId, from, to],
    );
  }

  /** The booker's active booking of a space around `at` (from `earlyMinutes` before its start to its end). */
  async findCurrentOnSpace(
    bookerId: string,
    spaceId: string,
    at: Date,
    earlyMinutes: number,
  ): Promise<BookingRow | null> {
    const rows = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE bk.booker_id = $1 AND bk.space_id = $2 AND bk.status IN ${ACTIVE}
          AND bk.start_at - make_interval(mins => $4) <= $3 AND bk.end_at > $3
        ORDER BY bk.start_at LIMIT 1`,
      [bookerId, spaceId, at, earlyMinutes],
    );
    return rows[0] ?? null;
  }

  /** Cancels if still active; returns whether this call changed anything. `actorId` tells the booker's mail who did. */
  async cancel(id: string, actorId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await outboxCause(m, null, actorId);
      const [, count] = await m.query(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE id = $1 AND status IN ${ACTIVE}`,
        [id],
      );
      return Number(count) > 0;
    });
  }

  /**
   * Takes a cancellation back (the client's Undo), within `windowMinutes` of it by the database
   * clock, under the same locks as a new booking: the daily limit still holds, and if the space was
   * taken meanwhile the exclusion constraint refuses it. The booking keeps its id and calendar UID;
   * its sequence rises, so calendars show it again.
   */
  async restore(
    b: { id: string; bookerId: string; spaceId: string; spaceKind: string; date: string; maxPerDay: number },
    windowMinutes: number,
    attempt = 1,
  ): Promise<'restored' | 'window-passed' | 'limit' | 'conflict'> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await m.query(LOCKS, [
          LIMIT_LOCK_NAMESPACE,
          `${b.bookerId}:${b.date}`,
          SPACE_LOCK_NAMESPACE,
          b.spaceId,
        ]);
        const [[row]]: [{ withinLimit: boolean }[], number] = await m.query(
          `UPDATE bookings bk SET status = 'confirmed', cancelled_at = NULL, sequence = sequence + 1, updated_at = now()
            WHERE bk.id = $1 AND bk.status = 'cancelled' AND bk.cancelled_at > now() - make_interval(mins => $2)
          RETURNING (SELECT count(*) FROM bookings o JOIN spaces s ON s.id = o.space_id
                      WHERE o.booker_id = $3 AND o.local_date = $4 AND s.kind = $5 AND o.status IN ${ACTIVE} AND o.id <> $1) < $6
                    AS "withinLimit"`,
          [b.id, windowMinutes, b.bookerId, b.date, b.spaceKind, b.maxPerDay],
        );
        if (!row) return 'window-passed';
        // Rolled back by throwing: nothing of the restore stays when the limit is reached.
        if (!row.withinLimit) throw new LimitReached();
        return 'restored';
      });
    } catch (e) {
      if (e instanceof LimitReached) return 'limit';
      if (isPgError(e, '23P01')) return 'conflict';
      if (isPgError(e, DEADLOCK) && attempt < 3) return this.restore(b, windowMinutes, attempt + 1);
      throw e;
    }
  }

  async checkIn(id: string, at: Date): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE bookings SET status = 'checked_in', checked_in_at = $2, updated_at = now()
        WHERE id = $1 AND status = 'confirmed'`,
      [id, at],
    );
    return Number(count) > 0;
  }

  /** Back to `confirmed`, recorded in the audit log; returns whether this call changed anything. */
  async undoCheckIn(id: string, actorId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE bookings SET status = 'confirmed', checked_in_at = NULL, updated_at = now()
          WHERE id = $1 AND status = 'checked_in'
          RETURNING to_char(local_date, 'YYYY-MM-DD') AS date`,
        [id],
      );
      if (!rows.length) return false;
      await m.query(
        `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details) VALUES ($1, $2, 'booking', $3, $4)`,
        [actorId, 'booking.check_in_undone', id, JSON.stringify({ date: rows[0].date })],
      );
      return true;
    });
  }

  /** A floor's assigned desks that are their assignee's on `date` (not released, the assignee not away). */
  async heldByAssigneesOnFloor(
    floorId: string,
    date: string,
  ): Promise<{ spaceId: string; assigneeId: string; assigneeName: string; assigneeShowsName: boolean }[]> {
    // Prepared: on every availability request, and its two NOT EXISTS cost more to plan than to run.
    return prepared(
      this.dataSource,
      'floor_held_by_assignees',
      `SELECT s.id AS "spaceId", s.assignee_id AS "assigneeId", u.display_name AS "assigneeName",
              COALESCE(u.show_name_to_colleagues, false) AS "assigneeShowsName"
         FROM spaces s JOIN users u ON u.id = s.assignee_id
        WHERE s.floor_id = $1 AND s.archived_at IS NULL AND ${HELD_BY_ASSIGNEE('s', '$2::date')}`,
      [floorId, date],
    );
  }

  /** A floor's active bookings on a local date: one range of `bookings_floor_date_idx`. */
  async activeOnFloor(floorId: string, date: string): Promise<FloorDayBooking[]> {
    return prepared(
      this.dataSource,
      'bookings_active_on_floor_v2',
      `SELECT bk.id, bk.space_id AS "spaceId", bk.start_at AS start, bk.end_at AS "end", bk.status,
              bk.booker_id AS "bookerId", u.display_name AS "bookerName",
              COALESCE(u.show_name_to_colleagues, false) AS "bookerShowsName"
         FROM bookings bk
         LEFT JOIN users u ON u.id = bk.booker_id
        WHERE bk.floor_id = $1 AND bk.local_date = $2 AND bk.status IN ${ACTIVE}
        ORDER BY bk.start_at`,
      [floorId, date],
    );
  }
}
