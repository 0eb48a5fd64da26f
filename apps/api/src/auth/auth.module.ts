import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordTokensRepository } from './password-tokens.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionsRepository } from './sessions.repository';

/** Signing in and out, sessions, and the global guard that authenticates every request. */
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsRepository, RateLimitRepository, PasswordTokensRepository],
  exports: [AuthService, RateLimitRepository],
})
export class AuthModule {}
