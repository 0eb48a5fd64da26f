import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a person by a fragment of their name among 40,000 (`LIKE '%schäf%'`) scanned every row;
 * a trigram index answers fragments of three or more characters from the index. pg_trgm ships with
 * PostgreSQL's contrib package, like btree_gist (and with the embedded database).
 */
export class AddPersonSearchIndex1796404685780 implements MigrationInterface {
  name = 'AddPersonSearchIndex1796404685780';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX users_search_trgm_idx ON users USING gin (search_key gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_search_trgm_idx`);
  }
}
