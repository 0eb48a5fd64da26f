import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type LoginRequest,
  type LoginResponse,
  type LogoutResult,
  type Me,
  type PasswordTokenInfo,
  type SignInOptions,
  type UpdateMeRequest,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';
import { skipAuthRedirect } from '../http/http-context';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** A 401 here means wrong credentials, not an expired session. */
  login(body: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(apiUrl(API_ROUTES.login), body, { context: skipAuthRedirect() });
  }

  /** Names the identity provider's page that ends its session too, after a single sign-on. */
  logout(): Observable<LogoutResult> {
    return this.http.post<LogoutResult>(apiUrl(API_ROUTES.logout), null);
  }

  /** How the login page offers to sign in: password, the organisation's provider, or both. */
  signInOptions(): Observable<SignInOptions> {
    return this.http.get<SignInOptions>(apiUrl(API_ROUTES.signInOptions), { context: skipAuthRedirect() });
  }

  /** Whose invitation or reset link this is, before they choose a password. */
  passwordLink(token: string): Observable<PasswordTokenInfo> {
    return this.http.post<PasswordTokenInfo>(
      apiUrl(API_ROUTES.passwordLink),
      { token },
      { context: skipAuthRedirect() },
    );
  }

  /** Uses up the link; every session of the person ends. */
  setPassword(token: string, password: string): Observable<void> {
    return this.http.post<void>(apiUrl(API_ROUTES.setPassword), { token, password }, { context: skipAuthRedirect() });
  }

  /** Used as the session probe at start-up, where 401 just means "not signed in". */
  me(): Observable<Me> {
    return this.http.get<Me>(apiUrl(API_ROUTES.me), { context: skipAuthRedirect() });
  }

  updateMe(body: UpdateMeRequest): Observable<Me> {
    return this.http.patch<Me>(apiUrl(API_ROUTES.me), body);
  }

  /** Everything stored about the person, as a file: a plain link for `<a download>` (the session cookie authenticates it). */
  myDataExportUrl(): string {
    return apiUrl(API_ROUTES.myDataExport);
  }
}
