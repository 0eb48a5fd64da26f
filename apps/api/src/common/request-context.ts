import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { Locale, Role } from '@flexdesk/shared-contracts';
import { localeFromAcceptLanguage } from './error-catalog';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  groupIds: string[];
  showNameToColleagues: boolean;
  defaultFloorId: string | null;
  sessionId: string;
  /** Where a receptionist works the front desk (see access/access-policy.ts); loaded with the session. */
  receptionAllBuildings: boolean;
  receptionBuildingIds: string[];
}

export interface AppRequest extends Request {
  requestId?: string;
  user?: AuthUser;
  /** A body that could not be parsed, raised only after the guards (see deferred-body.ts). */
  bodyError?: unknown;
}

/** Accept-Language wins (it is what the client asks for now), then the user's setting, then German. */
export function requestLocale(req: AppRequest): Locale {
  return localeFromAcceptLanguage(req.headers['accept-language']) ?? req.user?.locale ?? 'de';
}

/**
 * Downloads (CSV, .ics) follow the person's language setting, not the browser's: a link opened from
 * a German UI in an English browser must still give Excel a `;`-separated file. `?lang=` wins.
 */
export function downloadLocale(user: Pick<AuthUser, 'locale'>, lang: Locale | undefined): Locale {
  return lang ?? user.locale;
}

/** The request being served, for code far from it (the JSON logger). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
