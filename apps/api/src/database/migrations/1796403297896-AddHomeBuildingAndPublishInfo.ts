import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's home building, which the booking page opens on (set by the person or an admin; until
 * then the API suggests the building of their group's zones). A floor remembers when and by whom its
 * layout was last published, so the editor can say "Version 3, published 2 Dec by …".
 */
export class AddHomeBuildingAndPublishInfo1796403297896 implements MigrationInterface {
  name = 'AddHomeBuildingAndPublishInfo1796403297896';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN home_building_id uuid REFERENCES buildings(id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE floors
        ADD COLUMN published_at timestamptz,
        ADD COLUMN published_by uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE floors DROP COLUMN published_by, DROP COLUMN published_at`);
    await q.query(`ALTER TABLE users DROP COLUMN home_building_id`);
  }
}
