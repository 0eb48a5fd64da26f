import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AppRequest } from '../common/request-context';
import { IS_PUBLIC, REQUIRED_PERMISSION, SCIM_TOKEN } from './permission.decorator';

/**
 * Second global guard, after authentication: the route's declared permission against the
 * permission table. Guards run before pipes, so validation never tells an unauthorised caller
 * what a body should look like. Undeclared routes are refused (and cannot start; see route-table.ts).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    // The provisioning client proved itself with the SCIM token (checked by the authentication guard).
    if (this.reflector.getAllAndOverride<boolean>(SCIM_TOKEN, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const req = context.switchToHttp().getRequest<AppRequest>();
    if (!permission) {
      this.logger.error(`${req.method} ${req.path} declares no permission; refused`);
      throw new DomainError('FORBIDDEN');
    }
    if (!req.user || !can(req.user, permission)) throw new DomainError('FORBIDDEN');
    return true;
  }
}
