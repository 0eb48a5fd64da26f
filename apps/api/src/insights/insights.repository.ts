import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Closure, OpeningHours } from '@flexdesk/shared-contracts';
import { datesBetween, wholeMonths, type DayAtomRow, type InsightSpaceInfo, type SpaceMonthRow } from '@flexdesk/shared-domain';

export interface InsightBuilding {
  id: string;
  name: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
}

/** Reads what insights are built from: the name-free booking facts, never the bookings table. */
@Injectable()
export class InsightsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async building(id: string): Promise<InsightBuilding | null> {
    const rows: InsightBuilding[] = await this.dataSource.query(
      `SELECT id, name, time_zone AS "timeZone", opening_hours AS "openingHours", midday FROM buildings WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async closures(buildingId: string, from: string, to: string): Promise<Closure[]> {
    return this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM closures WHERE building_id = $1 AND date BETWEEN $2 AND $3`,
      [buildingId, from, to],
    );
  }

  /** The building's current spaces (archived ones are gone from capacity; their facts still count). */
  async spaces(buildingId: string): Promise<InsightSpaceInfo[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.label, s.kind, s.floor_id AS "floorId", s.zone_id AS "zoneId", s.bookable
         FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE f.building_id = $1 AND s.archived_at IS NULL`,
      [buildingId],
    );
  }

  async zoneFloor(zoneId: string): Promise<string | null> {
    const rows: { floorId: string }[] = await this.dataSource.query(
      `SELECT floor_id AS "floorId" FROM zones WHERE id = $1`,
      [zoneId],
    );
    return rows[0]?.floorId ?? null;
  }

  async floorBuilding(floorId: string): Promise<string | null> {
    const rows: { buildingId: string }[] = await this.dataSource.query(
      `SELECT building_id AS "buildingId" FROM floors WHERE id = $1`,
      [floorId],
    );
    return rows[0]?.buildingId ?? null;
  }

  /**
   * The building's (zone or floor rest, kind, date, half day) atoms from `from` to `to`: days up to
   * `closedUntil` from the rollups (grouped once, then kept until a fact of theirs changes), later
   * days grouped live. Mirrors `aggregateFacts` in shared-domain (an integration spec compares them).
   */
  async dayAtoms(buildingId: string, from: string, to: string, closedUntil: string): Promise<DayAtomRow[]> {
    const rolledTo = to < closedUntil ? to : closedUntil;
    const rolled = from <= rolledTo ? datesBetween(from, rolledTo) : [];
    const live = datesBetween(from, to).filter((d) => d > rolledTo);
    const [kept, fresh] = await Promise.all([
      this.rollups<DayAtomRow>(buildingId, 'day', rolled, (missing) => this.groupDays(buildingId, missing), (r) => r.date),
      live.length ? this.groupDays(buildingId, live) : Promise.resolve([]),
    ]);
    return [...kept, ...fresh];
  }

  /** The building's (space, month) atoms of the whole months covering `from`..`to`; closed months from the rollups. */
  async spaceMonths(buildingId: string, from: string, to: string, closedUntil: string): Promise<SpaceMonthRow[]> {
    const months = [...new Set(datesBetween(from, to).map((d) => d.slice(0, 7)))];
    const closed = (m: string) => wholeMonths(`${m}-01`, `${m}-01`).to <= closedUntil;
    const open = months.filter((m) => !closed(m));
    const [kept, fresh] = await Promise.all([
      this.rollups<SpaceMonthRow>(buildingId, 'month', months.filter(closed), (missing) => this.groupMonths(buildingId, missing), (r) => r.month),
      open.length ? this.groupMonths(buildingId, open) : Promise.resolve([]),
    ]);
    return [...kept, ...fresh];
  }

  /**
   * Rows of the given periods from the rollups; periods without one are computed and stored (an
   * empty period too, so it is not grouped again). Concurrent reports may both compute a period;
   * the first to store it wins, and both rows are the same.
   */
  private async rollups<T>(
    buildingId: string,
    kind: 'day' | 'month',
    periods: string[],
    compute: (missing: string[]) => Promise<T[]>,
    periodOf: (row: T) => string,
  ): Promise<T[]> {
    if (!periods.length) return [];
    const have: { period: string; rows: T[] }[] = await this.dataSource.query(
      `SELECT period, rows FROM insight_rollups WHERE building_id = $1 AND period_kind = $2 AND period = ANY($3::text[])`,
      [buildingId, kind, periods],
    );
    const known = new Set(have.map((h) => h.period));
    const missing = periods.filter((p) => !known.has(p));
    const out = have.flatMap((h) => h.rows);
    if (missing.length) {
      const computed = await compute(missing);
      const byPeriod = new Map<string, T[]>(missing.map((p) => [p, []]));
      for (const row of computed) byPeriod.get(periodOf(row))?.push(row);
      await this.dataSource.query(
        `INSERT INTO insight_rollups (building_id, period_kind, period, rows)
         SELECT $1, $2, p, r FROM unnest($3::text[], $4::jsonb[]) AS t(p, r)
         ON CONFLICT DO NOTHING`,
        [buildingId, kind, [...byPeriod.keys()], [...byPeriod.values()].map((rows) => JSON.stringify(rows))],
      );
      out.push(...computed);
    }
    return out;
  }

  /** Groups the facts of the given dates into half-day atoms (the sort is most of the cost). */
  private groupDays(buildingId: string, dates: string[]): Promise<DayAtomRow[]> {
    return this.dataSource.query(
      `SELECT a.floor_id AS "floorId", a.zone_id AS "zoneId", a.kind, a.local_date::text AS date, a.half,
              0 AS capacity, ${SUMS},
              -- every fact in a half-day atom, whichever of its halves this is
              count(*)::int AS facts,
              count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled')::int AS booked,
              count(DISTINCT a.space_id) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int AS "checkedIn"
         FROM (SELECT COALESCE(s.floor_id, f.floor_id) AS floor_id,
                      CASE WHEN s.id IS NULL THEN f.zone_id ELSE s.zone_id END AS zone_id,
                      COALESCE(s.kind, f.kind) AS kind,
                      f.booking_id, f.space_id, f.local_date, f.status, f.checked_in, f.lead_minutes, f.person_token, h.half, h.first
                 FROM booking_facts f ${HALVES}
                 LEFT JOIN spaces s ON s.id = f.space_id
                WHERE f.building_id = $1 AND f.local_date = ANY($2::date[]) AND h.covers) a
        GROUP BY a.floor_id, a.zone_id, a.kind, a.local_date, a.half`,
      [buildingId, dates],
    );
  }

  /** Groups the facts of the given months (`YYYY-MM`) into space-months. */
  private groupMonths(buildingId: string, months: string[]): Promise<SpaceMonthRow[]> {
    const sorted = [...months].sort();
    const range = wholeMonths(`${sorted[0]}-01`, `${sorted[sorted.length - 1]}-01`);
    return this.dataSource.query(
      `SELECT a.space_id AS "spaceId", to_char(a.month, 'YYYY-MM') AS month, 0 AS capacity, ${SUMS},
              -- each booking once (in its first half)
              count(*) FILTER (WHERE a.first)::int AS facts,
              count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled')::int AS booked,
              count(DISTINCT a.local_date::text || a.half) FILTER (WHERE a.status <> 'cancelled' AND a.checked_in)::int AS "checkedIn"
         FROM (SELECT date_trunc('month', f.local_date) AS month, f.booking_id, f.space_id, f.local_date, f.status, f.checked_in, f.lead_minutes, f.person_token, h.half, h.first
                 FROM booking_facts f ${HALVES}
                WHERE f.building_id = $1 AND f.local_date BETWEEN $2 AND $3 AND h.covers
                  AND to_char(f.local_date, 'YYYY-MM') = ANY($4::text[])) a
        GROUP BY a.space_id, a.month`,
      [buildingId, range.from, range.to, months],
    );
  }
}

/** Each fact once per half day it covers; `first` marks the half that carries per-booking figures. */
const HALVES = `CROSS JOIN LATERAL (VALUES ('am', f.am, true), ('pm', f.pm, NOT f.am)) h(half, covers, first)`;

/** Per-atom sums: distinct people, and the per-booking figures counted in their first half. */
const SUMS = `count(DISTINCT a.person_token)::int AS people,
  count(*) FILTER (WHERE a.first)::int AS bookings,
  count(*) FILTER (WHERE a.first AND a.status = 'cancelled')::int AS cancellations,
  count(*) FILTER (WHERE a.first AND a.status = 'released')::int AS released,
  COALESCE(sum(a.checked_in::int + (a.status = 'released')::int) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::int AS outcomes,
  COALESCE(sum(a.lead_minutes) FILTER (WHERE a.first AND a.status <> 'cancelled'), 0)::float8 AS "leadMinutes",
  count(*) FILTER (WHERE a.first AND a.status <> 'cancelled')::int AS "leadCount"`;
