import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry } from '@flexdesk/shared-contracts';

export interface AuditRecord {
  actorId: string;
  action: string;
  entityType: 'building' | 'floor' | 'layout' | 'closures' | 'policies' | 'background';
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** Who changed what, when: written in the same transaction as the change it describes. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(r: AuditRecord, m: EntityManager | DataSource = this.dataSource): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [r.actorId, r.action, r.entityType, r.entityId, JSON.stringify(r.details ?? {})],
    );
  }

  async list(limit: number, before: number | null): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query(
      `SELECT a.id::int AS id, a.at, a.actor_id AS "actorId", u.display_name AS "actorName", a.action,
              a.entity_type AS "entityType", a.entity_id AS "entityId", a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ($2::bigint IS NULL OR a.id < $2) ORDER BY a.id DESC LIMIT $1`,
      [limit, before],
    );
    return rows.map((r: AuditEntry & { at: Date }) => ({ ...r, at: r.at.toISOString() }));
  }
}
