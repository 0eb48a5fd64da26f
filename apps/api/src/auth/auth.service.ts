import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginResponse } from '@flexdesk/shared-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { UsersRepository } from '../users/users.repository';
import { toMe } from '../users/users.service';
import { verifyPassword } from './password';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionsRepository } from './sessions.repository';
import { hashToken, newToken } from './tokens';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly rateLimits: RateLimitRepository,
  ) {}

  async login(email: string, password: string, clientIp: string): Promise<LoginResponse> {
    const { perIpPerWindow, failuresPerEmailPerWindow, windowSeconds } = this.config.loginRateLimit;
    const ipHit = await this.rateLimits.hit(`login:ip:${clientIp}`, windowSeconds);
    const emailKey = `login:fail:${email.toLowerCase()}`;
    if (ipHit.count > perIpPerWindow) throw this.rateLimited(ipHit.retryAfterSeconds);
    if ((await this.rateLimits.peek(emailKey, windowSeconds)) >= failuresPerEmailPerWindow) {
      throw this.rateLimited(windowSeconds);
    }

    const user = await this.users.findByEmailForLogin(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || !ok || !user.active) {
      await this.rateLimits.hit(emailKey, windowSeconds);
      this.logger.warn(`failed login from ${clientIp}`);
      throw new DomainError('INVALID_CREDENTIALS');
    }

    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create(user.id, hashToken(token), csrfToken, expiresAt);
    return { accessToken: token, csrfToken, expiresAt: expiresAt.toISOString(), user: toMe(user) };
  }

  async authenticate(token: string): Promise<{ user: AuthUser; csrfToken: string } | null> {
    const row = await this.sessions.findValid(hashToken(token));
    if (!row) return null;
    const user: AuthUser = {
      id: row.userId,
      email: row.email,
      displayName: row.displayName,
      roles: row.roles,
      locale: row.locale,
      groupIds: row.groupIds,
      showNameToColleagues: row.showNameToColleagues,
      defaultFloorId: row.defaultFloorId,
      sessionId: row.sessionId,
      receptionAllBuildings: row.receptionAllBuildings,
      receptionBuildingIds: row.receptionBuildingIds,
    };
    return { user, csrfToken: row.csrfToken };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.delete(user.sessionId);
  }

  private rateLimited(retryAfterSeconds: number): DomainError {
    return new DomainError(
      'RATE_LIMITED',
      { retryAfterSeconds },
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }
}
