import { Injectable } from '@nestjs/common';
import { webhookEvent } from '../database/outbox-cause';
import { DataSource } from 'typeorm';
import type {
  BuildingInput,
  Closure,
  FloorSummary,
  OpeningHours,
  PoliciesInput,
  PolicyOverride,
  SpaceKind,
} from '@flexdesk/shared-contracts';
import { withAudit } from '../audit/audit-log';
import { prepared } from '../database/prepared';

export interface BuildingRow {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
}

export interface FloorDay {
  building: BuildingRow;
  closures: Closure[];
  /** Moves whenever anything of the floor's bookable spaces changes (see AddFloorSpacesStamp). */
  spacesStamp: string;
}

export interface PolicyRows {
  building: PolicyOverride | null;
  byKind: Partial<Record<SpaceKind, PolicyOverride>>;
}

export const POLICY_SCOPES = ['building', 'desk', 'room', 'parking'] as const;

const buildingColumns = (t = '') =>
  `${t}id, ${t}name, ${t}address, ${t}time_zone AS "timeZone", ${t}opening_hours AS "openingHours", ${t}midday`;
const BUILDING_COLUMNS = buildingColumns();

/** Buildings with their calendars (opening hours, closures) and booking rules; every write audited. */
@Injectable()
export class BuildingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<BuildingRow[]> {
    return this.dataSource.query(`SELECT ${BUILDING_COLUMNS} FROM buildings ORDER BY name`);
  }

  async findById(id: string): Promise<BuildingRow | null> {
    const rows = await prepared<BuildingRow>(
      this.dataSource,
      'building_by_id',
      `SELECT ${BUILDING_COLUMNS} FROM buildings WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * What a floor's day needs of its building, in one statement keyed by the floor alone (null for no
   * such floor): the building, its closures on the date, and the floor's `spaces_changed_at` stamp,
   * by which each instance knows whether the spaces it keeps are still current.
   */
  async floorDay(floorId: string, date: string): Promise<FloorDay | null> {
    const rows = await prepared<BuildingRow & Omit<FloorDay, 'building'>>(
      this.dataSource,
      'floor_day',
      `SELECT ${buildingColumns('b.')}, f.spaces_changed_at::text AS "spacesStamp",
              COALESCE((SELECT json_agg(json_build_object('date', to_char(c.date, 'YYYY-MM-DD'), 'reason', c.reason))
                          FROM closures c WHERE c.building_id = b.id AND c.date = $2), '[]') AS closures
         FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id = $1`,
      [floorId, date],
    );
    if (!rows[0]) return null;
    const { spacesStamp, closures, ...building } = rows[0];
    return { building, closures, spacesStamp };
  }

  async floorSummaries(buildingIds: string[]): Promise<FloorSummary[]> {
    if (!buildingIds.length) return [];
    return this.dataSource.query(
      `SELECT f.id, f.building_id AS "buildingId", f.name, f.level,
              (SELECT count(*)::int FROM spaces s WHERE s.floor_id = f.id AND s.archived_at IS NULL) AS "spaceCount"
         FROM floors f WHERE f.building_id = ANY($1) ORDER BY f.level, f.name`,
      [buildingIds],
    );
  }

  async closures(buildingId: string, from: string, to: string): Promise<Closure[]> {
    return prepared(
      this.dataSource,
      'building_closures',
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, reason FROM closures
        WHERE building_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date`,
      [buildingId, from, to],
    );
  }

  async policies(buildingId: string): Promise<PolicyRows> {
    const rows: { kind: SpaceKind | '*'; rules: PolicyOverride }[] = await this.dataSource.query(
      `SELECT space_kind AS kind, rules FROM policies WHERE building_id = $1`,
      [buildingId],
    );
    const result: PolicyRows = { building: null, byKind: {} };
    for (const row of rows) {
      if (row.kind === '*') result.building = row.rules;
      else result.byKind[row.kind] = row.rules;
    }
    return result;
  }

  /** Active bookings that have not ended, in a building or on a floor. */
  async futureBookingCount(scope: { buildingId?: string; floorId?: string }, now: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN floors f ON f.id = s.floor_id
        WHERE b.status IN ('confirmed', 'checked_in') AND b.end_at > $3
          AND ($1::uuid IS NULL OR f.building_id = $1) AND ($2::uuid IS NULL OR f.id = $2)`,
      [scope.buildingId ?? null, scope.floorId ?? null, now],
    );
    return row.n;
  }

  async create(actorId: string, b: BuildingInput): Promise<string> {
    return withAudit(
      this.dataSource,
      (id) => ({ actorId, action: 'create', entityType: 'building', entityId: id, details: { name: b.name } }),
      async (m) => {
        const [row] = await m.query(
          `INSERT INTO buildings (name, address, time_zone, opening_hours, midday) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [b.name, b.address, b.timeZone, JSON.stringify(b.openingHours), b.midday],
        );
        return row.id as string;
      },
    );
  }

  /** Returns false when there is no such building (and then writes no audit row). */
  async update(actorId: string, id: string, b: BuildingInput): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (found) =>
        found ? { actorId, action: 'update', entityType: 'building', entityId: id, details: { ...b } } : null,
      async (m) => {
        const [, count] = await m.query(
          `UPDATE buildings SET name = $2, address = $3, time_zone = $4, opening_hours = $5, midday = $6, updated_at = now()
            WHERE id = $1`,
          [id, b.name, b.address, b.timeZone, JSON.stringify(b.openingHours), b.midday],
        );
        return Number(count) > 0;
      },
    );
  }

  async delete(actorId: string, id: string): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (found) => (found ? { actorId, action: 'delete', entityType: 'building', entityId: id } : null),
      async (m) => {
        const [, count] = await m.query(`DELETE FROM buildings WHERE id = $1`, [id]);
        return Number(count) > 0;
      },
    );
  }

  /** Adds closures; an existing date gets the new reason. */
  async addClosures(actorId: string, buildingId: string, closures: Closure[]): Promise<void> {
    await withAudit(
      this.dataSource,
      {
        actorId,
        action: 'add',
        entityType: 'closures',
        entityId: buildingId,
        details: { dates: closures.map((c) => c.date) },
      },
      async (m) => {
        await m.query(
          `INSERT INTO closures (building_id, date, reason)
           SELECT $1, c.date::date, c.reason FROM json_to_recordset($2::json) AS c(date text, reason text)
           ON CONFLICT (building_id, date) DO UPDATE SET reason = EXCLUDED.reason`,
          [buildingId, JSON.stringify(closures)],
        );
        await webhookEvent(m, 'building.closed', { buildingId, closures });
      },
    );
  }

  async deleteClosure(actorId: string, buildingId: string, date: string): Promise<void> {
    await withAudit(
      this.dataSource,
      { actorId, action: 'delete', entityType: 'closures', entityId: buildingId, details: { date } },
      (m) => m.query(`DELETE FROM closures WHERE building_id = $1 AND date = $2`, [buildingId, date]),
    );
  }

  /** Sets the overrides given (`null` removes one, `undefined` leaves it), all in one transaction. */
  async setPolicies(actorId: string, buildingId: string, input: PoliciesInput): Promise<void> {
    await withAudit(
      this.dataSource,
      { actorId, action: 'update', entityType: 'policies', entityId: buildingId, details: { ...input } },
      async (m) => {
        for (const scope of POLICY_SCOPES) {
          const rules = input[scope];
          if (rules === undefined) continue;
          const kind = scope === 'building' ? '*' : scope;
          if (rules === null) {
            await m.query(`DELETE FROM policies WHERE building_id = $1 AND space_kind = $2`, [buildingId, kind]);
          } else {
            await m.query(
              `INSERT INTO policies (building_id, space_kind, rules) VALUES ($1, $2, $3)
               ON CONFLICT (building_id, space_kind) DO UPDATE SET rules = EXCLUDED.rules`,
              [buildingId, kind, JSON.stringify(rules)],
            );
          }
        }
      },
    );
  }
}
