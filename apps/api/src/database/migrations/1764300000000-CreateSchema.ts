import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchema1764300000000 implements MigrationInterface {
  name = 'CreateSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT groups_name_key UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text,
        roles text[] NOT NULL DEFAULT '{employee}',
        locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
        show_name_to_colleagues boolean NOT NULL DEFAULT false,
        default_floor_id uuid,
        calendar_token_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_roles_check CHECK (roles <@ ARRAY['employee','receptionist','facility_manager','admin']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(
      `CREATE UNIQUE INDEX users_calendar_token_key ON users (calendar_token_hash) WHERE calendar_token_hash IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE user_groups (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, group_id)
      )`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (key, window_start)
      )`);

    await q.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        address text NOT NULL DEFAULT '',
        time_zone text NOT NULL,
        opening_hours jsonb NOT NULL DEFAULT '[]',
        midday text NOT NULL DEFAULT '12:00' CHECK (midday ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE closures (
        building_id uuid NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
        date date NOT NULL,
        reason text NOT NULL DEFAULT '',
        PRIMARY KEY (building_id, date)
      )`);

    // space_kind '*' holds the building-wide override; a kind's row overrides that.
    await q.query(`
      CREATE TABLE policies (
        building_id uuid NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
        space_kind text NOT NULL CHECK (space_kind IN ('*', 'desk', 'room', 'parking')),
        rules jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (building_id, space_kind)
      )`);

    await q.query(`
      CREATE TABLE floors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        building_id uuid NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
        name text NOT NULL,
        level integer NOT NULL DEFAULT 0,
        plan_width double precision NOT NULL DEFAULT 1000 CHECK (plan_width > 0),
        plan_height double precision NOT NULL DEFAULT 700 CHECK (plan_height > 0),
        background_path text,
        background_scale double precision,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX floors_building_idx ON floors (building_id, level)`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_default_floor_fkey FOREIGN KEY (default_floor_id) REFERENCES floors(id) ON DELETE SET NULL`,
    );

    await q.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        floor_id uuid NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
        name text NOT NULL,
        color text NOT NULL DEFAULT '#4f7cac' CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
        polygon jsonb NOT NULL DEFAULT '[]',
        restricted_group_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX zones_floor_idx ON zones (floor_id)`);

    await q.query(`
      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        floor_id uuid NOT NULL REFERENCES floors(id) ON DELETE CASCADE,
        zone_id uuid REFERENCES zones(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('desk', 'room', 'parking')),
        label text NOT NULL,
        x double precision NOT NULL DEFAULT 0,
        y double precision NOT NULL DEFAULT 0,
        width double precision NOT NULL DEFAULT 40 CHECK (width > 0),
        height double precision NOT NULL DEFAULT 30 CHECK (height > 0),
        rotation double precision NOT NULL DEFAULT 0,
        attributes text[] NOT NULL DEFAULT '{}',
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        bookable boolean NOT NULL DEFAULT true,
        restricted_group_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spaces_floor_label_key UNIQUE (floor_id, label)
      )`);

    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        booker_id uuid REFERENCES users(id) ON DELETE SET NULL,
        creator_id uuid REFERENCES users(id) ON DELETE SET NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        local_date date NOT NULL,
        slot text NOT NULL CHECK (slot IN ('day', 'am', 'pm', 'custom')),
        status text NOT NULL DEFAULT 'confirmed'
          CHECK (status IN ('confirmed', 'checked_in', 'cancelled', 'released')),
        checked_in_at timestamptz,
        cancelled_at timestamptz,
        released_at timestamptz,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bookings_range_check CHECK (end_at > start_at),
        -- The invariant of the whole product: no two occupying bookings of one space overlap.
        CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
          space_id WITH =,
          tstzrange(start_at, end_at, '[)') WITH &&
        ) WHERE (status IN ('confirmed', 'checked_in'))
      )`);
    await q.query(
      `CREATE INDEX bookings_space_date_idx ON bookings (space_id, local_date) WHERE status IN ('confirmed', 'checked_in')`,
    );
    await q.query(`CREATE INDEX bookings_booker_date_idx ON bookings (booker_id, local_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'bookings',
      'spaces',
      'zones',
      'users_default_floor_fkey',
      'floors',
      'policies',
      'closures',
      'buildings',
      'rate_limits',
      'sessions',
      'user_groups',
      'users',
      'groups',
    ]) {
      if (table === 'users_default_floor_fkey') {
        await q.query(`ALTER TABLE users DROP CONSTRAINT users_default_floor_fkey`);
      } else {
        await q.query(`DROP TABLE ${table}`);
      }
    }
  }
}
