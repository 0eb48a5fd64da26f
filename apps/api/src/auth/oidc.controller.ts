import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_PREFIX, API_ROUTES } from '@flexdesk/shared-contracts';
import { Public } from '../access/permission.decorator';
import { DomainError } from '../common/domain-error';
import type { AppRequest } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Redirects } from '../openapi/returns.decorator';
import { OidcService } from './oidc.service';
import { setSessionCookies } from './session-cookies';

/** Binds a sign-in in progress to the browser that started it (see OidcService). */
const BROWSER_COOKIE = 'fd_oidc';

@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the browser to the identity provider; `returnTo` (a path of this app) is where it comes back to. */
  @Public()
  @Get(API_ROUTES.oidcLogin)
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of this app, e.g. `/editor`' })
  @Redirects()
  async login(@Query('returnTo') returnTo: unknown, @Res() res: Response): Promise<void> {
    const started = await this.oidc.start(returnTo).catch((e: unknown) => {
      if (e instanceof DomainError) throw e;
      return null; // the provider is unreachable (logged by the service)
    });
    if (!started) {
      res.redirect(302, `${this.config.publicUrl}/login?sso=unavailable`);
      return;
    }
    const { url, browserToken } = started;
    res.cookie(BROWSER_COOKIE, browserToken, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      // Lax: the provider's redirect back is a top-level navigation, which carries it.
      sameSite: 'lax',
      path: `/${API_PREFIX}/${API_ROUTES.oidcCallback}`,
      maxAge: 10 * 60_000,
    });
    res.redirect(302, url);
  }

  /** The provider's answer: signs in and returns into the app, or to the login page with a reason. */
  @Public()
  @Get(API_ROUTES.oidcCallback)
  @Redirects()
  async callback(@Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[BROWSER_COOKIE];
    const result = await this.oidc.finish(req.originalUrl, typeof cookie === 'string' ? cookie : undefined);
    if (!result.ok) {
      // The cookie stays: a forged answer must not break the real one on its way (it expires anyway).
      res.redirect(302, `${this.config.publicUrl}/login?sso=${result.reason}`);
      return;
    }
    res.clearCookie(BROWSER_COOKIE, { path: `/${API_PREFIX}/${API_ROUTES.oidcCallback}` });
    setSessionCookies(res, result.session, this.config.cookieSecure);
    res.redirect(302, `${this.config.publicUrl}${result.returnTo}`);
  }
}
