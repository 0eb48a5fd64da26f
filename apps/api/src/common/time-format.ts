import { TZDate } from '@date-fns/tz';

/** ISO 8601 with the building's own offset (e.g. `2026-03-30T08:00:00.000+02:00`), as clients show it. */
export function isoInZone(instant: Date, timeZone: string): string {
  return new TZDate(instant.getTime(), timeZone).toISOString();
}
