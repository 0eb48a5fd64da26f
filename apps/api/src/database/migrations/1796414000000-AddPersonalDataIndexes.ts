import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's data export (`GET /api/me/export`) reads every row that refers to them. Two tables grow
 * without bound and had no index for that: bookings made on someone else's behalf (by their creator:
 * a partial index, since nearly every booking is its booker's own and needs no entry) and the
 * outbox (by recipient; the index also spares deleting a person a scan of every message).
 */
export class AddPersonalDataIndexes1796414000000 implements MigrationInterface {
  name = 'AddPersonalDataIndexes1796414000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX bookings_on_behalf_idx ON bookings (creator_id) WHERE creator_id IS DISTINCT FROM booker_id`,
    );
    await q.query(`CREATE INDEX outbox_recipient_idx ON outbox (recipient_id) WHERE recipient_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_recipient_idx`);
    await q.query(`DROP INDEX bookings_on_behalf_idx`);
  }
}
