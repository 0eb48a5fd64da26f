import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackgroundContentType } from '@flexdesk/shared-contracts';
import { withAudit } from '../audit/audit-log';

export interface NewBackground {
  floorId: string;
  contentType: BackgroundContentType;
  bytes: Buffer;
  sha256: string;
  width: number | null;
  height: number | null;
  createdBy: string | null;
}

export interface BackgroundMeta {
  id: string;
  contentType: BackgroundContentType;
  sha256: string;
  /** Whether some floor shows it to employees (its published layout names it). */
  published: boolean;
}

@Injectable()
export class BackgroundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async floorExists(floorId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM floors WHERE id = $1`, [floorId]);
    return rows.length > 0;
  }

  /**
   * Stores the image with its audit row; returns its id, or null if the floor no longer exists
   * (checked in the insert itself, so a floor deleted meanwhile is not a foreign-key error).
   */
  async insert(b: NewBackground): Promise<string | null> {
    return withAudit(
      this.dataSource,
      (id) =>
        id && b.createdBy
          ? {
              actorId: b.createdBy,
              action: 'upload',
              entityType: 'background',
              entityId: id,
              details: {
                floorId: b.floorId,
                contentType: b.contentType,
                bytes: b.bytes.length,
                width: b.width,
                height: b.height,
              },
            }
          : null,
      async (m) => {
        const rows: { id: string }[] = await m.query(
          `INSERT INTO floor_backgrounds (floor_id, content_type, bytes, sha256, width, height, byte_size, created_by)
           SELECT f.id, $2, $3, $4, $5, $6, $7, $8 FROM floors f WHERE f.id = $1 FOR KEY SHARE OF f
           RETURNING id`,
          [b.floorId, b.contentType, b.bytes, b.sha256, b.width, b.height, b.bytes.length, b.createdBy],
        );
        return rows[0]?.id ?? null;
      },
    );
  }

  /** Everything but the bytes, so that a conditional request answered with 304 never reads them. */
  async findMeta(id: string): Promise<BackgroundMeta | null> {
    const rows: BackgroundMeta[] = await this.dataSource.query(
      `SELECT b.id, b.content_type AS "contentType", b.sha256,
              EXISTS (SELECT 1 FROM floors f WHERE f.background_id = b.id) AS published
         FROM floor_backgrounds b WHERE b.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async bytes(id: string): Promise<Buffer | null> {
    const rows: { bytes: Buffer }[] = await this.dataSource.query(`SELECT bytes FROM floor_backgrounds WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.bytes ?? null;
  }

  async belongsTo(id: string, floorId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM floor_backgrounds WHERE id = $1 AND floor_id = $2`, [
      id,
      floorId,
    ]);
    return rows.length > 0;
  }
}
