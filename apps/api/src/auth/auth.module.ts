import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OidcController } from './oidc.controller';
import { OidcRepository } from './oidc.repository';
import { OidcService } from './oidc.service';
import { PasswordTokensRepository } from './password-tokens.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

/** Signing in and out, sessions, and the global guard that authenticates every request. */
@Module({
  imports: [UsersModule, EventsModule],
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    SessionsRepository,
    SessionCache,
    RateLimitRepository,
    PasswordTokensRepository,
    OidcRepository,
    OidcService,
  ],
  exports: [AuthService, RateLimitRepository],
})
export class AuthModule {}
