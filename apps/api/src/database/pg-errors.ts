import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the API reacts to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_DEADLOCK = '40P01';

/** Whether a query failed with the given SQLSTATE `code` (through TypeORM, or straight from pg). */
export function isPgError(e: unknown, code: string): boolean {
  const source: unknown = e instanceof QueryFailedError ? e.driverError : e;
  return source instanceof Error && (source as { code?: string }).code === code;
}

export const isUniqueViolation = (e: unknown) => isPgError(e, PG_UNIQUE_VIOLATION);
