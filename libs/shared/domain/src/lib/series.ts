import type { FieldError, IsoWeekday } from '@flexdesk/shared-contracts';
import { addDaysToDate, isValidDate, isoWeekdayOf } from './time';

/** A recurring booking rule: which days, from when, until when (or how many). */
export interface SeriesRule {
  from: string;
  /** Last possible date, inclusive; or null with a `count`. */
  until: string | null;
  count: number | null;
  weekdays: IsoWeekday[];
  /** Every week (1) or every other week (2), counted from the week of `from`. */
  interval: 1 | 2;
}

/** A series reaches at most a year ahead; a booking horizon of 365 days is the longest policy allows. */
export const MAX_SERIES_SPAN_DAYS = 366;
export const MAX_SERIES_COUNT = 260;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Every mistake in a rule, with its path, so a form can mark them all. */
export function validateSeries(rule: SeriesRule): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidDate(rule.from)) errors.push({ path: 'from', message: 'from is not a calendar date' });
  if ((rule.until === null) === (rule.count === null)) errors.push({ path: 'until', message: 'give either until or count' });
  if (rule.until !== null) {
    if (!isValidDate(rule.until)) errors.push({ path: 'until', message: 'until is not a calendar date' });
    else if (isValidDate(rule.from) && rule.until < rule.from) errors.push({ path: 'until', message: 'until must not be before from' });
    else if (isValidDate(rule.from) && daysBetween(rule.from, rule.until) > MAX_SERIES_SPAN_DAYS) {
      errors.push({ path: 'until', message: `a series spans at most ${MAX_SERIES_SPAN_DAYS} days` });
    }
  }
  if (rule.count !== null && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > MAX_SERIES_COUNT)) {
    errors.push({ path: 'count', message: `count must be 1 to ${MAX_SERIES_COUNT}` });
  }
  if (!rule.weekdays.length) errors.push({ path: 'weekdays', message: 'choose at least one weekday' });
  if (rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || new Set(rule.weekdays).size !== rule.weekdays.length) {
    errors.push({ path: 'weekdays', message: 'weekdays are distinct numbers from 1 (Monday) to 7 (Sunday)' });
  }
  if (rule.interval !== 1 && rule.interval !== 2) errors.push({ path: 'interval', message: 'interval is 1 or 2 weeks' });
  return errors;
}

/**
 * The dates of a valid series in order: on its weekdays, in every `interval`-th week counted from
 * the week (Monday to Sunday) of `from`, until `until` or `count` dates — but never past `to`, when
 * given (e.g. the end of the booking horizon; the rest is booked later, as the horizon moves).
 */
export function seriesDates(rule: SeriesRule, to?: string): string[] {
  const monday = addDaysToDate(rule.from, 1 - isoWeekdayOf(rule.from));
  const last = rule.until ?? addDaysToDate(rule.from, MAX_SERIES_SPAN_DAYS);
  const dates: string[] = [];
  for (let date = rule.from; date <= last && (to === undefined || date <= to); date = addDaysToDate(date, 1)) {
    const week = Math.floor(daysBetween(monday, date) / 7);
    if (week % rule.interval !== 0 || !rule.weekdays.includes(isoWeekdayOf(date))) continue;
    dates.push(date);
    if (rule.count !== null && dates.length >= rule.count) break;
  }
  return dates;
}
