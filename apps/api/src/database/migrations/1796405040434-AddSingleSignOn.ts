import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in with the organisation's identity provider and SCIM provisioning:
 * - `oidc_logins`: a sign-in in progress (state, nonce, PKCE verifier, where to return), bound to the
 *   browser that started it by a cookie's hash; used once, expires after ten minutes. Kept in the
 *   database, so the callback may reach any instance.
 * - `sessions.id_token`, `issuer`: to end the provider's session too at sign-out.
 * - `groups.oidc_name`: the provider's group value a synchronised group mirrors.
 * - `users.scim_deleted_at`: deleted by the provisioning client (kept, deactivated, for statistics).
 */
export class AddSingleSignOn1796405040434 implements MigrationInterface {
  name = 'AddSingleSignOn1796405040434';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oidc_logins (
        state text PRIMARY KEY,
        browser_hash text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE sessions ADD COLUMN id_token text, ADD COLUMN issuer text`);
    await q.query(`ALTER TABLE groups ADD COLUMN oidc_name text`);
    await q.query(`CREATE UNIQUE INDEX groups_oidc_name_key ON groups (oidc_name) WHERE oidc_name IS NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN scim_deleted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN scim_deleted_at`);
    await q.query(`DROP INDEX groups_oidc_name_key`);
    await q.query(`ALTER TABLE groups DROP COLUMN oidc_name`);
    await q.query(`ALTER TABLE sessions DROP COLUMN issuer, DROP COLUMN id_token`);
    await q.query(`DROP TABLE oidc_logins`);
  }
}
