import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Closure, OpeningHours } from '@flexdesk/shared-contracts';
import { wholeMonths, type DayAtomRow, type InsightSpaceInfo, type SpaceMonthRow } from '@flexdesk/shared-domain';

export interface InsightBuilding {
  id: string;
  name: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
}

/** Reads what insights are built from: the name-free booking facts, never the bookings table. */
@Injectable()
export class InsightsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async building(id: string): Promise<InsightBuilding | null> {
    const rows: InsightBuilding[] = await this.dataSource.query(
      `SELECT id, name, time_zone AS "timeZone", opening_hours AS "openingHours", midday FROM buildings WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async closures(buildingId: string, from: string, to: string): Promise<Closure[]> {
    return this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM closures WHERE building_id = $1 AND date BETWEEN $2 AND $3`,
      [buildingId, from, to],
    );
  }

  /**
   * The current spaces of one floor, or of the whole building (archived ones are gone from capacity;
   * their facts still count). Read floor by floor along the floor's index: a building's spaces lie
   * among every other building's.
   */
  async spaces(buildingId: string, floorId?: string | null): Promise<InsightSpaceInfo[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.label, s.kind, s.floor_id AS "floorId", s.zone_id AS "zoneId", s.bookable
         FROM floors f
        CROSS JOIN LATERAL (SELECT * FROM spaces s WHERE s.floor_id = f.id AND s.archived_at IS NULL OFFSET 0) s
        WHERE f.building_id = $1 AND ($2::uuid IS NULL OR f.id = $2)`,
      [buildingId, floorId ?? null],
    );
  }

  /** The floor of a space of the building (null for none). */
  async spaceFloor(buildingId: string, spaceId: string): Promise<string | null> {
    const rows: { floorId: string }[] = await this.dataSource.query(
      `SELECT s.floor_id AS "floorId" FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE s.id = $1 AND f.building_id = $2 AND s.archived_at IS NULL`,
      [spaceId, buildingId],
    );
    return rows[0]?.floorId ?? null;
  }

  async zoneFloor(zoneId: string): Promise<string | null> {
    const rows: { floorId: string }[] = await this.dataSource.query(
      `SELECT floor_id AS "floorId" FROM zones WHERE id = $1`,
      [zoneId],
    );
    return rows[0]?.floorId ?? null;
  }

  async floorBuilding(floorId: string): Promise<string | null> {
    const rows: { buildingId: string }[] = await this.dataSource.query(
      `SELECT building_id AS "buildingId" FROM floors WHERE id = $1`,
      [floorId],
    );
    return rows[0]?.buildingId ?? null;
  }

  /**
   * Brings the building's rollups up to the last committed booking: regroups the days and
   * space-months whose facts changed since the last flush (see the MaintainInsightRollups migration).
   */
  async flush(buildingId: string): Promise<number> {
    const [{ marked }] = await this.dataSource.query(`SELECT flexdesk_insight_flush($1) AS marked`, [buildingId]);
    return marked;
  }

  /** Flushes every building with changed facts (the background job); returns the changes taken. */
  async flushAll(): Promise<number> {
    const buildings: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT building_id AS id FROM insight_dirty`,
    );
    let marked = 0;
    for (const b of buildings) marked += await this.flush(b.id);
    return marked;
  }

  /** Regroups every rollup from the facts (`npm run insights:rebuild`); returns the facts read. */
  async rebuild(): Promise<number> {
    const [{ facts }] = await this.dataSource.query(`SELECT flexdesk_insights_rebuild()::int AS facts`);
    return facts;
  }

  /** The building's (zone or floor rest, kind, date, half day) atoms from `from` to `to`, of one floor if given. */
  dayAtoms(buildingId: string, from: string, to: string, floorId?: string | null): Promise<DayAtomRow[]> {
    return this.dataSource.query(
      `SELECT floor_id AS "floorId", zone_id AS "zoneId", kind, to_char(local_date, 'YYYY-MM-DD') AS date, half,
              0 AS capacity, ${TALLY}
         FROM insight_day_atoms
        WHERE building_id = $1 AND local_date BETWEEN $2 AND $3 AND ($4::uuid IS NULL OR floor_id = $4)`,
      [buildingId, from, to, floorId ?? null],
    );
  }

  /** The (space, month) atoms of the given spaces in the whole months covering `from`..`to`. */
  spaceMonths(buildingId: string, from: string, to: string, spaceIds: string[]): Promise<SpaceMonthRow[]> {
    const months = wholeMonths(from, to);
    return this.dataSource.query(
      `SELECT space_id AS "spaceId", to_char(month, 'YYYY-MM') AS month, 0 AS capacity, ${TALLY}
         FROM insight_space_months
        WHERE building_id = $1 AND month BETWEEN $2 AND $3 AND space_id = ANY($4::uuid[])`,
      [buildingId, months.from, months.to, spaceIds],
    );
  }
}

const TALLY = `facts, people, bookings, cancellations, released, outcomes, lead_minutes AS "leadMinutes",
  lead_count AS "leadCount", booked, checked_in AS "checkedIn"`;
