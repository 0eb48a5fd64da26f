import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  API_ROUTES,
  CSRF_COOKIE,
  type LoginResponse,
  type LogoutResult,
  type PasswordTokenInfo,
  SESSION_COOKIE,
  type SignInOptions,
} from '@flexdesk/shared-contracts';
import { Public, RequirePermission } from '../access/permission.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CurrentUser } from '../common/current-user.decorator';
import type { AppRequest, AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { ChangePasswordDto, LoginDto, PasswordLinkDto, SetPasswordDto } from './auth.dto';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { setSessionCookies } from './session-cookies';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the httpOnly session cookie and the `XSRF-TOKEN` cookie; the token in the body serves API clients. */
  @Public()
  @Post(API_ROUTES.login)
  @HttpCode(200)
  @Returns('LoginResponse')
  async login(
    @Body() body: LoginDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    setSessionCookies(res, result, this.config.cookieSecure);
    return result;
  }

  /** How the login page should offer to sign in: password, the organisation's provider, or both. */
  @Public()
  @Get(API_ROUTES.signInOptions)
  @Returns('SignInOptions')
  signInOptions(): SignInOptions {
    return this.oidc.options();
  }

  /** Whose set-password link this is (invitation or reset), so the page can greet them. */
  @Public()
  @Post(API_ROUTES.passwordLink)
  @HttpCode(200)
  @Returns('PasswordTokenInfo')
  passwordLink(@Body() body: PasswordLinkDto, @Req() req: AppRequest): Promise<PasswordTokenInfo> {
    return this.auth.passwordLinkInfo(body.token, req.ip ?? 'unknown');
  }

  /** Chooses a password with a link's token; the link is used up and every session of the person ends. */
  @Public()
  @Post(API_ROUTES.setPassword)
  @NoContent()
  setPassword(@Body() body: SetPasswordDto, @Req() req: AppRequest): Promise<void> {
    return this.auth.setPassword(body.token, body.password, req.ip ?? 'unknown');
  }

  /** A new password for oneself: the current one is required; other sessions end. */
  @Post(API_ROUTES.myPassword)
  @RequirePermission('profile:self')
  @NoContent()
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  /** Ends the session; after a single sign-on, also names the provider's page that ends its session. */
  @Post(API_ROUTES.logout)
  @HttpCode(200)
  @RequirePermission('profile:self')
  @Returns('LogoutResult')
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<LogoutResult> {
    const ended = await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
    // What this browser kept of the person (the installed app's offline copy of their bookings, its
    // service worker) goes too: the next person at a shared device must not see it, even offline.
    res.setHeader('Clear-Site-Data', '"cache", "storage"');
    return { endSessionUrl: await this.oidc.endSessionUrl(ended.idToken, ended.issuer) };
  }
}
