import type { Closure } from '@flexdesk/shared-contracts';
import { type GermanState, germanPublicHolidays } from '@flexdesk/shared-domain';

/**
 * A year's public holidays as closures, one per date (Himmelfahrt can fall on 1 May, and the API
 * refuses a date twice in one request), leaving out dates already closed for another reason.
 */
export function holidayClosures(year: number, state: GermanState, existing: readonly Closure[]): Closure[] {
  const taken = new Set(existing.map((c) => c.date));
  const byDate = new Map<string, string[]>();
  for (const h of germanPublicHolidays(year, state)) {
    if (taken.has(h.date)) continue;
    byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name]);
  }
  return [...byDate].map(([date, names]) => ({ date, reason: names.join(' / ') }));
}
