import { Injectable } from '@nestjs/common';
import { outboxCause } from '../database/outbox-cause';
import { DataSource, type EntityManager } from 'typeorm';
import type { Absence, MyAssignedDesk, SpaceKind } from '@flexdesk/shared-contracts';
import { recordAudit, withAudit } from '../audit/audit-log';
// The booking engine's per-space lock: a release taken back and a booking never cross.
import { ACTIVE, SPACE_LOCK_NAMESPACE } from '../bookings/bookings.repository';

export interface AssignableSpace {
  id: string;
  kind: SpaceKind;
  floorId: string;
  buildingId: string;
  timeZone: string;
  assigneeId: string | null;
}

export interface Person {
  id: string;
  displayName: string;
  active: boolean;
}

/**
 * Announces that spaces became bookable on a floor for some days (a release, an absence), on the
 * same channel as booking changes, when the transaction commits: plans refresh and the waiting
 * list serves those days on whichever instance hears it first.
 */
async function announceFreed(m: EntityManager, spaceIds: string[], from: string, to: string): Promise<void> {
  if (!spaceIds.length) return;
  await m.query(
    `SELECT pg_notify('flexdesk_events', json_build_object('type', 'availability', 'floorId', s.floor_id, 'buildingId', f.building_id,
                                                            'from', $2::text, 'to', $3::text)::text)
       FROM (SELECT DISTINCT floor_id FROM spaces WHERE id = ANY($1::uuid[])) s (floor_id) JOIN floors f ON f.id = s.floor_id`,
    [spaceIds, from, to],
  );
}

