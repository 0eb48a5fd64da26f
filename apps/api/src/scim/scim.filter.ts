import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { describeError } from '../common/error-catalog';
import { normalise } from '../common/problem.filter';
import type { AppRequest } from '../common/request-context';
import { sendScimError } from '../common/scim-error';
import { ScimError } from './scim-resources';

/**
 * Errors in SCIM's own format (RFC 7644 §3.12) with `scimType`, as provisioning clients parse
 * them; everything else about them (codes, 5xx logging) is the API's.
 */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ScimExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AppRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    let status: number;
    let scimType: string | null = null;
    let detail: string;
    if (exception instanceof ScimError) {
      ({ status, scimType } = exception);
      detail = exception.message;
    } else {
      const problem = normalise(exception);
      ({ status, detail } = describeError(problem.code, problem.params, 'en'));
      if (problem.code === 'VALIDATION_FAILED') scimType = 'invalidValue';
      for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
      if (status >= 500)
        this.logger.error(
          `request ${req.requestId} ${req.method} ${req.originalUrl} failed`,
          exception instanceof Error ? exception.stack : String(exception),
        );
    }
    if (res.headersSent) return;
    sendScimError(res, status, detail, scimType);
  }
}
