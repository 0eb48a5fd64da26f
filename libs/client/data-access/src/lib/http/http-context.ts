import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks requests whose 401 is an expected answer rather than an expired session: the login call
 * (wrong password) and the session probe at start-up (not signed in yet).
 */
export const SKIP_AUTH_REDIRECT = new HttpContextToken<boolean>(() => false);

export function skipAuthRedirect(): HttpContext {
  return new HttpContext().set(SKIP_AUTH_REDIRECT, true);
}
