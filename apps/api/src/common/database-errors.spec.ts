import { QueryFailedError } from 'typeorm';
import { mapDatabaseError } from './database-errors';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const failed = (code: string) => new QueryFailedError('SELECT 1', [], pgError(code));
const named = (name: string) => Object.assign(new Error(name), { name });

describe('mapDatabaseError', () => {
  it.each([
    ['23505', 'ALREADY_EXISTS'],
    ['23503', 'REFERENCE_GONE'],
    ['23514', 'CONSTRAINT_VIOLATED'],
    ['23502', 'CONSTRAINT_VIOLATED'],
    ['23P01', 'CONSTRAINT_VIOLATED'],
    ['40001', 'CONCURRENT_UPDATE'],
    ['40P01', 'CONCURRENT_UPDATE'],
    ['55P03', 'CONCURRENT_UPDATE'],
    ['57P01', 'DATABASE_UNAVAILABLE'],
    ['57P03', 'DATABASE_UNAVAILABLE'],
    ['08006', 'DATABASE_UNAVAILABLE'],
    ['53300', 'DATABASE_UNAVAILABLE'],
    ['22021', 'VALIDATION_FAILED'],
    ['22003', 'VALIDATION_FAILED'],
  ])('maps SQLSTATE %s to %s', (state, code) => {
    expect(mapDatabaseError(failed(state))?.code).toBe(code);
  });

  it('asks for a retry where one may pass', () => {
    expect(mapDatabaseError(failed('40001'))?.retryAfterSeconds).toBeGreaterThan(0);
    expect(mapDatabaseError(pgError('ECONNREFUSED'))?.retryAfterSeconds).toBeGreaterThan(0);
    expect(mapDatabaseError(failed('23505'))?.retryAfterSeconds).toBeUndefined();
  });

  it('recognises lost connections by code, message and TypeORM error name', () => {
    for (const e of [
      pgError('ECONNREFUSED'),
      pgError('ECONNRESET'),
      Object.assign(new Error('all failed'), { errors: [pgError('ECONNREFUSED')] }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      named('QueryRunnerAlreadyReleasedError'),
      named('QueryRunnerProviderAlreadyReleasedError'),
    ]) {
      expect(mapDatabaseError(e)?.code).toBe('DATABASE_UNAVAILABLE');
    }
  });

  it('leaves everything else to be a 500', () => {
    for (const e of [new TypeError('x is undefined'), new RangeError('Invalid time'), failed('42P01'), 'a string', null]) {
      expect(mapDatabaseError(e)).toBeNull();
    }
  });
});
