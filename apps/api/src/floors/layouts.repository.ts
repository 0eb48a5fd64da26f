import { Injectable } from '@nestjs/common';
import { outboxCause, webhookEvent } from '../database/outbox-cause';
import { DataSource, type EntityManager } from 'typeorm';
import type { FloorLayout, LayoutSpace, LayoutZone } from '@flexdesk/shared-contracts';
import { recordAudit, withAudit } from '../audit/audit-log';
import { backgroundIdOf } from '../backgrounds/background-url';

export interface DraftRow {
  floorId: string;
  buildingId: string;
  timeZone: string;
  version: number;
  draftVersion: number;
  draftLayout: FloorLayout | null;
  draftUpdatedAt: Date | null;
  draftUpdatedBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  planWidth: number;
  planHeight: number;
  planScale: number | null;
  backgroundId: string | null;
}

export interface AffectedRow {
  id: string;
  spaceId: string;
  spaceLabel: string;
  start: Date;
  end: Date;
}

export type PublishOutcome =
  | { kind: 'not-found' }
  | { kind: 'stale' }
  | { kind: 'affected'; timeZone: string; affected: AffectedRow[] }
  | { kind: 'published'; timeZone: string; publishedVersion: number; cancelled: AffectedRow[] };

const DRAFT_SELECT = `
  SELECT f.id AS "floorId", f.building_id AS "buildingId", b.time_zone AS "timeZone", f.version,
         f.draft_version AS "draftVersion", f.draft_layout AS "draftLayout", f.draft_updated_at AS "draftUpdatedAt",
         u.display_name AS "draftUpdatedBy", f.published_at AS "publishedAt", p.display_name AS "publishedBy",
         f.plan_width AS "planWidth", f.plan_height AS "planHeight", f.plan_scale AS "planScale",
         f.background_id AS "backgroundId"
    FROM floors f JOIN buildings b ON b.id = f.building_id
    LEFT JOIN users u ON u.id = f.draft_updated_by LEFT JOIN users p ON p.id = f.published_by`;

