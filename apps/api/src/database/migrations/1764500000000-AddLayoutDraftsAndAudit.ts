import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Floor layouts are edited as drafts and published as a whole; removed spaces are archived, not
 * deleted, so their bookings (and the cancellations calendars must learn of) survive.
 * Every editing action is recorded in an audit log.
 */
export class AddLayoutDraftsAndAudit1764500000000 implements MigrationInterface {
  name = 'AddLayoutDraftsAndAudit1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE floors
        ADD COLUMN draft_layout jsonb,
        ADD COLUMN draft_version integer NOT NULL DEFAULT 0,
        ADD COLUMN draft_updated_at timestamptz,
        ADD COLUMN draft_updated_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE spaces ADD COLUMN archived_at timestamptz`);
    await q.query(`ALTER TABLE spaces DROP CONSTRAINT spaces_floor_label_key`);
    await q.query(
      `CREATE UNIQUE INDEX spaces_floor_label_key ON spaces (floor_id, lower(label)) WHERE archived_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP INDEX spaces_floor_label_key`);
    await q.query(`DELETE FROM spaces WHERE archived_at IS NOT NULL`);
    await q.query(`ALTER TABLE spaces ADD CONSTRAINT spaces_floor_label_key UNIQUE (floor_id, label)`);
    await q.query(`ALTER TABLE spaces DROP COLUMN archived_at`);
    await q.query(
      `ALTER TABLE floors DROP COLUMN draft_layout, DROP COLUMN draft_version, DROP COLUMN draft_updated_at, DROP COLUMN draft_updated_by`,
    );
  }
}
