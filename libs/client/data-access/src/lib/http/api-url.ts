import { API_PREFIX } from '@flexdesk/shared-contracts';

/**
 * Relative on purpose: Angular's HttpClient only echoes the XSRF cookie as a header for relative
 * URLs, and the API refuses cookie-authenticated writes without it.
 */
export function apiUrl(...segments: string[]): string {
  return `/${API_PREFIX}/${segments.map((s) => s.split('/').map(encodeURIComponent).join('/')).join('/')}`;
}

/** Whether a request URL points at our API (relative `/api/...`). */
export function isApiUrl(url: string): boolean {
  return url === `/${API_PREFIX}` || url.startsWith(`/${API_PREFIX}/`);
}
