import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { json, type NextFunction, type RequestHandler, type Response } from 'express';
import type { AppRequest } from './request-context';

/**
 * The JSON body parser, with its errors (malformed JSON, too large) held back instead of answered
 * at once: Express middleware runs before Nest's guards, so otherwise a caller without the
 * permission would learn about the body before being refused. `ParsedBodyGuard`, registered after
 * the authentication and permission guards, raises the held error.
 */
export function deferredJsonBody(limit: string, types: string[]): RequestHandler {
  const parse = json({ limit, type: types });
  return (req, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (error) (req as AppRequest).bodyError = error;
      next();
    });
}

@Injectable()
export class ParsedBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const error = context.switchToHttp().getRequest<AppRequest>().bodyError;
    if (error) throw error;
    return true;
  }
}
