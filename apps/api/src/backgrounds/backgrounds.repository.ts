import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BackgroundContentType } from '@flexdesk/shared-contracts';

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

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(b: NewBackground, m: EntityManager | DataSource = this.dataSource): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO floor_backgrounds (floor_id, content_type, bytes, sha256, width, height, byte_size, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [b.floorId, b.contentType, b.bytes, b.sha256, b.width, b.height, b.bytes.length, b.createdBy],
    );
    return rows[0].id;
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
