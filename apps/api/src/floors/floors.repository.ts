import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FloorInput, Space, Zone } from '@flexdesk/shared-contracts';
import { withAudit } from '../audit/audit-log';
import { prepared } from '../database/prepared';

export interface FloorRow {
  id: string;
  buildingId: string;
  buildingName: string;
  timeZone: string;
  name: string;
  level: number;
  planWidth: number;
  planHeight: number;
  backgroundId: string | null;
  planScale: number | null;
  version: number;
}

export interface BookableSpaceRow {
  id: string;
  bookable: boolean;
  /** Groups the space is restricted to (its own, else its zone's); empty: open to everyone. */
  groupIds: string[];
}

/** A floor's bookable spaces with the `spaces_changed_at` stamp they were read at. */
export interface StampedSpaces {
  stamp: string;
  spaces: BookableSpaceRow[];
}

@Injectable()
export class FloorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM floors WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async findById(id: string): Promise<FloorRow | null> {
    const rows = await prepared<FloorRow>(
      this.dataSource,
      'floor_by_id_v2',
      `SELECT f.id, f.building_id AS "buildingId", b.name AS "buildingName", b.time_zone AS "timeZone",
              f.name, f.level, f.plan_width AS "planWidth", f.plan_height AS "planHeight",
              f.background_id AS "backgroundId", f.plan_scale AS "planScale", f.version
         FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async zones(floorId: string): Promise<Zone[]> {
    return prepared(
      this.dataSource,
      'floor_zones',
      `SELECT id, name, color, polygon, restricted_group_ids AS "restrictedToGroupIds"
         FROM zones WHERE floor_id = $1 ORDER BY name`,
      [floorId],
    );
  }

  async spaces(floorId: string): Promise<Space[]> {
    return prepared(
      this.dataSource,
      'floor_spaces',
      `SELECT id, floor_id AS "floorId", zone_id AS "zoneId", kind, label, x, y, width, height, rotation,
              attributes, capacity, bookable, restricted_group_ids AS "restrictedToGroupIds"
         FROM spaces WHERE floor_id = $1 AND archived_at IS NULL ORDER BY label`,
      [floorId],
    );
  }

  /**
   * What availability needs of each space, and no more: its groups are the space's own restriction
   * or else its zone's (the editor's query above also reads geometry and equipment). Read only when
   * an instance does not keep the floor's spaces at their current stamp (BookableSpacesCache).
   */
  async bookableSpaces(floorId: string): Promise<StampedSpaces | null> {
    const rows = await prepared<BookableSpaceRow & { stamp: string }>(
      this.dataSource,
      'floor_bookable_spaces_v2',
      `SELECT f.spaces_changed_at::text AS stamp, s.id, s.bookable,
              CASE WHEN cardinality(s.restricted_group_ids) > 0 THEN s.restricted_group_ids
                   ELSE coalesce(z.restricted_group_ids, '{}') END AS "groupIds"
         FROM floors f
         LEFT JOIN spaces s ON s.floor_id = f.id AND s.archived_at IS NULL
         LEFT JOIN zones z ON z.id = s.zone_id
        WHERE f.id = $1 ORDER BY s.label`,
      [floorId],
    );
    if (!rows[0]) return null;
    // One snapshot: the stamp is the one these spaces were read at.
    return {
      stamp: rows[0].stamp,
      spaces: rows.filter((r) => r.id !== null).map(({ id, bookable, groupIds }) => ({ id, bookable, groupIds })),
    };
  }

  /** Returns the new floor's id, or null when the building does not exist (nothing is written). */
  async create(actorId: string, buildingId: string, f: FloorInput): Promise<string | null> {
    return withAudit(
      this.dataSource,
      (id) => (id ? { actorId, action: 'create', entityType: 'floor', entityId: id, details: { ...f } } : null),
      async (m) => {
        const rows: { id: string }[] = await m.query(
          `INSERT INTO floors (building_id, name, level, plan_width, plan_height)
           SELECT b.id, $2, $3, $4, $5 FROM buildings b WHERE b.id = $1 RETURNING id`,
          [buildingId, f.name, f.level, f.width, f.height],
        );
        return rows[0]?.id ?? null;
      },
    );
  }

  async update(actorId: string, id: string, f: FloorInput): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (found) => (found ? { actorId, action: 'update', entityType: 'floor', entityId: id, details: { ...f } } : null),
      async (m) => {
        const [, count] = await m.query(
          `UPDATE floors SET name = $2, level = $3, plan_width = $4, plan_height = $5, updated_at = now() WHERE id = $1`,
          [id, f.name, f.level, f.width, f.height],
        );
        return Number(count) > 0;
      },
    );
  }

  async delete(actorId: string, id: string): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (found) => (found ? { actorId, action: 'delete', entityType: 'floor', entityId: id } : null),
      async (m) => {
        const [, count] = await m.query(`DELETE FROM floors WHERE id = $1`, [id]);
        return Number(count) > 0;
      },
    );
  }
}
