import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type LoginRequest,
  type LoginResponse,
  type Me,
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

  logout(): Observable<void> {
    return this.http.post<void>(apiUrl(API_ROUTES.logout), null);
  }

  /** Used as the session probe at start-up, where 401 just means "not signed in". */
  me(): Observable<Me> {
    return this.http.get<Me>(apiUrl(API_ROUTES.me), { context: skipAuthRedirect() });
  }

  updateMe(body: UpdateMeRequest): Observable<Me> {
    return this.http.patch<Me>(apiUrl(API_ROUTES.me), body);
  }
}
