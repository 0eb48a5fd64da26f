import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** Runs one statement, answering its rows: on a TypeORM manager or straight on a pooled connection. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed where they are read
export type Sql = (text: string, values?: unknown[]) => Promise<any[]>;

export const managerSql =
  (m: EntityManager): Sql =>
  (text, values) =>
    m.query(text, values);

/** The pg pool TypeORM manages. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * A transaction on a pooled connection without TypeORM's query runner, for the hottest write path
 * (a booking): the runner's bookkeeping per statement (events, logging, result wrapping) cost about
 * as much as a statement's driver work (bench:booking). Errors are pg's own, not QueryFailedError
 * (isPgError and the problem filter read both). A connection whose ROLLBACK failed is not pooled again.
 */
export async function poolTransaction<T>(dataSource: DataSource, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await poolOf(dataSource).connect();
  let broken: Error | undefined;
  try {
    await client.query('START TRANSACTION');
    const result = await work(async (text, values) => (await client.query(text, values)).rows);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw e;
  } finally {
    client.release(broken);
  }
}
