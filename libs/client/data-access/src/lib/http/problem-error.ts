import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorCode, FieldError, ProblemDetails } from '@flexdesk/shared-contracts';

/** An `application/problem+json` answer of the API, as a typed error. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** Already translated by the API according to `Accept-Language`. */
  readonly detail: string;
  readonly errors: FieldError[];
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }
}

export function isProblemError(e: unknown): e is ProblemError {
  return e instanceof ProblemError;
}

function looksLikeProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b['code'] === 'string' && typeof b['status'] === 'number';
}

/**
 * The problem carried by an HTTP error, or null when the answer was not a problem document
 * (network failure, proxy error page, ...). Bodies served as `application/problem+json` may reach
 * us unparsed, depending on the backend.
 */
export function problemOf(error: HttpErrorResponse): ProblemDetails | null {
  const type = error.headers?.get('Content-Type') ?? '';
  let body: unknown = error.error;
  if (typeof body === 'string' && (type.includes('json') || body.trimStart().startsWith('{'))) {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (!looksLikeProblem(body)) return null;
  return {
    ...body,
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : error.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
  };
}
