import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale } from '@flexdesk/shared-contracts';

export interface FeedOwner {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}

/** The personal subscription feed: one secret per user, stored only as its SHA-256 hash. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasFeed(userId: string): Promise<boolean> {
    const rows: { active: boolean }[] = await this.dataSource.query(
      `SELECT calendar_token_hash IS NOT NULL AS active FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.active ?? false;
  }

  /** Replaces any earlier secret (null revokes), so an old URL stops working at once. */
  async setFeedHash(userId: string, hash: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE users SET calendar_token_hash = $2, updated_at = now() WHERE id = $1`, [userId, hash]);
  }

  /** Deactivated accounts keep their hash but serve nothing. */
  async findOwnerByFeedHash(hash: string): Promise<FeedOwner | null> {
    const rows: FeedOwner[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale FROM users WHERE calendar_token_hash = $1 AND active`,
      [hash],
    );
    return rows[0] ?? null;
  }
}
