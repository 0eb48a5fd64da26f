import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Fixed-window counters kept in PostgreSQL, so every API instance sees the same count and a
 * restart does not reset an attacker's budget.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds `by` to the key's counter in the current window and returns the new count. */
  async hit(key: string, windowSeconds: number, by = 1): Promise<{ count: number; retryAfterSeconds: number }> {
    const rows: { count: number; retry: number }[] = await this.dataSource.query(
      `WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start)
       INSERT INTO rate_limits (key, window_start, count) SELECT $1, w.start, $3 FROM w
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + EXCLUDED.count
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry`,
      [key, windowSeconds, by],
    );
    return { count: rows[0].count, retryAfterSeconds: Math.max(1, rows[0].retry) };
  }

  async peek(key: string, windowSeconds: number): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count FROM rate_limits
        WHERE key = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
      [key, windowSeconds],
    );
    return rows[0]?.count ?? 0;
  }
}
