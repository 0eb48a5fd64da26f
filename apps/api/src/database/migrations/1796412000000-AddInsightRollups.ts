import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BOOKING_FACT_FUNCTION } from './1796411000000-AddBookingFacts';

/**
 * Insights read closed days and months from rollups instead of grouping every fact again: one row
 * per building and closed day (its half-day atoms) or closed month (its space-months), written by
 * the first report that needs it. Any change to a fact of that day or month deletes the rollups it
 * is part of (here, in the facts trigger), and so does moving, re-kinding or deleting a space (the
 * atoms place facts where their space is now). `TRUNCATE insight_rollups` rebuilds everything on
 * demand. Days still open (today and the day before, in the building's zone) are never rolled up.
 */
export class AddInsightRollups1796412000000 implements MigrationInterface {
  name = 'AddInsightRollups1796412000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insight_rollups (
        building_id uuid NOT NULL,
        period_kind text NOT NULL CHECK (period_kind IN ('day', 'month')),
        period text NOT NULL,
        rows jsonb NOT NULL,
        PRIMARY KEY (building_id, period_kind, period)
      )`);
    await q.query(`
      CREATE OR REPLACE FUNCTION flexdesk_booking_fact() RETURNS trigger LANGUAGE plpgsql AS $$
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
        DELETE FROM insight_rollups r
         USING floors f
         WHERE f.id = NEW.floor_id AND r.building_id = f.building_id
           AND ((r.period_kind = 'day' AND r.period IN (NEW.local_date::text, COALESCE(OLD.local_date, NEW.local_date)::text))
             OR (r.period_kind = 'month' AND r.period IN (to_char(NEW.local_date, 'YYYY-MM'),
                                                          to_char(COALESCE(OLD.local_date, NEW.local_date), 'YYYY-MM'))));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_space_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM insight_rollups WHERE building_id = (SELECT building_id FROM floors WHERE id = OLD.floor_id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER spaces_insight_rollups AFTER UPDATE OF floor_id, zone_id, kind OR DELETE ON spaces
        FOR EACH ROW EXECUTE FUNCTION flexdesk_space_moved()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER spaces_insight_rollups ON spaces`);
    await q.query(`DROP FUNCTION flexdesk_space_moved()`);
    await q.query(`CREATE OR REPLACE FUNCTION ${BOOKING_FACT_FUNCTION}`);
    await q.query(`DROP TABLE insight_rollups`);
  }
}
