import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from './pool-transaction';

/**
 * Gives every pooled connection a lasting 'error' listener. node-postgres emits 'error' on a client
 * when the server ends the session outside a query (pg_terminate_backend, a restart), and a client
 * without a listener then crashes the process. pg-pool removes its own listener when it hands a
 * client out, and a chunk holding both the last query's ReadyForQuery and the server's FATAL
 * message hands the client to the next waiter and raises the error in one go, before that waiter
 * can listen (seen in tools/fault/outage.mjs: 1 crash in 5 runs). The client is then unusable
 * (`_queryable` false), so its user's query fails with a lost-connection error (503) and the pool
 * drops it on release.
 */
export function guardPoolConnections(dataSource: DataSource): void {
  const logger = new Logger('DatabasePool');
  onEveryPoolClient(dataSource, (client) =>
    client.on('error', (e: Error) => logger.warn(`a database connection failed: ${e.message}`)),
  );
}

/** Runs `attach` once on each pooled connection: those open now, and each new one before its first use. */
export function onEveryPoolClient(dataSource: DataSource, attach: (client: pg.Client) => void): void {
  const pool: pg.Pool | undefined = poolOf(dataSource);
  if (!pool) return;
  const seen = new WeakSet<pg.Client>();
  const once = (client: pg.Client) => {
    if (seen.has(client)) return;
    seen.add(client);
    attach(client);
  };
  pool.on('connect', (client) => once(client as unknown as pg.Client));
  // Connections TypeORM opened while initialising exist before the listener above.
  for (const client of (pool as unknown as { _clients?: pg.Client[] })._clients ?? []) once(client);
}
