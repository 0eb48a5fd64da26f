import { openingWindow, type BuildingCalendar } from './slots';
import { addDaysToDate, localDateOf } from './time';

/**
 * The days from today up to the horizon on which something can still be booked: the building opens
 * (opening hours, no closure) and, for today, has not closed yet. A `day` booking is accepted while
 * it runs (only its end must be ahead), so "still open" is the test, not "not yet opened".
 */
export function bookableDays(calendar: BuildingCalendar, now: Date, horizonDays: number): string[] {
  const today = localDateOf(now, calendar.timeZone);
  const days: string[] = [];
  for (let i = 0; i <= horizonDays; i++) {
    const date = addDaysToDate(today, i);
    const window = openingWindow(calendar, date);
    if (window && window.end.getTime() > now.getTime()) days.push(date);
  }
  return days;
}

/** The first of {@link bookableDays}: today while open, after closing time the next open day. */
export function nextBookableDay(calendar: BuildingCalendar, now: Date, horizonDays: number): string | null {
  return bookableDays(calendar, now, horizonDays)[0] ?? null;
}
