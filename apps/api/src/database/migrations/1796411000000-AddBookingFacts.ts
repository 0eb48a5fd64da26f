import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts trigger's function (`CREATE FUNCTION` or `CREATE OR REPLACE FUNCTION` before it): also
 * restated by later migrations that wrap it, so it is kept here once, exactly as first applied.
 */
export const BOOKING_FACT_FUNCTION = `flexdesk_booking_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO booking_facts AS bf (booking_id, building_id, floor_id, zone_id, space_id, kind, local_date, am, pm,
                                         status, checked_in, lead_minutes, person_token)
        SELECT NEW.id, f.building_id, s.floor_id, s.zone_id, s.id, s.kind, NEW.local_date,
               (NEW.start_at AT TIME ZONE b.time_zone) < (NEW.local_date + b.midday::time),
               (NEW.end_at AT TIME ZONE b.time_zone) > (NEW.local_date + b.midday::time),
               NEW.status, NEW.checked_in_at IS NOT NULL OR NEW.status = 'checked_in',
               GREATEST(0, floor(extract(epoch FROM NEW.start_at - NEW.created_at) / 60))::int,
               CASE WHEN NEW.booker_id IS NULL THEN NULL
                    ELSE md5(flexdesk_insight_salt(date_trunc('month', NEW.local_date)::date) || NEW.booker_id::text) END
          FROM spaces s JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
         WHERE s.id = NEW.space_id
        ON CONFLICT (booking_id) DO UPDATE
          SET status = EXCLUDED.status, checked_in = EXCLUDED.checked_in, local_date = EXCLUDED.local_date,
              am = EXCLUDED.am, pm = EXCLUDED.pm, lead_minutes = EXCLUDED.lead_minutes,
              person_token = COALESCE(bf.person_token, EXCLUDED.person_token);
        RETURN NULL;
      END $$`;

/**
 * Insights read name-free booking facts, never the bookings table: one row per booking, written by
 * a trigger in the same transaction as the booking, and untouched by the privacy purge (which only
 * removes names from bookings). Who booked is kept only as a pseudonym that is stable within one
 * calendar month (md5 of a random per-month salt and the person's id), enough to count distinct
 * people for k-anonymity. The purge deletes a month's salt once the month has passed the retention
 * period, after which nobody can tell whose pseudonym is whose.
 */
export class AddBookingFacts1796411000000 implements MigrationInterface {
  name = 'AddBookingFacts1796411000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insight_salts (
        month date PRIMARY KEY,
        salt text NOT NULL DEFAULT gen_random_uuid()::text
      )`);
    await q.query(`
      CREATE TABLE booking_facts (
        booking_id uuid PRIMARY KEY,
        building_id uuid NOT NULL,
        floor_id uuid NOT NULL,
        zone_id uuid,
        space_id uuid NOT NULL,
        kind text NOT NULL,
        local_date date NOT NULL,
        am boolean NOT NULL,
        pm boolean NOT NULL,
        status text NOT NULL,
        checked_in boolean NOT NULL,
        lead_minutes integer NOT NULL,
        person_token text
      )`);
    await q.query(`CREATE INDEX booking_facts_building_date_idx ON booking_facts (building_id, local_date)`);
    await q.query(`
      CREATE FUNCTION flexdesk_insight_salt(m date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        INSERT INTO insight_salts (month) VALUES (m) ON CONFLICT DO NOTHING;
        SELECT salt INTO s FROM insight_salts WHERE month = m;
        RETURN s;
      END $$`);
    // The pseudonym is set once, at the booking's first write: later changes (status, and the
    // purge clearing the booker) never recompute it.
    await q.query(`CREATE FUNCTION ${BOOKING_FACT_FUNCTION}`);
    await q.query(`
      CREATE TRIGGER bookings_fact AFTER INSERT OR UPDATE OF status, checked_in_at, start_at, end_at, local_date
        ON bookings FOR EACH ROW EXECUTE FUNCTION flexdesk_booking_fact()`);
    // Existing bookings (not by touching them: other triggers on bookings would announce changes).
    await q.query(`
      INSERT INTO booking_facts (booking_id, building_id, floor_id, zone_id, space_id, kind, local_date, am, pm,
                                 status, checked_in, lead_minutes, person_token)
      SELECT bk.id, f.building_id, s.floor_id, s.zone_id, s.id, s.kind, bk.local_date,
             (bk.start_at AT TIME ZONE b.time_zone) < (bk.local_date + b.midday::time),
             (bk.end_at AT TIME ZONE b.time_zone) > (bk.local_date + b.midday::time),
             bk.status, bk.checked_in_at IS NOT NULL OR bk.status = 'checked_in',
             GREATEST(0, floor(extract(epoch FROM bk.start_at - bk.created_at) / 60))::int,
             CASE WHEN bk.booker_id IS NULL THEN NULL
                  ELSE md5(flexdesk_insight_salt(date_trunc('month', bk.local_date)::date) || bk.booker_id::text) END
        FROM bookings bk JOIN spaces s ON s.id = bk.space_id JOIN floors f ON f.id = s.floor_id
        JOIN buildings b ON b.id = f.building_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bookings_fact ON bookings`);
    await q.query(`DROP FUNCTION flexdesk_booking_fact()`);
    await q.query(`DROP FUNCTION flexdesk_insight_salt(date)`);
    await q.query(`DROP TABLE booking_facts`);
    await q.query(`DROP TABLE insight_salts`);
  }
}
