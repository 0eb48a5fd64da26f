import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BOOKING_FACT_FUNCTION } from './1796411000000-AddBookingFacts';
import { AddInsightRollups1796412000000 } from './1796412000000-AddInsightRollups';

/** Per-atom sums, the same for half-day atoms and space-months (see shared-domain/insights.ts). */
const TALLY_COLUMNS = `
  facts integer NOT NULL, people integer NOT NULL, bookings integer NOT NULL, cancellations integer NOT NULL,
  released integer NOT NULL, outcomes integer NOT NULL, lead_minutes float8 NOT NULL, lead_count integer NOT NULL,
  booked integer NOT NULL, checked_in integer NOT NULL`;
const TALLY_NAMES = `facts, people, bookings, cancellations, released, outcomes, lead_minutes, lead_count, booked, checked_in`;

/** Sums over rows of `insight_fact_halves` (alias a): per-booking figures once, in the booking's first half. */
const SUMS = `count(DISTINCT a.person_token)::int,
  count(*) FILTER (WHERE a.first)::int,
  count(*) FILTER (WHERE a.first AND a.status = 'cancelled')::int,
  count(*) FILTER (WHERE a.first AND a.status = 'released')::int,
  COALESCE(sum(a.checked_in::int + (a.status = 'released')::int) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::int,
  COALESCE(sum(a.lead_minutes) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::float8,
  count(*) FILTER (WHERE a.first AND a.status <> 'cancelled')::int`;

/** A half-day atom: every fact in it, and the spaces booked (and checked in) in it. */
const DAY_ATOM = `SELECT a.building_id, a.floor_id, a.zone_id, a.kind, a.local_date, a.half,
         count(*)::int, ${SUMS},
         count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled')::int,
         count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int
    FROM insight_fact_halves a`;
const DAY_GROUP = `GROUP BY a.building_id, a.floor_id, a.zone_id, a.kind, a.local_date, a.half`;

/** A space-month: each booking once, and the half days the space was booked (and checked in). */
const SPACE_MONTH = `SELECT a.building_id, a.space_id, a.month,
         count(*) FILTER (WHERE a.first)::int, ${SUMS},
         count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled')::int,
         count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int
    FROM insight_fact_halves a`;
const MONTH_GROUP = `GROUP BY a.building_id, a.space_id, a.month`;

/**
 * Insight rollups maintained incrementally instead of written by the first report that needs them:
 *
 * - `insight_day_atoms`: one row per (building, zone or floor rest, kind, date, half day) atom, and
 *   `insight_space_months`: one row per (space, calendar month). Counts only, distinct people as a
 *   number (the month pseudonyms stay in `booking_facts`).
 * - Every change of a fact appends (building, date, space) to `insight_dirty` in the booking's own
 *   transaction: an insert into a table without a unique key, so concurrent bookings never wait on
 *   each other. Moving a space to another floor, zone or kind marks every day it has facts on.
 * - `flexdesk_insight_flush(building)` regroups the building's marked days and space-months from the
 *   facts under an advisory lock per building (so a slower flush can never overwrite a newer one).
 *   A report flushes its building first, and the background jobs flush every building, so reports
 *   read only the rollups and stay exact to the last committed booking.
 * - `SELECT flexdesk_insights_rebuild()` (`npm run insights:rebuild`) regroups everything.
 *
 * Atoms place facts where their space is now (the facts of a deleted space where it was), as before.
 */
export class MaintainInsightRollups1796413000000 implements MigrationInterface {
  name = 'MaintainInsightRollups1796413000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER spaces_insight_rollups ON spaces`);
    await q.query(`DROP FUNCTION flexdesk_space_moved()`);
    await q.query(`CREATE OR REPLACE FUNCTION ${BOOKING_FACT_FUNCTION}`);
    await q.query(`DROP TABLE insight_rollups`);

    await q.query(`CREATE INDEX booking_facts_space_date_idx ON booking_facts (space_id, local_date)`);
    await q.query(`
      CREATE TABLE insight_day_atoms (
        building_id uuid NOT NULL, floor_id uuid NOT NULL, zone_id uuid, kind text NOT NULL,
        local_date date NOT NULL, half text NOT NULL, ${TALLY_COLUMNS}
      )`);
    await q.query(`CREATE INDEX insight_day_atoms_idx ON insight_day_atoms (building_id, local_date)`);
    await q.query(`
      CREATE TABLE insight_space_months (
        building_id uuid NOT NULL, space_id uuid NOT NULL, month date NOT NULL, ${TALLY_COLUMNS},
        PRIMARY KEY (building_id, month, space_id)
      )`);
    await q.query(
      `CREATE TABLE insight_dirty (building_id uuid NOT NULL, local_date date NOT NULL, space_id uuid NOT NULL)`,
    );
    await q.query(`CREATE INDEX insight_dirty_building_idx ON insight_dirty (building_id)`);

