import { QueryFailedError } from 'typeorm';
import type { ErrorCode } from '@flexdesk/shared-contracts';

export interface MappedDatabaseError {
  code: ErrorCode;
  /** Seconds for `Retry-After`, where trying again is the right move. */
  retryAfterSeconds?: number;
  /** An input the validation at the edge should have refused: worth a warning in the log. */
  missedValidation?: boolean;
}

/** Seconds a client should wait after a 503 for a database outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

// Socket-level failures of node-postgres (refused, reset, unreachable, timed out).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// Messages node-postgres and its pool use for a lost or unobtainable connection; they carry no code.
const LOST_CONNECTION =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection ended|Client was closed|terminating connection|Cannot use a pool after calling end/i;

function sqlState(e: unknown): string | undefined {
  const source = e instanceof QueryFailedError ? e.driverError : e;
  const code = (source as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// TypeORM's errors for a transaction whose connection it already released because the connection
// failed under it (a terminated backend mid-transaction).
const RELEASED_UNDER_US = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

function isOutage(e: unknown): boolean {
  if (e instanceof Error && RELEASED_UNDER_US.has(e.name)) return true;
  const code = sqlState(e);
  if (code && NETWORK_CODES.has(code)) return true;
  // Node reports a refused connection to every address of a name as an AggregateError.
  const inner = (e as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner)) return inner.some(isOutage);
  const message = e instanceof Error ? e.message : '';
  return LOST_CONNECTION.test(message);
}

/**
 * Maps an error from the database (a SQLSTATE, or a lost connection) onto our vocabulary, by
 * PostgreSQL's error class. Expected cases are translated closer to the query where a friendlier
 * code exists (23P01 → BOOKING_CONFLICT); this is the net under every other query.
 */
export function mapDatabaseError(e: unknown): MappedDatabaseError | null {
  const code = sqlState(e);
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (code === '23505') return { code: 'ALREADY_EXISTS' };
    if (code === '23503') return { code: 'REFERENCE_GONE' };
    if (code.startsWith('23')) return { code: 'CONSTRAINT_VIOLATED' };
    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available: a retry may well pass.
    if (code.startsWith('40') || code === '55P03') return { code: 'CONCURRENT_UPDATE', retryAfterSeconds: 1 };
    // 08 connection exception, 57P01-03 shutdown / cannot connect now, 53 insufficient resources,
    // 57014 statement cancelled (timeout) - the database, not the request, is the problem.
    if (code.startsWith('08') || code.startsWith('57') || code.startsWith('53')) {
      return { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS };
    }
    // 22 data exception (bad text, out of range, bad date): a value the edge let through.
    if (code.startsWith('22')) return { code: 'VALIDATION_FAILED', missedValidation: true };
  }
  if (isOutage(e)) return { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS };
  return null;
}