/** Desks assigned to people, the days they release them, and people's absences. */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async space(id: string): Promise<AssignableSpace | null> {
    const rows: AssignableSpace[] = await this.dataSource.query(
      `SELECT s.id, s.kind, s.floor_id AS "floorId", f.building_id AS "buildingId", b.time_zone AS "timeZone", s.assignee_id AS "assigneeId"
         FROM spaces s JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE s.id = $1 AND s.archived_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  async person(id: string): Promise<Person | null> {
    const rows: Person[] = await this.dataSource.query(`SELECT id, display_name AS "displayName", active FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Sets or clears the assignee, audited. Releases of the previous owner go with the assignment
   * (they were that person's to give); bookings already made stay untouched.
   */
  async setAssignee(space: AssignableSpace, userId: string | null, actorId: string): Promise<void> {
    await withAudit(
      this.dataSource,
      { actorId, action: 'space.assign', entityType: 'space', entityId: space.id, details: { from: space.assigneeId, to: userId } },
      async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SPACE_LOCK_NAMESPACE, space.id]);
        await m.query(`UPDATE spaces SET assignee_id = $2 WHERE id = $1`, [space.id, userId]);
        await m.query(`DELETE FROM assignment_releases WHERE space_id = $1`, [space.id]);
      },
    );
  }

  /** My assigned desks, each with the days from `today` to `until` on which it is released (one by one or by an absence). */
  async mine(userId: string, today: string, until: string): Promise<MyAssignedDesk[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.label AS "spaceLabel", f.id AS "floorId", f.name AS "floorName", b.id AS "buildingId", b.name AS "buildingName",
              ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM (
                      SELECT r.date AS d FROM assignment_releases r WHERE r.space_id = s.id AND r.date BETWEEN $2 AND $3
                      UNION
                      SELECT gs::date FROM absences ab, generate_series(GREATEST(ab.from_date, $2::date), LEAST(ab.to_date, $3::date), interval '1 day') gs
                       WHERE ab.user_id = $1 AND ab.to_date >= $2 AND ab.from_date <= $3) days ORDER BY d) AS "releasedDates"
         FROM spaces s JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE s.assignee_id = $1 AND s.archived_at IS NULL
        ORDER BY b.name, f.level, s.label`,
      [userId, today, until],
    );
  }

  async release(spaceId: string, date: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // An INSERT answers its rows (only UPDATE and DELETE answer [rows, count] through TypeORM).
      const rows: unknown[] = await m.query(
        `INSERT INTO assignment_releases (space_id, date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING space_id`,
        [spaceId, date],
      );
      if (rows.length) await announceFreed(m, [spaceId], date, date);
    });
  }

  /**
   * Takes a released day back, unless someone else booked the desk that day meanwhile (checked
   * under the booking engine's lock on the space). Returns false when someone did.
   */
  async unrelease(spaceId: string, ownerId: string, date: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SPACE_LOCK_NAMESPACE, spaceId]);
      const taken: unknown[] = await m.query(
        `SELECT 1 FROM bookings WHERE space_id = $1 AND local_date = $2 AND status IN ${ACTIVE} AND booker_id IS DISTINCT FROM $3 LIMIT 1`,
        [spaceId, date, ownerId],
      );
      if (taken.length) return false;
      await m.query(`DELETE FROM assignment_releases WHERE space_id = $1 AND date = $2`, [spaceId, date]);
      return true;
    });
  }

  async absences(userId: string, today: string): Promise<Absence[]> {
    return this.dataSource.query(
      `SELECT id, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to"
         FROM absences WHERE user_id = $1 AND to_date >= $2 ORDER BY from_date, id`,
      [userId, today],
    );
  }

  /**
   * Records an absence: the person's own bookings in the range that have not ended by `now` are
   * cancelled (calendars follow through the booking notifications), and their assigned desks
   * become bookable for those days. Returns the absence and how many bookings were cancelled.
   */
  async addAbsence(userId: string, from: string, to: string, now: Date): Promise<{ absence: Absence; cancelled: number }> {
    return this.dataSource.transaction(async (m) => {
      const [absence]: Absence[] = await m.query(
        `INSERT INTO absences (user_id, from_date, to_date) VALUES ($1, $2, $3)
         RETURNING id, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to"`,
        [userId, from, to],
      );
      await outboxCause(m, 'absence', userId);
      const [, cancelled] = await m.query(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE booker_id = $1 AND local_date BETWEEN $2 AND $3 AND status IN ${ACTIVE} AND end_at > $4`,
        [userId, from, to, now],
      );
      const desks: { id: string }[] = await m.query(`SELECT id FROM spaces WHERE assignee_id = $1 AND archived_at IS NULL`, [userId]);
      await announceFreed(
        m,
        desks.map((d) => d.id),
        from,
        to,
      );
      await recordAudit(m, { actorId: userId, action: 'absence.create', entityType: 'user', entityId: userId, details: { from, to } });
      return { absence, cancelled: Number(cancelled) || 0 };
    });
  }

  /**
   * Removes an absence. Its days are the person's again, except where someone else booked one of
   * their assigned desks meanwhile: those days stay released, so nobody's booking is undone.
   * Returns false when there was no such absence of this person.
   */
  async removeAbsence(userId: string, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [rows]: [{ from: string; to: string }[], number] = await m.query(
        `DELETE FROM absences WHERE id = $1 AND user_id = $2 RETURNING to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to"`,
        [id, userId],
      );
      if (!rows.length) return false;
      const desks: { id: string }[] = await m.query(`SELECT id FROM spaces WHERE assignee_id = $1 ORDER BY id`, [userId]);
      for (const desk of desks) {
        await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [SPACE_LOCK_NAMESPACE, desk.id]);
        await m.query(
          `INSERT INTO assignment_releases (space_id, date)
           SELECT DISTINCT space_id, local_date FROM bookings
            WHERE space_id = $1 AND local_date BETWEEN $2 AND $3 AND status IN ${ACTIVE} AND booker_id IS DISTINCT FROM $4
           ON CONFLICT DO NOTHING`,
          [desk.id, rows[0].from, rows[0].to, userId],
        );
      }
      await recordAudit(m, { actorId: userId, action: 'absence.delete', entityType: 'user', entityId: userId, details: rows[0] });
      return true;
    });
  }
}
