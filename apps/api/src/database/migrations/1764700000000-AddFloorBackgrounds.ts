import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Floor backgrounds live in the database (several API instances need no shared disk). Uploads are
 * immutable; a floor shows the one its published layout names. The composite key makes it
 * impossible for a floor to show another floor's image. `background_path` (never written) goes, and
 * `background_scale` becomes `plan_scale`: it is the plan's units per metre, not a property of the image.
 */
export class AddFloorBackgrounds1764700000000 implements MigrationInterface {
  name = 'AddFloorBackgrounds1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE floor_backgrounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        floor_id uuid NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
        bytes bytea NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        width integer CHECK (width > 0),
        height integer CHECK (height > 0),
        byte_size integer NOT NULL CHECK (byte_size = octet_length(bytes)),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT floor_backgrounds_id_floor_key UNIQUE (id, floor_id)
      )`);
    await q.query(`CREATE INDEX floor_backgrounds_floor_idx ON floor_backgrounds (floor_id)`);
    await q.query(`ALTER TABLE floors ADD COLUMN background_id uuid`);
    await q.query(`
      ALTER TABLE floors ADD CONSTRAINT floors_background_fkey
        FOREIGN KEY (background_id, id) REFERENCES floor_backgrounds (id, floor_id)`);
    await q.query(`ALTER TABLE floors DROP COLUMN background_path`);
    await q.query(`ALTER TABLE floors RENAME COLUMN background_scale TO plan_scale`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE floors RENAME COLUMN plan_scale TO background_scale`);
    await q.query(`ALTER TABLE floors ADD COLUMN background_path text`);
    await q.query(`ALTER TABLE floors DROP CONSTRAINT floors_background_fkey`);
    await q.query(`ALTER TABLE floors DROP COLUMN background_id`);
    await q.query(`DROP TABLE floor_backgrounds`);
  }
}
