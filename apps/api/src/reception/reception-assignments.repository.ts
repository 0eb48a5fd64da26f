import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReceptionAssignment } from '@flexdesk/shared-contracts';
import { withAudit } from '../audit/audit-log';

const RECEPTIONIST_SELECT = `
  SELECT u.id, u.display_name AS "displayName", u.email, u.reception_all_buildings AS "allBuildings",
         COALESCE((SELECT array_agg(r.building_id ORDER BY b.name, b.id)
                     FROM reception_assignments r JOIN buildings b ON b.id = r.building_id
                    WHERE r.user_id = u.id), '{}') AS "buildingIds"
    FROM users u
   WHERE 'receptionist' = ANY (u.roles) AND NOT 'admin' = ANY (u.roles) AND u.active`;

@Injectable()
export class ReceptionAssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active receptionists (admins see every building anyway), by name. */
  async list(): Promise<ReceptionAssignment[]> {
    return this.dataSource.query(`${RECEPTIONIST_SELECT} ORDER BY lower(u.display_name), u.id`);
  }

  async find(userId: string): Promise<ReceptionAssignment | null> {
    const rows = await this.dataSource.query(`${RECEPTIONIST_SELECT} AND u.id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** Which of `ids` name no building. */
  async unknownBuildings(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM buildings b WHERE b.id = x.id)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Replaces a receptionist's assignments in one transaction, recorded in the audit log. */
  async set(actorId: string, userId: string, allBuildings: boolean, buildingIds: string[]): Promise<void> {
    await withAudit(
      this.dataSource,
      {
        actorId,
        action: 'reception.assignment_set',
        entityType: 'user',
        entityId: userId,
        details: { allBuildings, buildingIds },
      },
      async (m) => {
        await m.query(`UPDATE users SET reception_all_buildings = $2, updated_at = now() WHERE id = $1`, [
          userId,
          allBuildings,
        ]);
        await m.query(`DELETE FROM reception_assignments WHERE user_id = $1`, [userId]);
        if (buildingIds.length) {
          await m.query(`INSERT INTO reception_assignments (user_id, building_id) SELECT $1, unnest($2::uuid[])`, [
            userId,
            buildingIds,
          ]);
        }
      },
    );
  }
}
