import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import {
  API_PREFIX,
  API_ROUTES,
  type LoginResponse,
  type SignInOptions,
  type SsoFailure,
} from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { identityFromClaims, rolesFromGroups, safeReturnTo } from './oidc-claims';
import { OidcRepository } from './oidc.repository';
import { hashToken, newToken } from './tokens';

type OpenId = typeof import('openid-client');
/** A sign-in has ten minutes from the redirect to the provider until its answer. */
const ATTEMPT_MINUTES = 10;

export type SsoResult = { ok: true; session: LoginResponse; returnTo: string } | { ok: false; reason: SsoFailure };

/**
 * Sign-in with the organisation's OpenID provider: authorization code flow with PKCE, state and
 * nonce, through openid-client (a certified relying party) — no token is validated by hand here.
 * A sign-in in progress lives in the database, bound to its browser by a cookie, so any instance
 * can take the provider's answer.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private client: Promise<{ lib: OpenId; config: Configuration }> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcRepository,
    private readonly auth: AuthService,
  ) {}

  options(): SignInOptions {
    const sso = this.config.oidc;
    return {
      localLogin: this.config.localLogin,
      sso: sso ? { label: sso.label, loginUrl: `/${API_PREFIX}/${API_ROUTES.oidcLogin}` } : null,
    };
  }

  /** The provider's authorization URL, and the token of the cookie that binds the attempt to this browser. */
  async start(returnTo: unknown): Promise<{ url: string; browserToken: string }> {
    const { lib, config } = await this.discover();
    const oidc = this.settings();
    const state = lib.randomState();
    const nonce = lib.randomNonce();
    const codeVerifier = lib.randomPKCECodeVerifier();
    const browserToken = newToken();
    await this.oidc.saveAttempt(
      state,
      hashToken(browserToken),
      { nonce, codeVerifier, returnTo: safeReturnTo(returnTo) },
      new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
    );
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: oidc.scopes,
      state,
      nonce,
      code_challenge: await lib.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, browserToken };
  }

  /**
   * The provider's answer: checks state (and that this browser started the sign-in), exchanges
   * the code with PKCE, validates the ID token with its nonce, then finds or creates the account
   * and opens a session. Every failure is a reason for the login page, never a signed-in person.
   */
  async finish(pathAndQuery: string, browserToken: string | undefined): Promise<SsoResult> {
    const discovered = await this.discover().catch(() => null);
    if (!discovered) return { ok: false, reason: 'unavailable' };
    const { lib, config } = discovered;
    const oidc = this.settings();
    const callbackUrl = new URL(pathAndQuery, this.config.publicUrl);
    const state = callbackUrl.searchParams.get('state');
    const attempt = state && browserToken ? await this.oidc.consumeAttempt(state, hashToken(browserToken)) : null;
    if (!attempt) return { ok: false, reason: 'expired' };
    try {
      const tokens = await lib.authorizationCodeGrant(
        config,
        new URL(callbackUrl.pathname + callbackUrl.search, this.redirectUri()),
        {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: state ?? undefined,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        },
      );
      const idClaims = tokens.claims();
      if (!idClaims) return { ok: false, reason: 'failed' };
      // Groups and e-mail are often only in the userinfo answer.
      const userinfo = await lib.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}));
      const identity = identityFromClaims(
        String(idClaims.iss),
        { ...userinfo, ...idClaims, ...pick(userinfo, oidc.groupsClaim) },
        oidc.groupsClaim,
      );
      if (!identity) return { ok: false, reason: 'failed' };
      const outcome = await this.oidc.signIn(identity, {
        roles: Object.keys(oidc.roleMap).length ? rolesFromGroups(identity.groups, oidc.roleMap) : null,
        groups: oidc.syncGroups ? identity.groups : null,
      });
      if (outcome.kind !== 'ok') return { ok: false, reason: outcome.kind };
      const session = await this.auth.openSession(outcome.userId, {
        idToken: tokens.id_token ?? '',
        issuer: identity.issuer,
      });
      return { ok: true, session, returnTo: attempt.returnTo };
    } catch (e) {
      this.logger.warn(`single sign-on failed: ${e instanceof Error ? e.message : String(e)}`);
      return { ok: false, reason: 'failed' };
    }
  }

  /** Where to end the provider's session too, if it offers that and the session came from it. */
  async endSessionUrl(idToken: string | null, issuer: string | null): Promise<string | null> {
    if (!idToken || !this.config.oidc || issuer !== this.config.oidc.issuer) return null;
    const { lib, config } = await this.discover().catch(() => ({ lib: null, config: null }));
    if (!lib || !config?.serverMetadata().end_session_endpoint) return null;
    return lib.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${this.config.publicUrl}/login`,
    }).href;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new DomainError('SSO_NOT_CONFIGURED');
    return this.config.oidc;
  }

  private redirectUri(): string {
    return `${this.config.publicUrl}/${API_PREFIX}/${API_ROUTES.oidcCallback}`;
  }

  /** Discovery once per instance (retried after a failure); it is configuration, not shared state. */
  private discover(): Promise<{ lib: OpenId; config: Configuration }> {
    const oidc = this.settings();
    this.client ??= (async () => {
      const lib = loadOpenIdClient();
      const insecure = oidc.allowInsecure ? { execute: [lib.allowInsecureRequests] } : undefined;
      const config = await lib.discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret || undefined,
        undefined,
        insecure,
      );
      return { lib, config };
    })().catch((e) => {
      this.client = null;
      this.logger.error(`discovery of ${oidc.issuer} failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    });
    return this.client;
  }
}

/**
 * openid-client is ESM-only. Node (20.19+) loads it with require(); Node's own require is used —
 * fetched with getBuiltinModule, past the bundle's and Jest's module systems, which cannot load an
 * ES module from CommonJS.
 */
function loadOpenIdClient(): OpenId {
  const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
  return createRequire(__filename)('openid-client') as OpenId;
}

function pick(claims: Record<string, unknown>, key: string): Record<string, unknown> {
  return key in claims ? { [key]: claims[key] } : {};
}
