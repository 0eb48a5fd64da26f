import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAudit } from '../audit/audit-log';
import { accountMail } from '../database/outbox-cause';

export interface PasswordTokenRow {
  userId: string;
  email: string;
  displayName: string;
  purpose: 'invite' | 'reset';
  expiresAt: Date;
}

/**
 * One-time set-password links (invitations and resets). Only the token's hash is stored; a new
 * link for a person voids their older ones, and using one ends every session of the person.
 */
@Injectable()
export class PasswordTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(
    actorId: string | null,
    userId: string,
    purpose: 'invite' | 'reset',
    tokenHash: string,
    expiresAt: Date,
    /** The link itself, mailed to the person (see accountMail). */
    url: string,
  ): Promise<void> {
    await withAudit(
      this.dataSource,
      { actorId, action: purpose === 'invite' ? 'invite' : 'password-reset', entityType: 'user', entityId: userId },
      async (m) => {
        await m.query(`DELETE FROM password_tokens WHERE user_id = $1 AND used_at IS NULL`, [userId]);
        await m.query(
          `INSERT INTO password_tokens (user_id, token_hash, purpose, expires_at, created_by) VALUES ($1, $2, $3, $4, $5)`,
          [userId, tokenHash, purpose, expiresAt, actorId],
        );
        await accountMail(m, userId, purpose, tokenHash, { url, expiresAt });
      },
    );
  }

  /** The valid (unused, unexpired) link of an active person. */
  async find(tokenHash: string): Promise<PasswordTokenRow | null> {
    const rows: PasswordTokenRow[] = await this.dataSource.query(
      `SELECT t.user_id AS "userId", u.email, u.display_name AS "displayName", t.purpose, t.expires_at AS "expiresAt"
         FROM password_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets the password if the link is still valid, marking it used and ending the person's
   * sessions, all at once; returns the person's id, or null when the link was not (any more) valid.
   */
  async consume(tokenHash: string, passwordHash: string): Promise<string | null> {
    return this.dataSource.transaction(async (m) => {
      const [rows]: [{ userId: string }[], number] = await m.query(
        `UPDATE password_tokens t SET used_at = now()
           FROM users u
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.id = t.user_id AND u.active
        RETURNING t.user_id AS "userId"`,
        [tokenHash],
      );
      const userId = rows[0]?.userId;
      if (!userId) return null;
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      return userId;
    });
  }
}
