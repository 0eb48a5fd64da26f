import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@flexdesk/shared-contracts';
import { recordAudit } from '../audit/audit-log';
import type { OidcIdentity } from './oidc-claims';

export interface OidcAttempt {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export type SignInOutcome =
  | { kind: 'ok'; userId: string }
  | { kind: 'inactive' }
  /** No e-mail to create an account with, or the address belongs to an account linked elsewhere. */
  | { kind: 'conflict' };

export interface SignInPolicy {
  /** Roles from the role map, or null when no role map is configured (roles stay as they are). */
  roles: Role[] | null;
  /** Provider group values to mirror as groups, or null when groups are not synchronised. */
  groups: string[] | null;
}

/** Sign-ins in progress, and accounts linked to the identity provider by (issuer, subject). */
@Injectable()
export class OidcRepository {
  constructor(private readonly dataSource: DataSource) {}

  async saveAttempt(state: string, browserHash: string, attempt: OidcAttempt, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oidc_logins (state, browser_hash, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [state, browserHash, attempt.nonce, attempt.codeVerifier, attempt.returnTo, expiresAt],
    );
  }

  /** The attempt, used up, if it exists, has not expired and was started by this browser. */
  async consumeAttempt(state: string, browserHash: string): Promise<OidcAttempt | null> {
    const [rows]: [OidcAttempt[], number] = await this.dataSource.query(
      `DELETE FROM oidc_logins WHERE state = $1 AND browser_hash = $2 AND expires_at > now()
       RETURNING nonce, code_verifier AS "codeVerifier", return_to AS "returnTo"`,
      [state, browserHash],
    );
    return rows[0] ?? null;
  }

  /**
   * Finds the account for a provider identity, in one transaction: by its link; else an account
   * with the same e-mail that no provider is linked to yet (pre-created by an admin, an import or
   * SCIM), which is then linked; else a new account. Name, e-mail, roles and groups are refreshed
   * from the provider at every sign-in.
   */
  async signIn(identity: OidcIdentity, policy: SignInPolicy): Promise<SignInOutcome> {
    return this.dataSource.transaction(async (m) => {
      // Two first sign-ins of one person racing (two tabs) must not create two accounts.
      await m.query(`SELECT pg_advisory_xact_lock(7346401, hashtext($1))`, [`${identity.issuer} ${identity.subject}`]);
      let userId = await this.linkedUser(m, identity);
      if (!userId) {
        if (!identity.email) return { kind: 'conflict' };
        const [candidate]: { id: string; linked: boolean }[] = await m.query(
          `SELECT u.id, EXISTS (SELECT 1 FROM identity_links l WHERE l.user_id = u.id) AS linked
             FROM users u WHERE lower(u.email) = $1`,
          [identity.email],
        );
        if (candidate?.linked) return { kind: 'conflict' };
        userId = candidate?.id ?? (await this.create(m, identity, policy.roles ?? ['employee']));
        await m.query(`INSERT INTO identity_links (issuer, subject, user_id) VALUES ($1, $2, $3)`, [
          identity.issuer,
          identity.subject,
          userId,
        ]);
        await recordAudit(m, {
          actorId: userId,
          action: candidate ? 'sso.linked' : 'sso.provisioned',
          entityType: 'user',
          entityId: userId,
          details: { issuer: identity.issuer },
        });
      }
      const [user]: { active: boolean }[] = await m.query(`SELECT active FROM users WHERE id = $1`, [userId]);
      if (!user.active) return { kind: 'inactive' };
      await this.refresh(m, userId, identity, policy);
      return { kind: 'ok', userId };
    });
  }

  private async linkedUser(m: EntityManager, identity: OidcIdentity): Promise<string | null> {
    const [row]: { userId: string }[] = await m.query(
      `SELECT user_id AS "userId" FROM identity_links WHERE issuer = $1 AND subject = $2`,
      [identity.issuer, identity.subject],
    );
    return row?.userId ?? null;
  }

  private async create(m: EntityManager, identity: OidcIdentity, roles: Role[]): Promise<string> {
    const [row] = await m.query(`INSERT INTO users (email, display_name, roles) VALUES ($1, $2, $3) RETURNING id`, [
      identity.email,
      identity.displayName,
      roles,
    ]);
    return row.id;
  }

  private async refresh(m: EntityManager, userId: string, identity: OidcIdentity, policy: SignInPolicy): Promise<void> {
    // The e-mail follows the provider unless another account already uses it.
    await m.query(
      `UPDATE users SET display_name = $2,
              email = CASE WHEN $3::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower($3) AND o.id <> $1)
                           THEN $3 ELSE email END,
              roles = COALESCE($4::text[], roles), updated_at = now()
        WHERE id = $1`,
      [userId, identity.displayName, identity.email, policy.roles],
    );
    if (policy.groups === null) return;
    // Mirrored groups follow the provider; groups kept by hand in Flexdesk are left alone.
    if (policy.groups.length) {
      await m.query(
        `INSERT INTO groups (name, oidc_name) SELECT g, g FROM unnest($1::text[]) g ON CONFLICT DO NOTHING`,
        [policy.groups],
      );
      await m.query(`UPDATE groups SET oidc_name = name WHERE name = ANY ($1::text[]) AND oidc_name IS NULL`, [
        policy.groups,
      ]);
    }
    await m.query(
      `DELETE FROM user_groups ug USING groups g
        WHERE ug.group_id = g.id AND ug.user_id = $1 AND g.oidc_name IS NOT NULL AND NOT (g.oidc_name = ANY ($2::text[]))`,
      [userId, policy.groups],
    );
    await m.query(
      `INSERT INTO user_groups (user_id, group_id) SELECT $1, g.id FROM groups g WHERE g.oidc_name = ANY ($2::text[]) ON CONFLICT DO NOTHING`,
      [userId, policy.groups],
    );
  }
}
