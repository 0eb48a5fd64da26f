import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking for real working weeks:
 * - `booking_series`: a recurring rule; each occurrence is an ordinary booking carrying `series_id`
 *   and subject to every rule. `booked_until` is how far occurrences were created (the horizon then),
 *   so the job that follows the horizon never creates a day twice, nor one a person cancelled;
 *   `checked_on` lets that daily job visit every series once a day.
 * - `favourites`; `follows` (only of people who show their name).
 * - `spaces.assignee_id`: a desk that is one person's on every open day, except the days released —
 *   one by one (`assignment_releases`) or by an `absences` range.
 * - `waitlist_entries`: people waiting for a space (or any matching one on a floor) on a day; served
 *   in `created_at` order.
 */
export class AddWorkingWeeks1796408491039 implements MigrationInterface {
  name = 'AddWorkingWeeks1796408491039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booking_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        creator_id uuid REFERENCES users(id) ON DELETE SET NULL,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        slot text NOT NULL CHECK (slot IN ('day', 'am', 'pm', 'custom')),
        start_time text,
        end_time text,
        from_date date NOT NULL,
        until_date date,
        max_count int,
        weekdays int[] NOT NULL,
        interval_weeks int NOT NULL DEFAULT 1 CHECK (interval_weeks IN (1, 2)),
        booked_until date NOT NULL,
        checked_on date NOT NULL DEFAULT CURRENT_DATE,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((slot = 'custom') = (start_time IS NOT NULL AND end_time IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX booking_series_due_idx ON booking_series (checked_on) WHERE ended_at IS NULL`);
    await q.query(`ALTER TABLE bookings ADD COLUMN series_id uuid REFERENCES booking_series(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX bookings_series_idx ON bookings (series_id, local_date) WHERE series_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE favourites (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, space_id)
      )`);
    await q.query(`
      CREATE TABLE follows (
        follower_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        followed_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follower_id, followed_id),
        CHECK (follower_id <> followed_id)
      )`);

    await q.query(`ALTER TABLE spaces ADD COLUMN assignee_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX spaces_assignee_idx ON spaces (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE assignment_releases (
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, date)
      )`);
    await q.query(`
      CREATE TABLE absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        from_date date NOT NULL,
        to_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX absences_user_idx ON absences (user_id, to_date)`);

    await q.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        floor_id uuid NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
        space_id uuid REFERENCES spaces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('desk', 'room', 'parking')),
        attributes text[] NOT NULL DEFAULT '{}',
        local_date date NOT NULL,
        slot text NOT NULL CHECK (slot IN ('day', 'am', 'pm')),
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'booked', 'expired', 'cancelled')),
        booking_id uuid REFERENCES bookings(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        served_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX waitlist_waiting_idx ON waitlist_entries (floor_id, local_date, created_at) WHERE status = 'waiting'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX waitlist_one_per_day_idx ON waitlist_entries (user_id, floor_id, local_date, slot, kind, COALESCE(space_id, floor_id)) WHERE status = 'waiting'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE waitlist_entries`);
    await q.query(`DROP TABLE absences`);
    await q.query(`DROP TABLE assignment_releases`);
    await q.query(`ALTER TABLE spaces DROP COLUMN assignee_id`);
    await q.query(`DROP TABLE follows`);
    await q.query(`DROP TABLE favourites`);
    await q.query(`ALTER TABLE bookings DROP COLUMN series_id`);
    await q.query(`DROP TABLE booking_series`);
  }
}
