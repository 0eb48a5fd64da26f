import { mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serveBackups } from './backup';
import { EMBEDDED_EXTENSIONS, EMBEDDED_START_PARAMS, preferSmallWasmCode } from './pglite-options';

export interface EmbeddedDatabase {
  url: string;
  db: PGlite;
  stop(): Promise<void>;
}

/** Connections the embedded database serves; the pool must not exceed it. */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * Starts PGlite in this process and serves it over the PostgreSQL wire protocol on a loopback port,
 * so the ordinary `pg` driver (and TypeORM) use it exactly as they would a server.
 */
export async function startEmbeddedDatabase(dataDir: string | null, template?: Blob): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedDatabase');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  preferSmallWasmCode();
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // A dump of an already migrated database: loading one takes a quarter of creating one.
    ...(template ? { loadDataDir: template } : {}),
    extensions: EMBEDDED_EXTENSIONS,
    startParams: EMBEDDED_START_PARAMS,
  });
  // One connection only: PGlite is a single backend, and the socket server interleaves the
  // extended-protocol messages of concurrent connections (seen here as "portal does not exist"
  // and wrong bind counts under 50 parallel requests). node-postgres queues on the one client.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const backups = dataDir ? await serveBackups(dataDir, db) : null;
  logger.log(`PGlite ${dataDir ? `in ${dataDir}` : 'in memory'} ready in ${Date.now() - started} ms`);
  let stopped = false;
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (backups) await new Promise((resolve) => backups.close(resolve));
      await server.stop();
      // close() checkpoints, so an interrupted start-up leaves a usable data folder.
      await db.close();
    },
  };
}