@Injectable()
export class LayoutsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findDraft(
    floorId: string,
    m: EntityManager | DataSource = this.dataSource,
    lock = false,
  ): Promise<DraftRow | null> {
    const rows = await m.query(`${DRAFT_SELECT} WHERE f.id = $1${lock ? ' FOR UPDATE OF f' : ''}`, [floorId]);
    return rows[0] ?? null;
  }

  async publishedZones(floorId: string, m: EntityManager | DataSource = this.dataSource): Promise<LayoutZone[]> {
    return m.query(
      `SELECT id, name, color, polygon, restricted_group_ids AS "restrictedToGroupIds" FROM zones WHERE floor_id = $1 ORDER BY name`,
      [floorId],
    );
  }

  async publishedSpaces(floorId: string, m: EntityManager | DataSource = this.dataSource): Promise<LayoutSpace[]> {
    return m.query(
      `SELECT id, zone_id AS "zoneId", kind, label, x, y, width, height, rotation, attributes, capacity, bookable,
              restricted_group_ids AS "restrictedToGroupIds"
         FROM spaces WHERE floor_id = $1 AND archived_at IS NULL ORDER BY label`,
      [floorId],
    );
  }

  /** Ids in `ids` that belong to spaces or zones of another floor (an import must not steal them). */
  async foreignIds(floorId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM spaces WHERE id = ANY($2::uuid[]) AND floor_id <> $1
       UNION SELECT id FROM zones WHERE id = ANY($2::uuid[]) AND floor_id <> $1`,
      [floorId, ids],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Optimistic concurrency: saves only if nobody saved since `draftVersion`; returns the new
   * version, or null when the draft moved on (or the floor is gone) and nothing was written.
   */
  async saveDraft(actorId: string, floorId: string, draftVersion: number, layout: FloorLayout): Promise<number | null> {
    return withAudit(
      this.dataSource,
      (version) =>
        version === null
          ? null
          : {
              actorId,
              action: 'save-draft',
              entityType: 'layout',
              entityId: floorId,
              details: { draftVersion: version, spaces: layout.spaces.length, zones: layout.zones.length },
            },
      async (m) => {
        // TypeORM returns [rows, affected] for UPDATE … RETURNING.
        const [rows]: [{ draftVersion: number }[], number] = await m.query(
          `UPDATE floors SET draft_layout = $3, draft_version = draft_version + 1, draft_updated_at = now(), draft_updated_by = $4
            WHERE id = $1 AND draft_version = $2 RETURNING draft_version AS "draftVersion"`,
          [floorId, draftVersion, JSON.stringify(layout), actorId],
        );
        return rows[0]?.draftVersion ?? null;
      },
    );
  }

  /**
   * Publishes the floor's draft in one transaction, with the floor row locked: checks the version,
   * finds future bookings on spaces the draft removes or closes, and — only if `cancelAffected` —
   * cancels them and applies the draft. Without confirmation nothing changes and the affected
   * bookings come back for the caller to show.
   */
  async publish(
    actorId: string,
    floorId: string,
    draftVersion: number,
    now: Date,
    cancelAffected: boolean,
  ): Promise<PublishOutcome> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.findDraft(floorId, m, true);
      if (!row) return { kind: 'not-found' };
      if (row.draftVersion !== draftVersion) return { kind: 'stale' };
      if (!row.draftLayout)
        return { kind: 'published', timeZone: row.timeZone, publishedVersion: row.version, cancelled: [] };
      const affected = await this.affectedBookings(m, floorId, row.draftLayout, now);
      if (affected.length && !cancelAffected) return { kind: 'affected', timeZone: row.timeZone, affected };
      await this.cancelBookings(
        m,
        affected.map((a) => a.id),
      );
      const publishedVersion = await this.apply(m, actorId, floorId, row.draftLayout);
      await recordAudit(m, {
        actorId,
        action: 'publish',
        entityType: 'layout',
        entityId: floorId,
        details: { publishedVersion, cancelledBookings: affected.length, spaces: row.draftLayout.spaces.length },
      });
      await webhookEvent(m, 'layout.published', {
        floorId,
        publishedVersion,
        cancelledBookingIds: affected.map((a) => a.id),
      });
      return { kind: 'published', timeZone: row.timeZone, publishedVersion, cancelled: affected };
    });
  }

  /** Future active bookings on spaces that the layout removes or makes unbookable. */
  private async affectedBookings(
    m: EntityManager,
    floorId: string,
    layout: FloorLayout,
    now: Date,
  ): Promise<AffectedRow[]> {
    const keep = layout.spaces.filter((s) => s.bookable).map((s) => s.id);
    return m.query(
      `SELECT b.id, s.id AS "spaceId", s.label AS "spaceLabel", b.start_at AS start, b.end_at AS "end"
         FROM bookings b JOIN spaces s ON s.id = b.space_id
        WHERE s.floor_id = $1 AND s.archived_at IS NULL AND b.status IN ('confirmed', 'checked_in') AND b.end_at > $3
          AND NOT (s.id = ANY($2::uuid[]))
        ORDER BY b.start_at`,
      [floorId, keep, now],
    );
  }

  private async cancelBookings(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await outboxCause(m, 'layout');
    await m.query(
      `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('confirmed', 'checked_in')`,
      [ids],
    );
  }

  /** Makes the layout the published state of the floor, in the caller's transaction. */
  private async apply(m: EntityManager, actorId: string, floorId: string, layout: FloorLayout): Promise<number> {
    const spaceIds = layout.spaces.map((s) => s.id);
    const zoneIds = layout.zones.map((z) => z.id);
    await m.query(
      `UPDATE spaces SET archived_at = now() WHERE floor_id = $1 AND archived_at IS NULL AND NOT (id = ANY($2::uuid[]))`,
      [floorId, spaceIds],
    );
    // Labels may be swapped within one publish; park them first so the unique index never trips mid-way.
    await m.query(`UPDATE spaces SET label = id::text WHERE floor_id = $1 AND archived_at IS NULL`, [floorId]);
    await m.query(`UPDATE spaces SET zone_id = NULL WHERE floor_id = $1 AND NOT (zone_id = ANY($2::uuid[]))`, [
      floorId,
      zoneIds,
    ]);
    await m.query(`DELETE FROM zones WHERE floor_id = $1 AND NOT (id = ANY($2::uuid[]))`, [floorId, zoneIds]);
    await m.query(
      `INSERT INTO zones (id, floor_id, name, color, polygon, restricted_group_ids)
       SELECT z.id, $1, z.name, z.color, z.polygon, ARRAY(SELECT jsonb_array_elements_text(z.groups))::uuid[]
         FROM jsonb_to_recordset($2::jsonb) AS z(id uuid, name text, color text, polygon jsonb, groups jsonb)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, color = EXCLUDED.color, polygon = EXCLUDED.polygon,
              restricted_group_ids = EXCLUDED.restricted_group_ids
        WHERE zones.floor_id = EXCLUDED.floor_id`,
      [floorId, JSON.stringify(layout.zones.map((z) => ({ ...z, groups: z.restrictedToGroupIds })))],
    );
    await m.query(
      `INSERT INTO spaces (id, floor_id, zone_id, kind, label, x, y, width, height, rotation, attributes, capacity, bookable, restricted_group_ids)
       SELECT s.id, $1, s."zoneId", s.kind, s.label, s.x, s.y, s.width, s.height, s.rotation,
              ARRAY(SELECT jsonb_array_elements_text(s.attributes)), s.capacity, s.bookable,
              ARRAY(SELECT jsonb_array_elements_text(s.groups))::uuid[]
         FROM jsonb_to_recordset($2::jsonb) AS s(id uuid, "zoneId" uuid, kind text, label text, x float8, y float8,
              width float8, height float8, rotation float8, attributes jsonb, capacity int, bookable boolean, groups jsonb)
       ON CONFLICT (id) DO UPDATE SET zone_id = EXCLUDED.zone_id, kind = EXCLUDED.kind, label = EXCLUDED.label,
              x = EXCLUDED.x, y = EXCLUDED.y, width = EXCLUDED.width, height = EXCLUDED.height, rotation = EXCLUDED.rotation,
              attributes = EXCLUDED.attributes, capacity = EXCLUDED.capacity, bookable = EXCLUDED.bookable,
              restricted_group_ids = EXCLUDED.restricted_group_ids, archived_at = NULL
        WHERE spaces.floor_id = EXCLUDED.floor_id`,
      [floorId, JSON.stringify(layout.spaces.map((s) => ({ ...s, groups: s.restrictedToGroupIds })))],
    );
    const [[row]]: [{ version: number }[], number] = await m.query(
      `UPDATE floors SET plan_width = $2, plan_height = $3, plan_scale = $4, background_id = $5, version = version + 1,
              draft_layout = NULL, updated_at = now(), published_at = now(), published_by = $6
        WHERE id = $1 RETURNING version`,
      [
        floorId,
        layout.plan.width,
        layout.plan.height,
        layout.plan.scale ?? null,
        backgroundIdOf(layout.plan.backgroundUrl),
        actorId,
      ],
    );
    return row.version;
  }
}
