import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Closure, OpeningHours } from '@flexdesk/shared-contracts';
import type { BookingFact, InsightSpaceInfo } from '@flexdesk/shared-domain';

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

  async facts(buildingId: string, from: string, to: string): Promise<BookingFact[]> {
    return this.dataSource.query(
      `SELECT space_id AS "spaceId", floor_id AS "floorId", zone_id AS "zoneId", kind,
              to_char(local_date, 'YYYY-MM-DD') AS date, am, pm, status, checked_in AS "checkedIn",
              lead_minutes AS "leadMinutes", person_token AS person
         FROM booking_facts WHERE building_id = $1 AND local_date BETWEEN $2 AND $3`,
      [buildingId, from, to],
    );
  }
}
