import { Injectable } from '@nestjs/common';
import { outboxCause } from '../database/outbox-cause';
import { DataSource, type EntityManager } from 'typeorm';
import type { BookingSeries, Closure, IsoWeekday, SpaceKind } from '@flexdesk/shared-contracts';
import { recordAudit } from '../audit/audit-log';
import { ASSIGNED_TO_OTHER } from './bookings.repository';

export interface SeriesRow {
  id: string;
  bookerId: string;
  creatorId: string | null;
  spaceId: string;
  slot: 'day' | 'am' | 'pm' | 'custom';
  startTime: string | null;
  endTime: string | null;
  from: string;
  until: string | null;
  count: number | null;
  weekdays: IsoWeekday[];
  interval: 1 | 2;
  bookedUntil: string;
}

/** What deciding a series' days needs, for one space, one person and a range of dates, in few queries. */
export interface SeriesDays {
  closures: Closure[];
  /** Active bookings on the space, with who holds them. */
  taken: { date: string; start: Date; end: Date; bookerId: string | null; bookerName: string | null; bookerShowsName: boolean }[];
  /** The person's active bookings of this kind per date. */
  mineByDate: Map<string, number>;
  absentDates: Set<string>;
  /** Dates the space is someone else's assigned desk (not released). */
  assignedDates: Set<string>;
}

const SERIES_COLUMNS = `s.id, s.booker_id AS "bookerId", s.creator_id AS "creatorId", s.space_id AS "spaceId", s.slot,
  s.start_time AS "startTime", s.end_time AS "endTime", to_char(s.from_date, 'YYYY-MM-DD') AS "from",
  to_char(s.until_date, 'YYYY-MM-DD') AS until, s.max_count AS count, s.weekdays, s.interval_weeks AS interval,
  to_char(s.booked_until, 'YYYY-MM-DD') AS "bookedUntil"`;

@Injectable()
export class SeriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async days(spaceId: string, bookerId: string, kind: SpaceKind, buildingId: string, from: string, to: string): Promise<SeriesDays> {
    const [closures, taken, mine, absent, assigned] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM closures WHERE building_id = $1 AND date BETWEEN $2 AND $3`,
        [buildingId, from, to],
      ),
      this.dataSource.query(
        `SELECT to_char(bk.local_date, 'YYYY-MM-DD') AS date, bk.start_at AS start, bk.end_at AS "end", bk.booker_id AS "bookerId",
                u.display_name AS "bookerName", COALESCE(u.show_name_to_colleagues, false) AS "bookerShowsName"
           FROM bookings bk LEFT JOIN users u ON u.id = bk.booker_id
          WHERE bk.space_id = $1 AND bk.local_date BETWEEN $2 AND $3 AND bk.status IN ('confirmed', 'checked_in')`,
        [spaceId, from, to],
      ),
      this.dataSource.query(
        `SELECT to_char(bk.local_date, 'YYYY-MM-DD') AS date, count(*)::int AS n
           FROM bookings bk JOIN spaces s ON s.id = bk.space_id
          WHERE bk.booker_id = $1 AND s.kind = $2 AND bk.local_date BETWEEN $3 AND $4 AND bk.status IN ('confirmed', 'checked_in')
          GROUP BY bk.local_date`,
        [bookerId, kind, from, to],
      ),
      this.dataSource.query(
        `SELECT to_char(d, 'YYYY-MM-DD') AS date FROM absences a, generate_series(greatest(a.from_date, $2::date), least(a.to_date, $3::date), '1 day') d
          WHERE a.user_id = $1 AND a.to_date >= $2 AND a.from_date <= $3`,
        [bookerId, from, to],
      ),
      this.dataSource.query(
        `SELECT to_char(d, 'YYYY-MM-DD') AS date FROM generate_series($3::date, $4::date, '1 day') d
          WHERE ${ASSIGNED_TO_OTHER('$1::uuid', '$2::uuid', 'd::date')}`,
        [spaceId, bookerId, from, to],
      ),
    ]);
    return {
      closures,
      taken,
      mineByDate: new Map((mine as { date: string; n: number }[]).map((r) => [r.date, r.n])),
      absentDates: new Set((absent as { date: string }[]).map((r) => r.date)),
      assignedDates: new Set((assigned as { date: string }[]).map((r) => r.date)),
    };
  }

  /** The series and its first occurrences, in one transaction (each occurrence its own savepoint). */
  async create<T>(s: Omit<SeriesRow, 'id'>, bookOccurrences: (seriesId: string, m: EntityManager) => Promise<T>): Promise<{ id: string; result: T }> {
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO booking_series (booker_id, creator_id, space_id, slot, start_time, end_time, from_date, until_date, max_count,
                                     weekdays, interval_weeks, booked_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [s.bookerId, s.creatorId, s.spaceId, s.slot, s.startTime, s.endTime, s.from, s.until, s.count, s.weekdays, s.interval, s.bookedUntil],
      );
      return { id, result: await bookOccurrences(id, m) };
    });
  }

  async find(id: string): Promise<SeriesRow | null> {
    const rows: SeriesRow[] = await this.dataSource.query(`SELECT ${SERIES_COLUMNS} FROM booking_series s WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listForBooker(bookerId: string): Promise<BookingSeries[]> {
    const rows: (SeriesRow & { spaceLabel: string; floorId: string; buildingId: string; ended: boolean })[] = await this.dataSource.query(
      `SELECT ${SERIES_COLUMNS}, sp.label AS "spaceLabel", sp.floor_id AS "floorId", f.building_id AS "buildingId",
              s.ended_at IS NOT NULL AS ended
         FROM booking_series s JOIN spaces sp ON sp.id = s.space_id JOIN floors f ON f.id = sp.floor_id
        WHERE s.booker_id = $1 ORDER BY s.ended_at IS NOT NULL, s.from_date DESC`,
      [bookerId],
    );
    return rows.map(({ bookerId: _b, creatorId: _c, bookedUntil: _u, ...r }) => r);
  }

