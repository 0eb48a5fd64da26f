import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@flexdesk/shared-contracts';

/** Counts for the privacy sheet: how many people hold which role and see names where. No names. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async roleCounts(): Promise<{ role: Role; people: number }[]> {
    return this.dataSource.query(
      `SELECT r AS role, count(*)::int AS people FROM users, unnest(roles) r WHERE active GROUP BY r ORDER BY r`,
    );
  }

  async receptionBuildings(): Promise<{ buildingName: string; receptionists: number }[]> {
    return this.dataSource.query(
      `SELECT b.name AS "buildingName", count(u.id)::int AS receptionists
         FROM buildings b
         LEFT JOIN reception_assignments ra ON ra.building_id = b.id
         LEFT JOIN users u ON u.id = ra.user_id AND u.active AND 'receptionist' = ANY(u.roles)
        GROUP BY b.id, b.name ORDER BY b.name`,
    );
  }

  async receptionistsEverywhere(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE active AND reception_all_buildings AND 'receptionist' = ANY(roles)`,
    );
    return row?.n ?? 0;
  }

  /** Active webhook endpoints and the union of their event types (no addresses: they may name hosts). */
  async webhooks(): Promise<{ endpoints: number; eventTypes: string[] }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS endpoints,
              coalesce(array(SELECT DISTINCT unnest(event_types) FROM webhooks WHERE active ORDER BY 1), '{}') AS "eventTypes"
         FROM webhooks WHERE active`,
    );
    return { endpoints: row?.endpoints ?? 0, eventTypes: row?.eventTypes ?? [] };
  }
}
