import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, SESSION_COOKIE } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import { IS_PUBLIC, SCIM_TOKEN } from '../access/permission.decorator';
import type { AppRequest } from '../common/request-context';
import { AuthService } from './auth.service';
import { sameSecret } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global and deny-by-default: every route needs a valid session unless marked @Public().
 * Bearer tokens are not sent by browsers on their own, so only cookie sessions need the CSRF check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AppRequest>();
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (this.reflector.getAllAndOverride<boolean>(SCIM_TOKEN, targets)) {
      await this.auth.authenticateScim(bearer, req.ip ?? 'unknown');
      return true;
    }

    const raw = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    // Strings only, whatever a cookie middleware made of it (see common/input-limits.ts).
    const cookie = typeof raw === 'string' ? raw : undefined;
    const token = bearer || cookie;
    if (!token) throw new DomainError('UNAUTHENTICATED');

    const session = await this.auth.authenticate(token);
    if (!session) throw new DomainError('UNAUTHENTICATED');
    if (!bearer && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new DomainError('CSRF_TOKEN_INVALID');
      }
    }
    req.user = session.user;
    return true;
  }
}
