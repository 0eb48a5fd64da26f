/**
 * What the booking page remembers per person on this device: the view (plan or list), the building,
 * floor and day picked last. Kept in localStorage under the person's id, so two people sharing a
 * computer each find their own choice; nothing here is worth a server round trip.
 */
export interface BookPreferences {
  view?: 'plan' | 'list';
  buildingId?: string;
  floorId?: string;
  date?: string;
}

const PREFIX = 'flexdesk.book.';
/** The key the page used before choices were kept per person; still read once as a fallback. */
export const LEGACY_FLOOR_KEY = 'flexdesk.lastFloor';

export function preferencesKey(userId: string | null | undefined): string {
  return PREFIX + (userId ?? 'anonymous');
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length < 100;
}

/** Reads the stored choice; anything malformed is ignored rather than trusted. */
export function readPreferences(storage: Storage | null | undefined, userId: string | null | undefined): BookPreferences {
  try {
    const raw = storage?.getItem(preferencesKey(userId));
    const legacyFloor = storage?.getItem(LEGACY_FLOOR_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const p = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const result: BookPreferences = {};
    if (p['view'] === 'plan' || p['view'] === 'list') result.view = p['view'];
    if (isString(p['buildingId'])) result.buildingId = p['buildingId'];
    if (isString(p['floorId'])) result.floorId = p['floorId'];
    else if (isString(legacyFloor)) result.floorId = legacyFloor;
    if (isString(p['date']) && /^\d{4}-\d{2}-\d{2}$/.test(p['date'])) result.date = p['date'];
    return result;
  } catch {
    return {};
  }
}

export function writePreferences(
  storage: Storage | null | undefined,
  userId: string | null | undefined,
  change: BookPreferences,
): void {
  try {
    const next = { ...readPreferences(storage, userId), ...change };
    storage?.setItem(preferencesKey(userId), JSON.stringify(next));
  } catch {
    // Without storage (private mode, quota) the page simply starts from the defaults next time.
  }
}
