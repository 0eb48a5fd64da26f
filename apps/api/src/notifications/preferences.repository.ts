import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Each person's switched-off kinds of e-mail (`users.notification_preferences`; absent means on). */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<Record<string, boolean> | null> {
    const rows: { p: Record<string, boolean> }[] = await this.dataSource.query(
      `SELECT notification_preferences AS p FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.p ?? null;
  }

  /** Merges `changes` into what is stored; returns the result. */
  async merge(userId: string, changes: Record<string, boolean>): Promise<Record<string, boolean> | null> {
    const [rows]: [{ p: Record<string, boolean> }[], number] = await this.dataSource.query(
      `UPDATE users SET notification_preferences = notification_preferences || $2::jsonb, updated_at = now()
        WHERE id = $1 RETURNING notification_preferences AS p`,
      [userId, JSON.stringify(changes)],
    );
    return rows[0]?.p ?? null;
  }
}
