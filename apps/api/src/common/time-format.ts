import { tzOffset } from '@date-fns/tz';

const HOUR = 3_600_000;
const offsets = new Map<string, number>();

/**
 * Offset of `timeZone` at `ms`, memoised per zone and hour: zones change offset only on the hour
 * or half hour… except a few historic ones, so the cache key is the quarter hour. Profiling the
 * availability endpoint showed Intl-based offset lookups as its largest single cost.
 */
function offsetMinutes(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / (HOUR / 4))}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = tzOffset(timeZone, new Date(ms));
    offsets.set(key, offset);
  }
  return offset;
}

/** Formatted instants per zone: a floor's bookings on a day mostly share a handful of start and end times. */
const formatted = new Map<string, Map<number, string>>();
let formattedCount = 0;

/** ISO 8601 with the building's own offset (e.g. `2026-03-30T08:00:00.000+02:00`), as clients show it. */
export function isoInZone(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  let zone = formatted.get(timeZone);
  if (!zone) formatted.set(timeZone, (zone = new Map()));
  let iso = zone.get(ms);
  if (iso === undefined) {
    if (formattedCount >= 50_000) {
      formatted.clear();
      formatted.set(timeZone, (zone = new Map()));
      formattedCount = 0;
    }
    iso = format(ms, timeZone);
    zone.set(ms, iso);
    formattedCount++;
  }
  return iso;
}

function format(ms: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
