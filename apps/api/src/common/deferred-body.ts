import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { json, type NextFunction, type RequestHandler, type Response } from 'express';
import { INPUT_LIMITS, findUnsafeInput } from './input-limits';
import type { AppRequest } from './request-context';
import { invalid } from './validation';

/**
 * The JSON body parser, with its errors (malformed JSON, too large, too deep, unsafe strings) held
 * back instead of answered at once: Express middleware runs before Nest's guards, so otherwise a
 * caller without the permission would learn about the body before being refused. `ParsedBodyGuard`,
 * registered after the authentication and permission guards, raises the held error.
 */
export function deferredJsonBody(
  types: string[] = ['application/json'],
  limit: string = INPUT_LIMITS.bodyBytes,
): RequestHandler {
  const parse = json({ limit, type: types });
  return (req, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      const held = req as AppRequest;
      if (error) held.bodyError = error;
      else {
        const unsafe = findUnsafeInput(req.body);
        if (unsafe) {
          held.bodyError = invalid([unsafe]);
          // Nothing downstream may walk what was refused.
          req.body = undefined;
        }
      }
      next();
    });
}

/**
 * Raises a body error held back by `deferredJsonBody`, and refuses unsafe query strings (NUL,
 * unpaired surrogates) the same way, so no route's DTO has to remember them.
 */
@Injectable()
export class ParsedBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AppRequest>();
    if (req.bodyError) throw req.bodyError;
    const unsafe = findUnsafeInput(req.query, 2, '');
    if (unsafe) throw invalid([unsafe]);
    return true;
  }
}
