import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp, type CreatedApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { backupEmbedded, backupSocketPath, restoreEmbedded } from '../src/database/backup';
import { openDatabase } from '../src/database/database';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { loggedIn } from './support/http';
import { TEMPLATE_ENV } from './support/global-setup';

/**
 * `npm run backup` / `npm run restore` for the embedded database: a backup taken while the server
 * runs, then changes, then a restore, must give back exactly the data of the moment of the backup.
 * (A PostgreSQL server is backed up with pg_dump; see README "Operations".)
 */
const embeddedOnly = process.env['DATABASE_URL'] ? describe.skip : describe;

const TABLES = ['users', 'buildings', 'floors', 'zones', 'spaces', 'bookings', 'closures', 'audit_log', 'migrations'];

embeddedOnly('backup and restore of the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'fd-bk-'));
  const dataDir = join(root, 'data');
  const config = loadConfig({ DATA_DIR: dataDir, CLIENT_DIR: '', SEED_DEMO: 'false', LOG_LEVEL: 'warn', JOBS_INTERVAL_SECONDS: '0' });
  const clock = new Clock();

  const start = async (): Promise<{ app: CreatedApp; url: string; dataSource: DataSource }> => {
    const templateFile = process.env[TEMPLATE_ENV];
    // A fresh folder gets the migrated template; an existing one is opened as it is.
    const template = templateFile && !existsSync(join(dataDir, 'PG_VERSION')) ? new Blob([readFileSync(templateFile)]) : undefined;
    const database = await openDatabase(config, dataDir, template);
    const app = await createApp(config, database, clock);
    const dataSource = app.app.get(DataSource);
    await seedDemoIfEmpty(dataSource, clock.now());
    await app.app.listen(0, '127.0.0.1');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    return { app, url: `http://127.0.0.1:${port}`, dataSource };
  };

  /** A fingerprint of every row of the tables that matter. */
  const fingerprint = async (dataSource: DataSource) => {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM ${table} t`,
      );
      out[table] = `${row.n}:${row.h}`;
    }
    return out;
  };

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a running server, and a restore brings back exactly that state', async () => {
    let running = await start();
    const atBackup = await fingerprint(running.dataSource);
    expect(Number(atBackup['bookings'].split(':')[0])).toBeGreaterThan(0);

    const file = join(root, 'flexdesk.tar.gz');
    expect(await backupEmbedded(dataDir, file)).toBe('running server');
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // Changes after the backup: a new building, a cancelled booking.
    const admin = await loggedIn(running.url, 'admin@example.com');
    expect(
      (
        await admin.post('/api/buildings', {
          name: 'After the backup',
          address: '',
          timeZone: 'Europe/Berlin',
          openingHours: [],
          midday: '12:00',
        })
      ).status,
    ).toBe(201);
    await running.dataSource.query(`UPDATE bookings SET status = 'cancelled' WHERE status = 'confirmed'`);
    const changed = await fingerprint(running.dataSource);
    expect(changed['buildings']).not.toBe(atBackup['buildings']);
    expect(changed['bookings']).not.toBe(atBackup['bookings']);

    await expect(restoreEmbedded(dataDir, file)).rejects.toThrow(/running/);
    await running.app.close();
    expect(existsSync(backupSocketPath(dataDir) as string)).toBe(false);

    const kept = await restoreEmbedded(dataDir, file);
    expect(kept && existsSync(kept)).toBe(true);
    running = await start();
    try {
      expect(await fingerprint(running.dataSource)).toEqual(atBackup);
      // And it serves: the demo accounts sign in on the restored data.
      await loggedIn(running.url, 'employee@example.com');
    } finally {
      await running.app.close();
    }
  });

  it('backs up a stopped database from its folder, and refuses to restore what is not a backup', async () => {
    const file = join(root, 'offline.tar.gz');
    expect(await backupEmbedded(dataDir, file)).toBe('data folder');
    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    await expect(restoreEmbedded(dataDir, junk)).rejects.toThrow();
    // The data folder is untouched by the refused restore.
    const running = await start();
    try {
      expect(Number((await fingerprint(running.dataSource))['bookings'].split(':')[0])).toBeGreaterThan(0);
    } finally {
      await running.app.close();
    }
  });
});
