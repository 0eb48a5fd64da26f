import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `NOTIFY flexdesk_sessions` whenever anything a session look-up returns changes (see
 * SessionsRepository.findValid): a session ended or changed, or its person's name, address, roles,
 * language, name visibility, default floor, front-desk buildings, groups or active flag. The payload
 * is the people's ids, comma-separated, or `*` for "anyone" (a TRUNCATE, or too many for one
 * message). Each API instance keeps sessions it has looked up (auth/session-cache.ts) and drops a
 * person's on such a notice. The change's own connection also gets a NOTICE with the same people
 * as the statement runs, so the instance that made the change drops them before it answers. Pooled
 * connections do not LISTEN for that: PostgreSQL 15 wakes every backend listening in the database on
 * each NOTIFY of any channel, and every booking NOTIFYs (bench:booking measured the cost of ten
 * listening pool connections). Statement-level: offboarding or the nightly purge of expired sessions
 * sends one notice per statement, not one per row. Signing in (a new session) sends nothing.
 */
export class AddSessionChangeNotices1796416000000 implements MigrationInterface {
  name = 'AddSessionChangeNotices1796416000000';

  async up(q: QueryRunner): Promise<void> {
    // 8000 bytes is PostgreSQL's payload limit; a uuid and its comma take 37. The NOTICE goes to the
    // connection that made the change only, at once: its instance drops the people's sessions before
    // the statement returns, while the NOTIFY reaches every instance's listener after the commit.
    await q.query(`
      CREATE FUNCTION flexdesk_sessions_notify(ids text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        people text := CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END;
      BEGIN
        IF people IS NULL THEN RETURN; END IF;
        PERFORM pg_notify('flexdesk_sessions', people);
        RAISE NOTICE USING MESSAGE = 'flexdesk_sessions', DETAIL = people;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_sessions_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM flexdesk_sessions_notify((SELECT string_agg(DISTINCT user_id::text, ',') FROM changed));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_sessions_rows_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM flexdesk_sessions_notify((SELECT string_agg(DISTINCT id::text, ',')
          FROM (SELECT user_id AS id FROM old_rows UNION SELECT user_id FROM new_rows) ids));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_sessions_users_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM flexdesk_sessions_notify((SELECT string_agg(n.id::text, ',') FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.email, o.display_name, o.roles, o.locale, o.show_name_to_colleagues, o.default_floor_id,
                 o.reception_all_buildings, o.active)
                IS DISTINCT FROM (n.email, n.display_name, n.roles, n.locale, n.show_name_to_colleagues,
                 n.default_floor_id, n.reception_all_buildings, n.active)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION flexdesk_sessions_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM flexdesk_sessions_notify('*');
        RETURN NULL;
      END $$`);
    for (const table of ['sessions', 'user_groups', 'reception_assignments']) {
      // A new session needs no notice: nobody can have kept it.
      if (table !== 'sessions') {
        await q.query(`CREATE TRIGGER ${table}_session_notice_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_sessions_rows_changed()`);
      }
      await q.query(`CREATE TRIGGER ${table}_session_notice_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_sessions_rows_changed()`);
      await q.query(`CREATE TRIGGER ${table}_session_notice_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_sessions_rows_updated()`);
    }
    await q.query(`CREATE TRIGGER users_session_notice_update AFTER UPDATE ON users
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_sessions_users_updated()`);
    for (const table of ['sessions', 'user_groups', 'reception_assignments', 'users']) {
      await q.query(`CREATE TRIGGER ${table}_session_notice_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_sessions_truncated()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sessions', 'user_groups', 'reception_assignments', 'users']) {
      for (const op of ['insert', 'delete', 'update', 'truncate'])
        await q.query(`DROP TRIGGER IF EXISTS ${table}_session_notice_${op} ON ${table}`);
    }
    for (const fn of ['rows_changed', 'rows_updated', 'users_updated', 'truncated'])
      await q.query(`DROP FUNCTION flexdesk_sessions_${fn}()`);
    await q.query(`DROP FUNCTION flexdesk_sessions_notify(text)`);
  }
}
