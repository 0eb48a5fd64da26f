import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEntry, AuditFilter } from '@flexdesk/shared-contracts';

/** Reads the audit log; rows are written by the feature repositories through `withAudit`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; `before` pages backwards by id. Dates are UTC days, `to` inclusive. */
  async list(filter: AuditFilter & { limit: number }): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query(
      `SELECT a.id::int AS id, a.at, a.actor_id AS "actorId", u.display_name AS "actorName", a.action,
              a.entity_type AS "entityType", a.entity_id AS "entityId", a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ($2::bigint IS NULL OR a.id < $2)
          AND ($3::text IS NULL OR a.entity_type = $3)
          AND ($4::uuid IS NULL OR a.entity_id = $4)
          AND ($5::uuid IS NULL OR a.actor_id = $5)
          AND ($6::text IS NULL OR a.action = $6)
          AND ($7::date IS NULL OR a.at >= ($7::date)::timestamp AT TIME ZONE 'UTC')
          AND ($8::date IS NULL OR a.at < ($8::date + 1)::timestamp AT TIME ZONE 'UTC')
        ORDER BY a.id DESC LIMIT $1`,
      [
        filter.limit,
        filter.before ?? null,
        filter.entityType ?? null,
        filter.entityId ?? null,
        filter.actorId ?? null,
        filter.action ?? null,
        filter.from ?? null,
        filter.to ?? null,
      ],
    );
    return rows.map((r: AuditEntry & { at: Date }) => ({ ...r, at: r.at.toISOString() }));
  }
}
