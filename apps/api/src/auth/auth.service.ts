import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  PASSWORD_LINK_DAYS,
  SET_PASSWORD_PAGE,
  type LoginResponse,
  type PasswordLink,
  type PasswordTokenInfo,
} from '@flexdesk/shared-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { UsersRepository } from '../users/users.repository';
import { toMe } from '../users/users.service';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { PasswordTokensRepository } from './password-tokens.repository';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';
import { hashToken, newToken, sameSecret } from './tokens';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly sessionCache: SessionCache,
    private readonly rateLimits: RateLimitRepository,
    private readonly passwordTokens: PasswordTokensRepository,
  ) {}

  async login(email: string, password: string, clientIp: string): Promise<LoginResponse> {
    if (!this.config.localLogin) throw new DomainError('LOCAL_LOGIN_DISABLED');
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

    if (user.passwordHash && needsRehash(user.passwordHash)) {
      await this.sessions.upgradeHash(user.id, user.passwordHash, await hashPassword(password));
    }
    return this.openSession(user.id);
  }

  /** A new session for a person who proved who they are (password, or the identity provider's `sso`). */
  async openSession(userId: string, sso?: { idToken: string; issuer: string }): Promise<LoginResponse> {
    const user = await this.users.findById(userId);
    if (!user?.active) throw new DomainError('INVALID_CREDENTIALS');
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create(user.id, hashToken(token), csrfToken, expiresAt, sso);
    return { accessToken: token, csrfToken, expiresAt: expiresAt.toISOString(), user: toMe(user) };
  }

  async authenticate(token: string): Promise<{ user: AuthUser; csrfToken: string } | null> {
    const hash = hashToken(token);
    const row = await this.sessionCache.session(hash, () => this.sessions.findValid(hash));
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

  /** Ends the session; tells whether it was a single sign-on (its ID token and issuer). */
  async logout(user: AuthUser): Promise<{ idToken: string | null; issuer: string | null }> {
    return (await this.sessions.delete(user.sessionId)) ?? { idToken: null, issuer: null };
  }

  /**
   * A one-time link to set a password, valid for a week, voiding earlier ones. Only its hash is
   * stored; the token travels in the URL's fragment, which browsers never send to a server.
   */
  async passwordLink(actorId: string | null, userId: string, purpose: 'invite' | 'reset'): Promise<PasswordLink> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + PASSWORD_LINK_DAYS * 86_400_000);
    const url = `${this.config.publicUrl}/${SET_PASSWORD_PAGE}#token=${token}`;
    await this.passwordTokens.issue(actorId, userId, purpose, hashToken(token), expiresAt, url);
    return { url, expiresAt: expiresAt.toISOString() };
  }

  async passwordLinkInfo(token: string, clientIp: string): Promise<PasswordTokenInfo> {
    await this.limitLinkGuesses(clientIp);
    const row = await this.passwordTokens.find(hashToken(token));
    if (!row) throw new DomainError('PASSWORD_LINK_INVALID');
    return {
      email: row.email,
      displayName: row.displayName,
      purpose: row.purpose,
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  /** Sets the password chosen through a link; every session of the person ends. */
  async setPassword(token: string, password: string, clientIp: string): Promise<void> {
    await this.limitLinkGuesses(clientIp);
    const userId = await this.passwordTokens.consume(hashToken(token), await hashPassword(password));
    if (!userId) throw new DomainError('PASSWORD_LINK_INVALID');
    this.logger.log(`password set through a link for user ${userId}`);
  }

  /** A signed-in person's new password: the current one is required, other sessions end. */
  async changePassword(user: AuthUser, current: string, next: string): Promise<void> {
    const { failuresPerEmailPerWindow, windowSeconds } = this.config.loginRateLimit;
    const key = `password-change:fail:${user.id}`;
    if ((await this.rateLimits.peek(key, windowSeconds)) >= failuresPerEmailPerWindow)
      throw this.rateLimited(windowSeconds);
    if (!(await verifyPassword(current, await this.sessions.passwordHash(user.id)))) {
      await this.rateLimits.hit(key, windowSeconds);
      throw new DomainError('CURRENT_PASSWORD_WRONG');
    }
    await this.sessions.changePassword(user.id, await hashPassword(next), user.sessionId);
  }

  /**
   * The provisioning client's bearer token. Without SCIM_TOKEN the SCIM endpoints do not exist
   * (404); wrong tokens are counted per address and locked out like failed logins.
   */
  async authenticateScim(bearer: string | null, clientIp: string): Promise<void> {
    if (!this.config.scimToken) throw new DomainError('ROUTE_NOT_FOUND');
    // Hashes of equal length, so the comparison takes the same time whatever was sent. The right
    // token always passes: guessers sharing the client's address must not lock the client out.
    if (bearer && sameSecret(hashToken(bearer), hashToken(this.config.scimToken))) return;
    const { failuresPerEmailPerWindow, windowSeconds } = this.config.loginRateLimit;
    const hit = await this.rateLimits.hit(`scim:fail:${clientIp}`, windowSeconds);
    this.logger.warn(`SCIM request with a wrong token from ${clientIp}`);
    if (hit.count > failuresPerEmailPerWindow) throw this.rateLimited(hit.retryAfterSeconds);
    throw new DomainError('UNAUTHENTICATED');
  }

  /** Link tokens are unguessable, but nobody gets to try many. */
  private async limitLinkGuesses(clientIp: string): Promise<void> {
    const { perIpPerWindow, windowSeconds } = this.config.loginRateLimit;
    const hit = await this.rateLimits.hit(`password-link:ip:${clientIp}`, windowSeconds);
    if (hit.count > perIpPerWindow) throw this.rateLimited(hit.retryAfterSeconds);
  }

  private rateLimited(retryAfterSeconds: number): DomainError {
    return new DomainError(
      'RATE_LIMITED',
      { retryAfterSeconds },
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }
}
