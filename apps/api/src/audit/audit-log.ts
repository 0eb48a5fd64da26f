import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntityType } from '@flexdesk/shared-contracts';

export interface AuditRecord {
  /** Null for changes made by the command-line tools or provisioning without a person behind them. */
  actorId: string | null;
  /** What was done, e.g. `create`, `publish`, `reception.assignment_set`. */
  action: string;
  entityType: AuditEntityType;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/**
 * The unit of work for changes that must be audited: `work` and its audit row commit together or
 * not at all. `audit` sees what `work` returned and may return null for "nothing changed" (e.g. the
 * row to update did not exist), which writes no row. Repositories call this; services never see
 * the transaction.
 */
export async function withAudit<T>(
  dataSource: DataSource,
  audit: AuditRecord | ((result: T) => AuditRecord | null),
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (m) => {
    const result = await work(m);
    const record = typeof audit === 'function' ? audit(result) : audit;
    if (record) await recordAudit(m, record);
    return result;
  });
}

/** One audit row, in the caller's transaction (for units of work that `withAudit` does not fit). */
export async function recordAudit(m: EntityManager, r: AuditRecord): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5)`,
    [r.actorId, r.action, r.entityType, r.entityId, JSON.stringify(r.details ?? {})],
  );
}
