import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies of the search folding in users/person-search.ts at the time of this migration.
const ACCENTED = 'äöüàáâãåèéêëìíîïòóôõøùúûçñýšžčćłđ';
const PLAIN = 'aouaaaaaeeeeiiiiooooouuucnyszccld';
const FOLD = `replace(translate(lower(display_name), '${ACCENTED}', '${PLAIN}'), 'ß', 'ss')`;
const TRANSLIT = `replace(replace(replace(replace(lower(display_name), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')`;

/**
 * People administration and sign-in with the organisation's identity provider:
 * - `search_key`: name folded two ways and e-mail, stored, so searching 40,000 people is one scan
 *   of short strings (or an index) instead of three function calls per row;
 * - `identity_links`: an account is linked to its identity provider by (issuer, subject), never by
 *   e-mail alone;
 * - `password_tokens`: one-time set-password links (invitations and resets), stored as hashes;
 * - `external_id` on people and groups for SCIM provisioning; `deactivated_at` for offboarding.
 */
export class AddPeopleAdministration1796403774214 implements MigrationInterface {
  name = 'AddPeopleAdministration1796403774214';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN external_id text,
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN search_key text GENERATED ALWAYS AS (${FOLD} || ' ' || ${TRANSLIT} || ' ' || lower(email)) STORED`);
    await q.query(`CREATE UNIQUE INDEX users_external_id_key ON users (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX users_name_order_idx ON users (lower(display_name), id)`);
    await q.query(`ALTER TABLE groups ADD COLUMN external_id text`);
    await q.query(`CREATE UNIQUE INDEX groups_external_id_key ON groups (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX user_groups_group_idx ON user_groups (group_id)`);
    await q.query(`
      CREATE TABLE identity_links (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      )`);
    await q.query(`CREATE INDEX identity_links_user_idx ON identity_links (user_id)`);
    await q.query(`
      CREATE TABLE password_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_tokens_user_idx ON password_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_tokens`);
    await q.query(`DROP TABLE identity_links`);
    await q.query(`DROP INDEX user_groups_group_idx`);
    await q.query(`DROP INDEX groups_external_id_key`);
    await q.query(`ALTER TABLE groups DROP COLUMN external_id`);
    await q.query(`DROP INDEX users_name_order_idx`);
    await q.query(`DROP INDEX users_external_id_key`);
    await q.query(`ALTER TABLE users DROP COLUMN search_key, DROP COLUMN deactivated_at, DROP COLUMN external_id`);
  }
}
