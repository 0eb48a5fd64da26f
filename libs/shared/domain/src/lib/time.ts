import { tzOffset } from '@date-fns/tz';
import type { IsoWeekday } from '@flexdesk/shared-contracts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
/**
 * IANA names only: every path segment starts with an upper-case letter. `Intl` would also accept
 * lower-case spellings and (on newer runtimes) raw offsets like `+01:00`; neither is stable to store.
 */
const IANA_NAME_RE = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/** Milliseconds of `date` at 00:00 UTC, or NaN if it is not a real `YYYY-MM-DD` calendar day. */
function utcMidnightOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // There is no year 0 (PostgreSQL refuses it; JavaScript would take it for 1 BC).
  if (year < 1) return NaN;
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day
  ) {
    return NaN;
  }
  return d.getTime();
}

function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

function requireDate(date: string): number {
  const ms = utcMidnightOf(date);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${date}`);
  return ms;
}

/** UTC offset of `timeZone` at `instant`, in minutes east of UTC. */
function offsetMinutes(timeZone: string, instant: number): number {
  const offset = tzOffset(timeZone, new Date(instant));
  if (Number.isNaN(offset))
    throw new RangeError(`Invalid time zone: ${timeZone}`);
  return offset;
}

function requireInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return ms;
}

/** The instant shifted so that its UTC fields read as the wall clock in `timeZone`. */
function wallClockMs(instant: Date, timeZone: string): number {
  const ms = requireInstant(instant);
  return ms + offsetMinutes(timeZone, ms) * MINUTE_MS;
}

export function isValidDate(date: string): boolean {
  return typeof date === 'string' && !Number.isNaN(utcMidnightOf(date));
}

export function isValidTime(t: string): boolean {
  return typeof t === 'string' && TIME_RE.test(t);
}

/** Closing times may also be `24:00`, i.e. the next local midnight. */
export function isValidClosingTime(t: string): boolean {
  return t === '24:00' || isValidTime(t);
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || !IANA_NAME_RE.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since local midnight of `HH:mm`; `24:00` gives 1440. */
export function minutesOfDay(time: string): number {
  if (!isValidClosingTime(time)) throw new RangeError(`Invalid time: ${time}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function localDateOf(instant: Date, timeZone: string): string {
  return formatUtcDate(
    Math.floor(wallClockMs(instant, timeZone) / DAY_MS) * DAY_MS,
  );
}

/** `HH:mm` of the instant on the wall clock of `timeZone` (seconds are dropped). */
export function localTimeOf(instant: Date, timeZone: string): string {
  const d = new Date(wallClockMs(instant, timeZone));
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * Milliseconds since local midnight of the instant in `timeZone`, including seconds, so that callers
 * can tell whether an instant sits exactly on a minute boundary.
 */
export function localMsOfDay(instant: Date, timeZone: string): number {
  const wall = wallClockMs(instant, timeZone);
  return wall - Math.floor(wall / DAY_MS) * DAY_MS;
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`. `24:00` means the next
 * local midnight. Gaps resolve forward and overlaps to the earlier instant, like Temporal's
 * `disambiguation: 'compatible'`, so an opening time inside a DST gap opens when the clock resumes.
 */
export function zonedInstant(
  date: string,
  time: string,
  timeZone: string,
): Date {
  if (time === '24:00')
    return zonedInstant(addDaysToDate(date, 1), '00:00', timeZone);
  if (!isValidTime(time)) throw new RangeError(`Invalid time: ${time}`);
  const wall = requireDate(date) + minutesOfDay(time) * MINUTE_MS;

  // A transition changes the offset at most once within a day either side, so the offsets a day
  // before and after are the only ones this wall time can have been observed with.
  const before = offsetMinutes(timeZone, wall - DAY_MS);
  const after = offsetMinutes(timeZone, wall + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => ({ offset, instant: wall - offset * MINUTE_MS }))
    .filter((c) => offsetMinutes(timeZone, c.instant) === c.offset)
    .map((c) => c.instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);

  // Nonexistent wall time: reading it with the pre-transition offset lands as far past the gap as
  // the time was into it.
  return new Date(wall - before * MINUTE_MS);
}

export function isoWeekdayOf(date: string): IsoWeekday {
  const day = new Date(requireDate(date)).getUTCDay();
  return (((day + 6) % 7) + 1) as IsoWeekday;
}

export function addDaysToDate(date: string, days: number): string {
  if (!Number.isInteger(days))
    throw new RangeError(`Not a whole number of days: ${days}`);
  return formatUtcDate(requireDate(date) + days * DAY_MS);
}
