import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EMBEDDED_POOL_SIZE, startEmbeddedDatabase } from './embedded';
import { MIGRATIONS } from './migrations';

/** An open database: the options TypeORM connects with, and how to stop what we started. */
export interface DatabaseHandle extends DatabaseInfo {
  options: DataSourceOptions;
  stop(): Promise<void>;
  /** Embedded only: a copy of the data directory, which the tests load as a ready-made template. */
  dump?(): Promise<Blob>;
}

/** What the running app needs to know about its database beyond the TypeORM options. */
export interface DatabaseInfo {
  embedded: boolean;
  url: string;
}
export const DATABASE_INFO = Symbol('DATABASE_INFO');

// Any constant works; it only has to be the same on every instance.
const MIGRATION_LOCK_KEY = 7_346_221;

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every query is reviewed SQL in a repository (see HOUSE_STYLE rule 5).
    entities: [],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // node-postgres pool settings; pg parses timestamptz into Date, dates stay strings.
    // A database that does not answer a connection within 3 s is treated as down (503), rather
    // than holding requests for longer than a client or load balancer would wait.
    extra: { max: poolSize, connectionTimeoutMillis: 3_000 },
    // Query errors surface through the problem filter's log; expected ones (23P01) are not noise.
    logging: ['migration'],
  };
}

export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'poolSize'>,
  dataDirOverride?: string | null,
  template?: Blob,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return {
      options: dataSourceOptions(config.databaseUrl, config.poolSize),
      url: config.databaseUrl,
      embedded: false,
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedDatabase(
    dataDirOverride === undefined ? config.dataDir : dataDirOverride,
    template,
  );
  const options = dataSourceOptions(embedded.url, EMBEDDED_POOL_SIZE);
  // Keep the one connection open: it is also the one that receives live-event notifications.
  return {
    options: { ...options, extra: { ...options.extra, idleTimeoutMillis: 0 } } as DataSourceOptions,
    url: embedded.url,
    embedded: true,
    stop: () => embedded.stop(),
    dump: () => embedded.db.dumpDataDir('none'),
  };
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several instances starting at once
 * migrate exactly once and the others wait for the result.
 */
export async function migrate(dataSource: DataSource, embedded: boolean): Promise<string[]> {
  const logger = new Logger('Migrations');
  if (embedded) {
    // One process owns an embedded database, and its single connection cannot hold a lock
    // while the migrations run on it.
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
