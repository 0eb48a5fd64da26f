import type { Response } from 'express';
import { CSRF_COOKIE, type LoginResponse, SESSION_COOKIE } from '@flexdesk/shared-contracts';

/** The browser's session: an httpOnly cookie, and the CSRF token the page echoes in a header. */
export function setSessionCookies(res: Response, session: LoginResponse, secure: boolean): void {
  const base = { secure, sameSite: 'lax' as const, path: '/', expires: new Date(session.expiresAt) };
  res.cookie(SESSION_COOKIE, session.accessToken, { ...base, httpOnly: true });
  // Readable by the page on purpose: the client echoes it in a header (double-submit CSRF token).
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}
