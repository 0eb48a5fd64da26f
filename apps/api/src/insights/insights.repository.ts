import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Closure, OpeningHours } from '@flexdesk/shared-contracts';
import type { DayAtomRow, InsightSpaceInfo, SpaceMonthRow } from '@flexdesk/shared-domain';

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

  /** The building's current spaces (archived ones are gone from capacity; their facts still count). */
  async spaces(buildingId: string): Promise<InsightSpaceInfo[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.label, s.kind, s.floor_id AS "floorId", s.zone_id AS "zoneId", s.bookable
         FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE f.building_id = $1 AND s.archived_at IS NULL`,
      [buildingId],
    );
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
   * The building's (zone or floor rest, kind, date, half day) atoms, grouped in the database so
   * only a few thousand rows leave it; mirrors `aggregateFacts` in shared-domain (see its spec).
   * Grouped on plain columns (dates formatted afterwards): the sort is most of the cost.
   */
  async dayAtoms(buildingId: string, from: string, to: string): Promise<DayAtomRow[]> {
    return this.dataSource.query(
      `SELECT a.floor_id AS "floorId", a.zone_id AS "zoneId", a.kind, a.local_date::text AS date, a.half,
              0 AS capacity, ${SUMS},
              -- every fact in a half-day atom, whichever of its halves this is
              count(*)::int AS facts,
              count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled')::int AS booked,
              count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int AS "checkedIn"
         FROM (SELECT COALESCE(s.floor_id, f.floor_id) AS floor_id,
                      CASE WHEN s.id IS NULL THEN f.zone_id ELSE s.zone_id END AS zone_id,
                      COALESCE(s.kind, f.kind) AS kind,
                      f.booking_id, f.space_id, f.local_date, f.status, f.checked_in, f.lead_minutes, f.person_token, h.half, h.first
                 FROM booking_facts f ${HALVES}
                 LEFT JOIN spaces s ON s.id = f.space_id
                WHERE f.building_id = $1 AND f.local_date BETWEEN $2 AND $3 AND h.covers) a
        GROUP BY a.floor_id, a.zone_id, a.kind, a.local_date, a.half`,
      [buildingId, from, to],
    );
  }

  /** The building's (space, month) atoms; mirrors `aggregateFacts` in shared-domain. */
  async spaceMonths(buildingId: string, from: string, to: string): Promise<SpaceMonthRow[]> {
    return this.dataSource.query(
      `SELECT a.space_id AS "spaceId", to_char(a.month, 'YYYY-MM') AS month, 0 AS capacity, ${SUMS},
              -- each booking once (in its first half)
              count(*) FILTER (WHERE a.first)::int AS facts,
              count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled')::int AS booked,
              count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int AS "checkedIn"
         FROM (SELECT date_trunc('month', f.local_date) AS month, f.booking_id, f.space_id, f.local_date, f.status, f.checked_in, f.lead_minutes, f.person_token, h.half, h.first
                 FROM booking_facts f ${HALVES}
                WHERE f.building_id = $1 AND f.local_date BETWEEN $2 AND $3 AND h.covers) a
        GROUP BY a.space_id, a.month`,
      [buildingId, from, to],
    );
  }
}

/** Each fact once per half day it covers; `first` marks the half that carries per-booking figures. */
const HALVES = `CROSS JOIN LATERAL (VALUES ('am', f.am, true), ('pm', f.pm, NOT f.am)) h(half, covers, first)`;

/** Per-atom sums: distinct people, and the per-booking figures counted in their first half. */
const SUMS = `count(DISTINCT a.person_token)::int AS people,
  count(*) FILTER (WHERE a.first)::int AS bookings,
  count(*) FILTER (WHERE a.first AND a.status = 'cancelled')::int AS cancellations,
  count(*) FILTER (WHERE a.first AND a.status = 'released')::int AS released,
  COALESCE(sum(a.checked_in::int + (a.status = 'released')::int) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::int AS outcomes,
  COALESCE(sum(a.lead_minutes) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::float8 AS "leadMinutes",
  count(*) FILTER (WHERE a.first AND a.status <> 'cancelled')::int AS "leadCount"`;
