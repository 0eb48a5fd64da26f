import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `buildings.rules_changed_at` moves whenever anything a booking's rules read about one of the
 * building's spaces changes (BookingsRepository.findSpaceContext): the building's name, time zone,
 * opening hours or midday; a policy or a closure added, changed or removed; a floor added, removed,
 * renamed or moved; and any change that moves a floor's `spaces_changed_at` (a space's label,
 * bookability, restriction, zone, floor or archiving, a zone's restriction) or its kind, which that
 * stamp now counts too. Each API instance keeps the rules of the spaces it booked
 * (bookings/space-contexts.cache.ts) and books with them only if the stamp it reads with the
 * booking's locks is the one they were read at.
 *
 * The building row sets its own stamp in a BEFORE trigger (an AFTER trigger updating its own table
 * would fire itself again); the other tables' statement-level triggers touch the building once per
 * statement.
 */
export class AddBuildingRulesStamp1796417000000 implements MigrationInterface {
  name = 'AddBuildingRulesStamp1796417000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE buildings ADD COLUMN rules_changed_at timestamptz NOT NULL DEFAULT clock_timestamp()`);
    await q.query(`
      CREATE FUNCTION flexdesk_building_rules_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (OLD.name, OLD.time_zone, OLD.opening_hours, OLD.midday)
           IS DISTINCT FROM (NEW.name, NEW.time_zone, NEW.opening_hours, NEW.midday) THEN
          NEW.rules_changed_at := clock_timestamp();
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER buildings_rules_stamp BEFORE UPDATE ON buildings
      FOR EACH ROW EXECUTE FUNCTION flexdesk_building_rules_own()`);
    await q.query(`
      CREATE FUNCTION flexdesk_building_rules_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE buildings SET rules_changed_at = clock_timestamp() WHERE id IN (SELECT building_id FROM changed);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_building_rules_rows_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'floors' THEN
          UPDATE buildings SET rules_changed_at = clock_timestamp() WHERE id IN (
            SELECT unnest(ARRAY[o.building_id, n.building_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.building_id, o.name, o.spaces_changed_at) IS DISTINCT FROM (n.building_id, n.name, n.spaces_changed_at));
        ELSE
          UPDATE buildings SET rules_changed_at = clock_timestamp()
           WHERE id IN (SELECT building_id FROM old_rows UNION SELECT building_id FROM new_rows);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['policies', 'closures', 'floors']) {
      await q.query(`CREATE TRIGGER ${table}_rules_stamp_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_building_rules_rows()`);
      await q.query(`CREATE TRIGGER ${table}_rules_stamp_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_building_rules_rows()`);
      await q.query(`CREATE TRIGGER ${table}_rules_stamp_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_building_rules_rows_updated()`);
    }
    // A space's kind picks its policy: the floor's stamp (AddFloorSpacesStamp) counts it from now on.
    await q.query(spacesUpdated(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(spacesUpdated(false));
    for (const table of ['policies', 'closures', 'floors']) {
      for (const op of ['insert', 'delete', 'update'])
        await q.query(`DROP TRIGGER ${table}_rules_stamp_${op} ON ${table}`);
    }
    await q.query(`DROP TRIGGER buildings_rules_stamp ON buildings`);
    await q.query(`DROP FUNCTION flexdesk_building_rules_rows_updated()`);
    await q.query(`DROP FUNCTION flexdesk_building_rules_rows()`);
    await q.query(`DROP FUNCTION flexdesk_building_rules_own()`);
    await q.query(`ALTER TABLE buildings DROP COLUMN rules_changed_at`);
  }
}

/** AddFloorSpacesStamp's function for updates, with or without a space's kind among what moves the stamp. */
function spacesUpdated(withKind: boolean): string {
  const kind = (row: string) => (withKind ? `, ${row}.kind` : '');
  return `
    CREATE OR REPLACE FUNCTION flexdesk_floor_spaces_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'spaces' THEN
        UPDATE floors SET spaces_changed_at = clock_timestamp() WHERE id IN (
          SELECT unnest(ARRAY[o.floor_id, n.floor_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE (o.floor_id, o.zone_id, o.label, o.bookable, o.restricted_group_ids, o.archived_at${kind('o')})
                 IS DISTINCT FROM (n.floor_id, n.zone_id, n.label, n.bookable, n.restricted_group_ids, n.archived_at${kind('n')}));
      ELSE
        UPDATE floors SET spaces_changed_at = clock_timestamp() WHERE id IN (
          SELECT unnest(ARRAY[o.floor_id, n.floor_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE (o.floor_id, o.restricted_group_ids) IS DISTINCT FROM (n.floor_id, n.restricted_group_ids));
      END IF;
      RETURN NULL;
    END $$`;
}
