import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a booking is announced on the `flexdesk_events` channel by the database itself,
 * so no code path (API, future jobs, manual SQL) can forget to, and the notification is sent only
 * when the transaction commits. The payload carries no personal data.
 */
export class AddBookingEvents1764400000000 implements MigrationInterface {
  name = 'AddBookingEvents1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION flexdesk_notify_booking() RETURNS trigger LANGUAGE plpgsql AS $$
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
          'status', NEW.status
        )::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_notify
        AFTER INSERT OR UPDATE OF status, start_at, end_at, checked_in_at ON bookings
        FOR EACH ROW EXECUTE FUNCTION flexdesk_notify_booking()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bookings_notify ON bookings`);
    await q.query(`DROP FUNCTION flexdesk_notify_booking()`);
  }
}
