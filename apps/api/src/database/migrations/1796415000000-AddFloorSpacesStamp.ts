import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `floors.spaces_changed_at` moves whenever anything availability reads of the floor's spaces
 * changes: a space added, removed, archived, relabelled (the order), made (un)bookable, restricted,
 * moved to another zone or floor, or a zone's restriction changed. Each API instance keeps a floor's
 * spaces while the stamp it reads with every availability request stays the same (see
 * floors/bookable-spaces.cache.ts), so a publish on one instance is seen by all at once, with no
 * message between them. Statement-level triggers: a publish of 500 spaces touches the floor row once
 * per statement, not once per space; an assignment (only `assignee_id`) does not move the stamp.
 *
 * A clock time rather than a counter: a database restored from an older backup counts up through
 * the same numbers again, while times only move on.
 */
export class AddFloorSpacesStamp1796415000000 implements MigrationInterface {
  name = 'AddFloorSpacesStamp1796415000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE floors ADD COLUMN spaces_changed_at timestamptz NOT NULL DEFAULT clock_timestamp()`);
    await q.query(`
      CREATE FUNCTION flexdesk_floor_spaces_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE floors SET spaces_changed_at = clock_timestamp() WHERE id IN (SELECT floor_id FROM changed);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_floor_spaces_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'spaces' THEN
          UPDATE floors SET spaces_changed_at = clock_timestamp() WHERE id IN (
            SELECT unnest(ARRAY[o.floor_id, n.floor_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.floor_id, o.zone_id, o.label, o.bookable, o.restricted_group_ids, o.archived_at)
                   IS DISTINCT FROM (n.floor_id, n.zone_id, n.label, n.bookable, n.restricted_group_ids, n.archived_at));
        ELSE
          UPDATE floors SET spaces_changed_at = clock_timestamp() WHERE id IN (
            SELECT unnest(ARRAY[o.floor_id, n.floor_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.floor_id, o.restricted_group_ids) IS DISTINCT FROM (n.floor_id, n.restricted_group_ids));
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['spaces', 'zones']) {
      await q.query(`CREATE TRIGGER ${table}_floor_stamp_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_floor_spaces_added()`);
      await q.query(`CREATE TRIGGER ${table}_floor_stamp_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_floor_spaces_added()`);
      await q.query(`CREATE TRIGGER ${table}_floor_stamp_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_floor_spaces_updated()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['spaces', 'zones']) {
      for (const op of ['insert', 'delete', 'update'])
        await q.query(`DROP TRIGGER ${table}_floor_stamp_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION flexdesk_floor_spaces_updated()`);
    await q.query(`DROP FUNCTION flexdesk_floor_spaces_added()`);
    await q.query(`ALTER TABLE floors DROP COLUMN spaces_changed_at`);
  }
}
