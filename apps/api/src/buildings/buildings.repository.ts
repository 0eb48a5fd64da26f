import { Injectable } from '@nestjs/common';
import { prepared } from '../database/prepared';
import { DataSource } from 'typeorm';
import type { Closure, FloorSummary, OpeningHours, PolicyOverride, SpaceKind } from '@flexdesk/shared-contracts';

export interface BuildingRow {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
}

export interface PolicyRows {
  building: PolicyOverride | null;
  byKind: Partial<Record<SpaceKind, PolicyOverride>>;
}

@Injectable()
export class BuildingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<BuildingRow[]> {
    return this.dataSource.query(
      `SELECT id, name, address, time_zone AS "timeZone", opening_hours AS "openingHours", midday
         FROM buildings ORDER BY name`,
    );
  }

  async findById(id: string): Promise<BuildingRow | null> {
    const rows = await prepared<BuildingRow>(
      this.dataSource,
      'building_by_id',
      `SELECT id, name, address, time_zone AS "timeZone", opening_hours AS "openingHours", midday
         FROM buildings WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async floorSummaries(buildingIds: string[]): Promise<FloorSummary[]> {
    if (!buildingIds.length) return [];
    return this.dataSource.query(
      `SELECT f.id, f.building_id AS "buildingId", f.name, f.level,
              (SELECT count(*)::int FROM spaces s WHERE s.floor_id = f.id AND s.archived_at IS NULL) AS "spaceCount"
         FROM floors f WHERE f.building_id = ANY($1) ORDER BY f.level, f.name`,
      [buildingIds],
    );
  }

  async closures(buildingId: string, from: string, to: string): Promise<Closure[]> {
    return prepared(
      this.dataSource,
      'building_closures',
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM closures
        WHERE building_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date`,
      [buildingId, from, to],
    );
  }

  async policies(buildingId: string): Promise<PolicyRows> {
    const rows: { kind: SpaceKind | '*'; rules: PolicyOverride }[] = await this.dataSource.query(
      `SELECT space_kind AS kind, rules FROM policies WHERE building_id = $1`,
      [buildingId],
    );
    const result: PolicyRows = { building: null, byKind: {} };
    for (const row of rows) {
      if (row.kind === '*') result.building = row.rules;
      else result.byKind[row.kind] = row.rules;
    }
    return result;
  }
}
