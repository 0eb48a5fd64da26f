import { Injectable } from '@nestjs/common';
import { prepared } from '../database/prepared';
import { DataSource } from 'typeorm';
import type { Locale, Role } from '@flexdesk/shared-contracts';

export interface SessionRow {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  showNameToColleagues: boolean;
  defaultFloorId: string | null;
  groupIds: string[];
  receptionAllBuildings: boolean;
  receptionBuildingIds: string[];
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `sso`: the provider's ID token and issuer, to end its session too at sign-out. */
  async create(
    userId: string,
    tokenHash: string,
    csrfToken: string,
    expiresAt: Date,
    sso?: { idToken: string; issuer: string },
  ): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at, id_token, issuer) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [userId, tokenHash, csrfToken, expiresAt, sso?.idToken ?? null, sso?.issuer ?? null],
    );
    return rows[0].id;
  }

  /**
   * One round trip per authenticated request not served from auth/session-cache.ts: the session, its user, the user's groups and the
   * buildings they work reception for.
   */
  async findValid(tokenHash: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await prepared(
      this.dataSource,
      'session_find_valid_v3',
      `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", u.id AS "userId", u.email,
              u.display_name AS "displayName", u.roles, u.locale,
              u.show_name_to_colleagues AS "showNameToColleagues", u.default_floor_id AS "defaultFloorId",
              COALESCE((SELECT array_agg(g.group_id) FROM user_groups g WHERE g.user_id = u.id), '{}') AS "groupIds",
              u.reception_all_buildings AS "receptionAllBuildings",
              COALESCE((SELECT array_agg(r.building_id) FROM reception_assignments r WHERE r.user_id = u.id), '{}')
                AS "receptionBuildingIds"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Ends the session; returns the provider's ID token if it was a single sign-on. */
  async delete(sessionId: string): Promise<{ idToken: string | null; issuer: string | null } | null> {
    const [rows]: [{ idToken: string | null; issuer: string | null }[], number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE id = $1 RETURNING id_token AS "idToken", issuer`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  /** A new password: the hash changes and every other session of the person ends, at once. */
  async changePassword(userId: string, passwordHash: string, keepSessionId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await m.query(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, [userId, keepSessionId]);
    });
  }

  async passwordHash(userId: string): Promise<string | null> {
    const rows: { hash: string | null }[] = await this.dataSource.query(
      `SELECT password_hash AS hash FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.hash ?? null;
  }

  /** Replaces a verified hash by one with today's parameters (argon2id), unless it changed meanwhile. */
  async upgradeHash(userId: string, oldHash: string, newHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [
      userId,
      oldHash,
      newHash,
    ]);
  }
}
