import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode, FieldError, ProblemDetails } from '@flexdesk/shared-contracts';
import { mapDatabaseError } from './database-errors';
import { DomainError, type ErrorParams } from './domain-error';
import { describeError } from './error-catalog';
import { type AppRequest, requestLocale } from './request-context';
import { isScimRequest, sendScimError } from './scim-error';

export interface Normalised {
  code: ErrorCode;
  params: ErrorParams;
  errors?: FieldError[];
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Say so in the log: an input the edge's validation should have refused reached the database. */
  missedValidation?: boolean;
}

/** Maps framework and body-parser errors onto our vocabulary; anything unknown is a 500. */
export function normalise(exception: unknown): Normalised {
  if (exception instanceof DomainError) {
    const { errors, headers, ...extra } = exception.extra as {
      errors?: FieldError[];
      headers?: Record<string, string>;
    };
    return { code: exception.code, params: exception.params, errors, extra, headers };
  }
  const database = mapDatabaseError(exception);
  if (database) {
    return {
      code: database.code,
      params: {},
      headers: database.retryAfterSeconds ? { 'Retry-After': String(database.retryAfterSeconds) } : undefined,
      missedValidation: database.missedValidation,
    };
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { status?: unknown })?.status === 'number'
        ? (exception as { status: number }).status
        : 500;
  switch (status) {
    case 400:
      return { code: 'VALIDATION_FAILED', params: {}, errors: [{ path: '', message: 'Malformed request body' }] };
    case 404:
      return { code: 'ROUTE_NOT_FOUND', params: {} };
    case 413:
      return { code: 'PAYLOAD_TOO_LARGE', params: {} };
    case 415:
      return { code: 'VALIDATION_FAILED', params: {}, errors: [{ path: '', message: 'Unsupported content type' }] };
    default:
      return { code: 'INTERNAL_ERROR', params: {} };
  }
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    const { code, params, errors, extra, headers, missedValidation } = normalise(exception);
    const { status, title, detail } = describeError(code, params, requestLocale(req));
    if (code === 'DATABASE_UNAVAILABLE') {
      // An outage fails every request alike: one line each, not a stack trace each.
      this.logger.warn(`request ${req.requestId} ${req.method} ${req.originalUrl}: database unavailable (${String(exception)})`);
    } else if (missedValidation) {
      this.logger.warn(`request ${req.requestId} ${req.method} ${req.originalUrl}: the database refused a value: ${String(exception)}`);
    } else if (status >= 500) {
      this.logger.error(
        `request ${req.requestId} ${req.method} ${req.originalUrl} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    if (isScimRequest(req.path)) return sendScimError(res, status, detail);
    const body: ProblemDetails = {
      type: `https://flexdesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      detail,
      code,
      ...(errors ? { errors } : {}),
      ...(extra ?? {}),
      ...(status >= 500 ? { requestId: req.requestId } : {}),
    };
    res.status(status).type('application/problem+json').send(JSON.stringify(body));
  }
}
