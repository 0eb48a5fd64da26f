import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The booking notification, with or without the booker's id (`flexdesk_events`, see AddBookingEvents). */
const notifyFunction = (withBooker: boolean) => `
  CREATE OR REPLACE FUNCTION flexdesk_notify_booking() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    v_floor uuid;
    v_building uuid;
  BEGIN
    SELECT s.floor_id, f.building_id INTO v_floor, v_building
      FROM spaces s JOIN floors f ON f.id = s.floor_id WHERE s.id = NEW.space_id;
    PERFORM pg_notify('flexdesk_events', json_build_object(
      'type', 'booking',
      'op', lower(TG_OP),
      'bookingId', NEW.id,
      'spaceId', NEW.space_id,
      'floorId', v_floor,
      'buildingId', v_building,
      'date', to_char(NEW.local_date, 'YYYY-MM-DD'),
      'status', NEW.status${
        withBooker
          ? `,
      'bookerId', NEW.booker_id`
          : ''
      }
    )::text);
    RETURN NULL;
  END $$`;

/**
 * Receptionists see booker names only for the buildings an admin assigned them to, or for all
 * buildings (a per-person flag, so that "sees everything" is a visible, revocable decision about
 * one person rather than a global switch). Rows go with their user or building.
 *
 * The booking notification gains the booker's id, for the API only: it decides per stream whether
 * a client may learn which booking changed (its own, or as the building's front desk) and never
 * forwards the person's id itself.
 */
export class AddReceptionAssignments1764800000000 implements MigrationInterface {
  name = 'AddReceptionAssignments1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN reception_all_buildings boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE reception_assignments (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        building_id uuid NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, building_id)
      )`);
    await q.query(`CREATE INDEX reception_assignments_building_idx ON reception_assignments (building_id)`);
    await q.query(notifyFunction(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(notifyFunction(false));
    await q.query(`DROP TABLE reception_assignments`);
    await q.query(`ALTER TABLE users DROP COLUMN reception_all_buildings`);
  }
}