    // Each fact once per half day it covers, placed where its space is now.
    await q.query(`
      CREATE VIEW insight_fact_halves AS
      SELECT f.building_id, COALESCE(s.floor_id, f.floor_id) AS floor_id,
             CASE WHEN s.id IS NULL THEN f.zone_id ELSE s.zone_id END AS zone_id,
             COALESCE(s.kind, f.kind) AS kind, f.space_id, f.local_date,
             date_trunc('month', f.local_date)::date AS month,
             f.status, f.checked_in, f.lead_minutes, f.person_token, h.half, h.first
        FROM booking_facts f
        CROSS JOIN LATERAL (VALUES ('am', f.am, true), ('pm', f.pm, NOT f.am)) h(half, covers, first)
        LEFT JOIN spaces s ON s.id = f.space_id
       WHERE h.covers`);

    await q.query(`
      CREATE FUNCTION flexdesk_insight_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO insight_dirty (building_id, local_date, space_id) VALUES (NEW.building_id, NEW.local_date, NEW.space_id);
        IF TG_OP = 'UPDATE' AND OLD.local_date <> NEW.local_date THEN
          INSERT INTO insight_dirty (building_id, local_date, space_id) VALUES (OLD.building_id, OLD.local_date, OLD.space_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER booking_facts_insight_mark AFTER INSERT OR UPDATE ON booking_facts
        FOR EACH ROW EXECUTE FUNCTION flexdesk_insight_mark()`);
    await q.query(`
      CREATE FUNCTION flexdesk_insight_space_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.floor_id = NEW.floor_id AND OLD.zone_id IS NOT DISTINCT FROM NEW.zone_id
           AND OLD.kind = NEW.kind THEN
          RETURN NULL;
        END IF;
        INSERT INTO insight_dirty (building_id, local_date, space_id)
        SELECT DISTINCT building_id, local_date, space_id FROM booking_facts WHERE space_id = OLD.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER spaces_insight_mark AFTER UPDATE OF floor_id, zone_id, kind OR DELETE ON spaces
        FOR EACH ROW EXECUTE FUNCTION flexdesk_insight_space_moved()`);

    await q.query(`
      CREATE FUNCTION flexdesk_insight_flush(b uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        dates date[];
        space_ids uuid[];
        month_starts date[];
        marked integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(7346310, hashtext(b::text));
        WITH taken AS (DELETE FROM insight_dirty WHERE building_id = b RETURNING local_date, space_id),
             pairs AS (SELECT DISTINCT space_id, date_trunc('month', local_date)::date AS month FROM taken)
        SELECT (SELECT count(*) FROM taken), (SELECT array_agg(DISTINCT local_date) FROM taken),
               (SELECT array_agg(space_id ORDER BY space_id, month) FROM pairs),
               (SELECT array_agg(month ORDER BY space_id, month) FROM pairs)
          INTO marked, dates, space_ids, month_starts;
        IF marked = 0 THEN
          RETURN 0;
        END IF;
        DELETE FROM insight_day_atoms WHERE building_id = b AND local_date = ANY(dates);
        INSERT INTO insight_day_atoms (building_id, floor_id, zone_id, kind, local_date, half, ${TALLY_NAMES})
        ${DAY_ATOM} WHERE a.building_id = b AND a.local_date = ANY(dates) ${DAY_GROUP};
        DELETE FROM insight_space_months m USING unnest(space_ids, month_starts) AS p(space_id, month)
         WHERE m.building_id = b AND m.space_id = p.space_id AND m.month = p.month;
        INSERT INTO insight_space_months (building_id, space_id, month, ${TALLY_NAMES})
        ${SPACE_MONTH} JOIN unnest(space_ids, month_starts) AS p(space_id, month)
                         ON a.space_id = p.space_id AND a.local_date >= p.month AND a.local_date < p.month + interval '1 month'
         WHERE a.building_id = b ${MONTH_GROUP};
        RETURN marked;
      END $$`);
    // Waits for flushes in progress (they hold insight_dirty); bookings wait while it runs.
    await q.query(`
      CREATE FUNCTION flexdesk_insights_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE insight_dirty IN EXCLUSIVE MODE;
        DELETE FROM insight_dirty;
        TRUNCATE insight_day_atoms, insight_space_months;
        INSERT INTO insight_day_atoms (building_id, floor_id, zone_id, kind, local_date, half, ${TALLY_NAMES})
        ${DAY_ATOM} ${DAY_GROUP};
        INSERT INTO insight_space_months (building_id, space_id, month, ${TALLY_NAMES})
        ${SPACE_MONTH} ${MONTH_GROUP};
        RETURN (SELECT count(*) FROM booking_facts);
      END $$`);
    await q.query(`SELECT flexdesk_insights_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION flexdesk_insights_rebuild()`);
    await q.query(`DROP FUNCTION flexdesk_insight_flush(uuid)`);
    await q.query(`DROP TRIGGER spaces_insight_mark ON spaces`);
    await q.query(`DROP FUNCTION flexdesk_insight_space_moved()`);
    await q.query(`DROP TRIGGER booking_facts_insight_mark ON booking_facts`);
    await q.query(`DROP FUNCTION flexdesk_insight_mark()`);
    await q.query(`DROP VIEW insight_fact_halves`);
    await q.query(`DROP TABLE insight_dirty, insight_space_months, insight_day_atoms`);
    await q.query(`DROP INDEX booking_facts_space_date_idx`);
    await new AddInsightRollups1796412000000().up(q);
  }
}