  /**
   * Ends a series from `from` on: its later occurrences are cancelled (calendars receive the
   * cancellation) and no more are made. Returns the cancelled bookings' count.
   */
  async end(id: string, from: string, actorId: string): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE booking_series SET ended_at = now(), until_date = LEAST(COALESCE(until_date, $2::date - 1), $2::date - 1) WHERE id = $1`,
        [id, from],
      );
      await outboxCause(m, 'series', actorId);
      const [, cancelled] = await m.query(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE series_id = $1 AND local_date >= $2 AND status IN ('confirmed', 'checked_in')`,
        [id, from],
      );
      await recordAudit(m, { actorId, action: 'series.end', entityType: 'booking', entityId: id, details: { from, cancelled: Number(cancelled) || 0 } });
      return Number(cancelled) || 0;
    });
  }

  /** Active series not yet looked at on `today` (the job visits each once a day). */
  async due(today: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM booking_series WHERE ended_at IS NULL AND checked_on < $1 ORDER BY checked_on, id LIMIT $2`,
      [today, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Moves one series on, exclusively: the row is locked (another instance skips it) and must still
   * stand at `bookedUntil` as read before; `work` books the new days inside the transaction
   * (savepoints; it may use only `m`, since the embedded database has one connection), and
   * `booked_until` advances with them — so a day is never made twice, nor one a person cancelled.
   */
  async extend<T>(id: string, bookedUntil: string, to: string, today: string, work: (m: EntityManager) => Promise<T>): Promise<T | null> {
    return this.dataSource.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM booking_series WHERE id = $1 AND ended_at IS NULL AND booked_until = $2 FOR UPDATE SKIP LOCKED`,
        [id, bookedUntil],
      );
      if (!rows[0]) return null;
      const result = await work(m);
      await m.query(`UPDATE booking_series SET booked_until = GREATEST(booked_until, $2::date), checked_on = $3 WHERE id = $1`, [id, to, today]);
      return result;
    });
  }

  /** Looked at today with nothing to book. */
  async checked(id: string, today: string): Promise<void> {
    await this.dataSource.query(`UPDATE booking_series SET checked_on = $2 WHERE id = $1`, [id, today]);
  }
}
