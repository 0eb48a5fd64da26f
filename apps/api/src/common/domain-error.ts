import type { ErrorCode } from '@flexdesk/shared-contracts';

export type ErrorParams = Record<string, string | number>;

/**
 * The only error services throw. It carries a stable code; the HTTP status and the translated
 * message are decided in one place (problem.filter.ts), never by the service.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
