import type { DataSource } from 'typeorm';
import { poolOf } from './pool-transaction';

/**
 * Runs a named prepared statement on the pool TypeORM manages. Planning showed up as ~2.5 ms per
 * query on hot read paths (every request's session lookup, the availability endpoint); a named
 * statement is planned once per connection. Use only for fixed SQL texts; the name must be unique
 * per text.
 */
export async function prepared<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = poolOf(dataSource);
  try {
    return (await pool.query({ name, text, values })).rows as T[];
  } catch (e) {
    // A fresh client on a session that already knows the name: the embedded database is one
    // backend session shared by successive connections. Run it unnamed then.
    if ((e as { code?: string }).code !== '42P05') throw e;
    return (await pool.query({ text, values })).rows as T[];
  }
}
