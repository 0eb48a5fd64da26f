import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BuildingInput, Closure, FloorInput, PolicyOverride, SpaceKind } from '@flexdesk/shared-contracts';

/** Writes for buildings, floors, closures and policies; each call is one transaction with its audit row. */
@Injectable()
export class EditingRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async createBuilding(m: EntityManager, b: BuildingInput): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO buildings (name, address, time_zone, opening_hours, midday) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [b.name, b.address, b.timeZone, JSON.stringify(b.openingHours), b.midday],
    );
    return row.id;
  }

  async updateBuilding(m: EntityManager, id: string, b: BuildingInput): Promise<boolean> {
    const [, count] = await m.query(
      `UPDATE buildings SET name = $2, address = $3, time_zone = $4, opening_hours = $5, midday = $6, updated_at = now()
        WHERE id = $1`,
      [id, b.name, b.address, b.timeZone, JSON.stringify(b.openingHours), b.midday],
    );
    return Number(count) > 0;
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

  async deleteBuilding(m: EntityManager, id: string): Promise<boolean> {
    const [, count] = await m.query(`DELETE FROM buildings WHERE id = $1`, [id]);
    return Number(count) > 0;
  }

  async upsertClosures(m: EntityManager, buildingId: string, closures: Closure[]): Promise<void> {
    await m.query(
      `INSERT INTO closures (building_id, date, reason)
       SELECT $1, c.date::date, c.reason FROM json_to_recordset($2::json) AS c(date text, reason text)
       ON CONFLICT (building_id, date) DO UPDATE SET reason = EXCLUDED.reason`,
      [buildingId, JSON.stringify(closures)],
    );
  }

  async deleteClosure(m: EntityManager, buildingId: string, date: string): Promise<boolean> {
    const [, count] = await m.query(`DELETE FROM closures WHERE building_id = $1 AND date = $2`, [buildingId, date]);
    return Number(count) > 0;
  }

  async setPolicy(m: EntityManager, buildingId: string, kind: SpaceKind | '*', rules: PolicyOverride | null): Promise<void> {
    if (rules === null) {
      await m.query(`DELETE FROM policies WHERE building_id = $1 AND space_kind = $2`, [buildingId, kind]);
      return;
    }
    await m.query(
      `INSERT INTO policies (building_id, space_kind, rules) VALUES ($1, $2, $3)
       ON CONFLICT (building_id, space_kind) DO UPDATE SET rules = EXCLUDED.rules`,
      [buildingId, kind, JSON.stringify(rules)],
    );
  }

  async createFloor(m: EntityManager, buildingId: string, f: FloorInput): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO floors (building_id, name, level, plan_width, plan_height) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [buildingId, f.name, f.level, f.width, f.height],
    );
    return row.id;
  }

  async updateFloor(m: EntityManager, id: string, f: FloorInput): Promise<boolean> {
    const [, count] = await m.query(
      `UPDATE floors SET name = $2, level = $3, plan_width = $4, plan_height = $5, updated_at = now() WHERE id = $1`,
      [id, f.name, f.level, f.width, f.height],
    );
    return Number(count) > 0;
  }

  async deleteFloor(m: EntityManager, id: string): Promise<boolean> {
    const [, count] = await m.query(`DELETE FROM floors WHERE id = $1`, [id]);
    return Number(count) > 0;
  }
}
