import { API_PREFIX, API_ROUTES } from '@flexdesk/shared-contracts';

const PREFIX = `/${API_PREFIX}/${API_ROUTES.backgrounds}/`;
const URL_PATTERN = new RegExp(`^${PREFIX}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i');

/** Where the browser loads a background from (ids never change content, so it caches for good). */
export function backgroundUrl(id: string): string {
  return `${PREFIX}${id}`;
}

/** The id in a layout's `plan.backgroundUrl`, or null if it is empty or not one of our URLs. */
export function backgroundIdOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  return URL_PATTERN.exec(url)?.[1]?.toLowerCase() ?? null;
}
