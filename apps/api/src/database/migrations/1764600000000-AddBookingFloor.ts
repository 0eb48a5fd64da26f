import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings carry their floor (derived from the space by a trigger; spaces never change floors), so
 * a floor's day is one index range whatever the table's size. Before, the availability query found
 * a day's bookings through an index led by another column, which the perf-test shape (20 million
 * rows) would have made scan most of the index.
 */
export class AddBookingFloor1764600000000 implements MigrationInterface {
  name = 'AddBookingFloor1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings ADD COLUMN floor_id uuid`);
    await q.query(`UPDATE bookings b SET floor_id = s.floor_id FROM spaces s WHERE s.id = b.space_id`);
    await q.query(`ALTER TABLE bookings ALTER COLUMN floor_id SET NOT NULL`);
    await q.query(
      `ALTER TABLE bookings ADD CONSTRAINT bookings_floor_fkey FOREIGN KEY (floor_id) REFERENCES floors(id) ON DELETE CASCADE`,
    );
    await q.query(
      `CREATE INDEX bookings_floor_date_idx ON bookings (floor_id, local_date) WHERE status IN ('confirmed', 'checked_in')`,
    );
    await q.query(`
      CREATE FUNCTION flexdesk_booking_floor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.floor_id := (SELECT floor_id FROM spaces WHERE id = NEW.space_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_floor BEFORE INSERT OR UPDATE OF space_id ON bookings
        FOR EACH ROW EXECUTE FUNCTION flexdesk_booking_floor()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bookings_floor ON bookings`);
    await q.query(`DROP FUNCTION flexdesk_booking_floor()`);
    await q.query(`ALTER TABLE bookings DROP COLUMN floor_id`);
  }
}
