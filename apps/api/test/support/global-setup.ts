import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { migrate, openDatabase } from '../../src/database/database';

export const TEMPLATE_ENV = 'FLEXDESK_TEST_TEMPLATE';

/**
 * Creating a PGlite database costs ~5 s of CPU, loading a dump of one ~1 s. So the integration run
 * creates and migrates one embedded database, dumps it to a file, and every spec file loads a copy
 * (Jest runs the setup in the parent process; the specs inherit the environment variable).
 * Against a server (DATABASE_URL) there is nothing to prepare: the specs truncate instead.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) return;
  const config = loadConfig({ DATABASE_URL: '', CLIENT_DIR: '', SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
  const database = await openDatabase(config, null);
  const dataSource = await new DataSource(database.options).initialize();
  try {
    await migrate(dataSource, true);
  } finally {
    await dataSource.destroy();
  }
  const dump = await database.dump?.();
  await database.stop();
  if (!dump) return;
  const file = join(tmpdir(), `flexdesk-test-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_ENV] = file;
}
