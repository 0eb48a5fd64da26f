import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp, type CreatedApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { openDatabase } from '../../src/database/database';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed';
import { TEMPLATE_ENV } from './global-setup';

/**
 * A clock the tests move by hand. Specs that move it reset it after each test
 * (`afterEach(() => t.clock.reset())`), so a failing test cannot leave the next one in another time.
 */
export class TestClock extends Clock {
  private current: Date;
  constructor(private readonly start: Date) {
    super();
    this.current = new Date(start);
  }
  reset(): void {
    this.current = new Date(this.start);
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
}

export interface TestApp {
  url: string;
  clock: TestClock;
  dataSource: DataSource;
  created: CreatedApp;
  close(): Promise<void>;
}

/** The API's configuration in tests: DATABASE_URL as given, no client, no demo seed, jobs run by hand. */
function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    DATABASE_URL: process.env['DATABASE_URL'],
    CLIENT_DIR: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // Tests run jobs by hand, at the time they set.
    JOBS_INTERVAL_SECONDS: '0',
    ...env,
  });
}

/** Empties every table but the migrations' own, so a table added by a new migration is reset too. */
export async function resetData(dataSource: DataSource): Promise<void> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  await dataSource.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * The real API on a real, migrated PostgreSQL: an in-memory PGlite by default, the server named by
 * DATABASE_URL when set (then all data is reset first, so files can share one database).
 * The demo organisation is seeded as seen from `now`, which the returned clock reports.
 */
export async function startTestApp(
  now: string,
  env: Record<string, string> = {},
  options: {
    /** Puts something between the API and its database (see tcp-proxy.ts); returns the URL to use. */
    interpose?: (databaseUrl: string) => Promise<string>;
    /** Listen here instead of on any free port (when the URL must be known before start). */
    port?: number;
    /** On a server: keep the data another instance left (a restart), instead of resetting it. */
    keepData?: boolean;
  } = {},
): Promise<TestApp> {
  const { interpose } = options;
  const config = testConfig(env);
  const templateFile = process.env[TEMPLATE_ENV];
  const template = templateFile && !config.databaseUrl ? new Blob([readFileSync(templateFile)]) : undefined;
  const opened = await openDatabase(config, null, template);
  const proxied = interpose ? await interpose(opened.url) : null;
  const database = proxied
    ? { ...opened, url: proxied, options: { ...opened.options, url: proxied } as typeof opened.options }
    : opened;
  const clock = new TestClock(new Date(now));
  const created = await createApp(config, database, clock);
  const dataSource = created.app.get(DataSource);
  if (!database.embedded && !options.keepData) await resetData(dataSource);
  await seedDemoIfEmpty(dataSource, clock.now());
  await created.app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = created.app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, clock, dataSource, created, close: () => created.close() };
}

export interface SecondInstance {
  url: string;
  created: CreatedApp;
  close(): Promise<void>;
}

/**
 * Another API instance (own pool, own listener, own caches) over the server database the first one
 * uses, as a second replica behind a load balancer would be: only with DATABASE_URL, since the
 * embedded database lives inside one process. Shares the first one's clock.
 */
export async function startSecondInstance(first: TestApp): Promise<SecondInstance> {
  const config = testConfig();
  if (!config.databaseUrl) throw new Error('a second instance needs DATABASE_URL');
  const created = await createApp(config, await openDatabase(config), first.clock);
  await created.app.listen(0, '127.0.0.1');
  const { port } = created.app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, created, close: () => created.close() };
}
