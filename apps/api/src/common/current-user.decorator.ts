import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppRequest, AuthUser } from './request-context';
import { DomainError } from './domain-error';

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AppRequest>().user;
  // The global guard guarantees a user on non-public routes; this only protects against misuse.
  if (!user) throw new DomainError('UNAUTHENTICATED');
  return user;
});
