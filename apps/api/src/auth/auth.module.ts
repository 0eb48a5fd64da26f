import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionsRepository } from './sessions.repository';

/** Signing in and out, sessions, and the global guard that authenticates every request. */
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsRepository, RateLimitRepository],
  exports: [AuthService, RateLimitRepository],
})
export class AuthModule {}
