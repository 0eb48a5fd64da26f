import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import type { ErrorCode } from '@flexdesk/shared-contracts';

/**
 * A malformed id can never name an existing resource, so it gets the resource's 404 code
 * rather than a validation error (and never reaches the database as a cast failure).
 */
export function uuidParam(notFound: ErrorCode): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new DomainError(notFound) });
}
