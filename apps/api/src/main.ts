import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { joinCluster, supervise } from './cluster';
import { loadConfig } from './config/app-config';
import { DataSource } from 'typeorm';
import { backupEmbedded, embeddedServerRunning, restoreEmbedded } from './database/backup';
import { openDatabase, migrate } from './database/database';
import { Metrics } from './metrics/metrics.service';
import { buildOpenApiDocument } from './openapi/document';
import { PeopleService } from './people/people.service';
import { seedDemoIfEmpty } from './seed/demo-seed';

/** `main.js openapi <file>`: writes the OpenAPI document, built from a throwaway embedded database. */
async function exportOpenApi(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: main.js openapi <file>');
  const dataDir = mkdtempSync(join(tmpdir(), 'flexdesk-openapi-'));
  const config = {
    ...loadConfig(),
    databaseUrl: null,
    dataDir,
    seedDemo: false,
    clientDir: '',
    jobsIntervalSeconds: 0,
  };
  const database = await openDatabase(config);
  const { app, close } = await createApp(config, database).catch(async (e) => {
    await database.stop();
    throw e;
  });
  try {
    writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  new Logger('Flexdesk').log(`wrote the OpenAPI document to ${file}`);
}

/**
 * `main.js create-admin --email <e> --name <n>`: the first admin of a server install (no demo data
 * needed). Prints a one-time link to choose a password, valid for a week.
 */
async function createAdmin(args: string[]): Promise<void> {
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1]?.trim() : undefined;
  };
  const email = option('email');
  const name = option('name') || email?.split('@')[0];
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name) {
    throw new Error('usage: npm run create-admin -- --email <address> --name "<full name>"');
  }
  const config = { ...loadConfig(), clientDir: '', jobsIntervalSeconds: 0 };
  const database = await openDatabase(config);
  const { app, close } = await createApp(config, database).catch(async (e) => {
    await database.stop();
    throw e;
  });
  try {
    const { person, setPassword } = await app.get(PeopleService).ensureAdmin(email, name);
    process.stdout.write(
      `${person.displayName} <${person.email}> is an administrator.\n` +
        `Open this link to choose a password (valid until ${setPassword.expiresAt}):\n${setPassword.url}\n`,
    );
  } finally {
    await close();
  }
}

/** `main.js backup <file>` / `restore <file>`: the embedded database (servers: pg_dump / pg_restore). */
async function backupOrRestore(command: 'backup' | 'restore', file: string | undefined): Promise<void> {
  const logger = new Logger('Backup');
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new Error(
      `${command} covers the embedded database; for a PostgreSQL server use ` +
        (command === 'backup'
          ? '`pg_dump --format=custom --file=<file> "$DATABASE_URL"`'
          : '`pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <file>`') +
        ' (see README "Operations")',
    );
  }
  if (!file) throw new Error(`usage: npm run ${command} -- <file>`);
  if (command === 'backup') {
    const source = await backupEmbedded(config.dataDir, file);
    logger.log(`wrote a backup of ${config.dataDir} to ${file} (taken from the ${source})`);
  } else {
    const kept = await restoreEmbedded(config.dataDir, file);
    logger.log(`restored ${file} into ${config.dataDir}${kept ? `; the previous data is in ${kept}` : ''}`);
  }
}

/** `main.js migrate | revert | seed | insights-rebuild`: maintenance without starting the HTTP server. */
async function maintenance(command: string): Promise<void> {
  const logger = new Logger('Flexdesk');
  const config = loadConfig();
  if (command === 'insights-rebuild' && !config.databaseUrl && (await embeddedServerRunning(config.dataDir))) {
    throw new Error(
      `the server is running on ${config.dataDir}: stop it first (one process may open the embedded database)`,
    );
  }
  const database = await openDatabase(config);
  const dataSource = new DataSource(database.options);
  try {
    await dataSource.initialize();
    if (command === 'migrate') {
      const applied = await migrate(dataSource, database.embedded);
      logger.log(applied.length ? `applied ${applied.length} migration(s)` : 'schema is up to date');
    } else if (command === 'insights-rebuild') {
      await migrate(dataSource, database.embedded);
      const started = Date.now();
      const [{ facts }] = await dataSource.query(`SELECT flexdesk_insights_rebuild()::bigint AS facts`);
      logger.log(`rebuilt the insight rollups from ${facts} booking facts in ${Date.now() - started} ms`);
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.log('reverted the last migration');
    } else {
      await migrate(dataSource, database.embedded);
      logger.log(
        (await seedDemoIfEmpty(dataSource, new Date(), { history: true }))
          ? 'demo data seeded'
          : 'database not empty: nothing seeded',
      );
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

async function bootstrap(): Promise<void> {
  const logger = new Logger('Flexdesk');
  const loaded = loadConfig();
  if (loaded.webConcurrency > 1 && cluster.isPrimary) return supervise(loaded);
  // In a cluster the primary serves METRICS_PORT for all workers.
  const config = cluster.isWorker ? { ...loaded, metricsPort: null } : loaded;
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    // First start of an embedded database: create, migrate and seed it in a child process. Creating
    // (initdb), migrating and seeding grow PGlite's WebAssembly memory, which never shrinks, and
    // even a closed instance's memory stays with the process: the server would idle ~70 MiB larger.
    execFileSync(process.execPath, [...process.execArgv, process.argv[1], config.seedDemo ? 'seed' : 'migrate'], {
      stdio: 'inherit',
    });
  }
  const database = await openDatabase(config);
  const { app, close } = await createApp(config, database).catch(async (e) => {
    await database.stop();
    throw e;
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing requests and closing the database`);
    close()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error('shutdown failed', e instanceof Error ? e.stack : String(e));
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (cluster.isWorker) joinCluster(app.get(Metrics).registry, shutdown);

  // Idle keep-alive connections stay open longer than proxies and load balancers keep theirs (60 s
  // is the common default): the proxy closes first, so it never sends on a socket we just closed.
  // Node's 5 s made bench:peak see an ECONNRESET when a client reused a socket idle for 5 s.
  const http = app.getHttpServer() as HttpServer;
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  logger.log(
    `Flexdesk is running on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')} ` +
      `(${database.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`,
  );
}

const command = process.argv[2];
const known = ['migrate', 'revert', 'seed', 'insights-rebuild', 'openapi', 'create-admin', 'backup', 'restore'];
if (command && !known.includes(command)) {
  new Logger('Flexdesk').error(`unknown command "${command}"; use one of ${known.join(', ')} or none to serve`);
  process.exit(2);
}
const run =
  command === 'openapi'
    ? exportOpenApi(process.argv[3])
    : command === 'create-admin'
      ? createAdmin(process.argv.slice(3))
      : command === 'backup' || command === 'restore'
        ? backupOrRestore(command, process.argv[3])
        : command
          ? maintenance(command)
          : bootstrap();
run.catch((e) => {
  new Logger('Flexdesk').error(e instanceof Error ? e.message : String(e), e instanceof Error ? e.stack : undefined);
  process.exit(1);
});
