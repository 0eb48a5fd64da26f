import { tzOffset, tzScan } from '@date-fns/tz';

export interface ZoneTransition {
  /** The instant the new offset takes effect. */
  at: Date;
  /** UTC offsets in minutes, e.g. 60 for +01:00. */
  offsetFrom: number;
  offsetTo: number;
  kind: 'STANDARD' | 'DAYLIGHT';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * tzScan reports the first whole hour after a change; a few zones change on the half hour
 * (e.g. Australia/Lord_Howe), so the minute is found by bisecting that hour.
 */
function exactChange(timeZone: string, hourAfter: Date): Date {
  const before = tzOffset(timeZone, new Date(hourAfter.getTime() - HOUR));
  let lo = hourAfter.getTime() - HOUR;
  let hi = hourAfter.getTime();
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tzOffset(timeZone, new Date(mid)) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/**
 * Daylight is whatever lies above the lower of the January and July offsets of that year, which
 * holds in both hemispheres. (A permanent change of a zone's base offset may be labelled
 * DAYLIGHT; calendar clients only use the offsets, the label is informational.)
 */
function standardOffset(timeZone: string, year: number): number {
  return Math.min(tzOffset(timeZone, new Date(Date.UTC(year, 0, 1))), tzOffset(timeZone, new Date(Date.UTC(year, 6, 1))));
}

/**
 * The offset changes of `timeZone` in the calendar years from `from` to `to`, preceded by the
 * last change before them (so instants early in the first year are covered as well).
 */
export function zoneTransitions(timeZone: string, from: Date, to: Date): ZoneTransition[] {
  const firstYear = from.getUTCFullYear();
  const rangeStart = Date.UTC(firstYear, 0, 1);
  const changes = tzScan(timeZone, {
    start: new Date(Date.UTC(firstYear - 1, 0, 1)),
    end: new Date(Date.UTC(to.getUTCFullYear() + 1, 0, 1)),
  }).map((c) => ({ ...c, date: exactChange(timeZone, c.date) }));
  const firstInRange = changes.findIndex((c) => c.date.getTime() >= rangeStart);
  const kept = firstInRange === -1 ? changes.slice(-1) : changes.slice(Math.max(0, firstInRange - 1));
  return kept.map((c) => ({
    at: c.date,
    offsetFrom: c.offset - c.change,
    offsetTo: c.offset,
    kind: c.offset > standardOffset(timeZone, c.date.getUTCFullYear()) ? 'DAYLIGHT' : 'STANDARD',
  }));
}

function icalOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Wall-clock time of an instant at a given offset, as an iCalendar local DATE-TIME. */
function localDateTime(instant: Date, offsetMinutes: number): string {
  return new Date(instant.getTime() + offsetMinutes * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, derived from the runtime's time zone
 * data and valid for the calendar years from `from` to `to`. Each observance is listed with its
 * own DTSTART rather than an RRULE, so past rule changes of a zone cannot be misrepresented.
 * Returns null for an unknown zone.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string | null {
  if (!isKnownZone(timeZone)) return null;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const transitions = zoneTransitions(timeZone, from, to);
  if (!transitions.length) {
    const offset = icalOffset(tzOffset(timeZone, from));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const t of transitions) {
    lines.push(
      `BEGIN:${t.kind}`,
      // DTSTART of an observance is the local time before the change (RFC 5545 §3.6.5).
      `DTSTART:${localDateTime(t.at, t.offsetFrom)}`,
      `TZOFFSETFROM:${icalOffset(t.offsetFrom)}`,
      `TZOFFSETTO:${icalOffset(t.offsetTo)}`,
      `END:${t.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** A VTIMEZONE generator for ical-generator, covering the years of the events it will write. */
export function vtimezoneGenerator(from: Date, to: Date): (timeZone: string) => string | null {
  return (timeZone) => vtimezone(timeZone, from, to);
}
