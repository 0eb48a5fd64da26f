import type { IsoWeekday, OpeningHours } from '@flexdesk/shared-contracts';

/** One weekday as the form edits it. */
export interface WeekdayHours {
  weekday: IsoWeekday;
  open: boolean;
  /** Open around the clock ("durchgehend geöffnet"): stored as `00:00`-`24:00`. */
  allDay: boolean;
  from: string;
  to: string;
}

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const DEFAULT_FROM = '07:00';
const DEFAULT_TO = '19:00';

export function isAroundTheClock(h: Pick<OpeningHours, 'open' | 'close'>): boolean {
  return h.open === '00:00' && h.close === '24:00';
}

/** The seven rows of the form, Monday first; weekdays not listed are closed. */
export function weekdayRows(hours: readonly OpeningHours[]): WeekdayHours[] {
  return WEEKDAYS.map((weekday) => {
    const h = hours.find((x) => x.weekday === weekday);
    if (!h) return { weekday, open: false, allDay: false, from: DEFAULT_FROM, to: DEFAULT_TO };
    const allDay = isAroundTheClock(h);
    return {
      weekday,
      open: true,
      allDay,
      from: allDay ? DEFAULT_FROM : h.open,
      to: allDay ? DEFAULT_TO : h.close,
    };
  });
}

/** A time input cannot show 24:00; a close at 00:00 means midnight at the end of the day. */
function closeTime(to: string): string {
  return to === '00:00' ? '24:00' : to;
}

export function openingHoursOf(rows: readonly WeekdayHours[]): OpeningHours[] {
  return rows
    .filter((r) => r.open)
    .map((r) =>
      r.allDay
        ? { weekday: r.weekday, open: '00:00', close: '24:00' }
        : { weekday: r.weekday, open: r.from, close: closeTime(r.to) },
    );
}

/** Weekdays whose closing time is not after the opening time. */
export function invalidWeekdays(rows: readonly WeekdayHours[]): IsoWeekday[] {
  return rows
    .filter((r) => r.open && !r.allDay && !(TIME.test(r.from) && CLOSE.test(r.to) && r.from < closeTime(r.to)))
    .map((r) => r.weekday);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Monday to Friday 07:00-19:00, the usual office week, for a new building. */
export const OFFICE_WEEK: readonly OpeningHours[] = ([1, 2, 3, 4, 5] as IsoWeekday[]).map((weekday) => ({
  weekday,
  open: DEFAULT_FROM,
  close: DEFAULT_TO,
}));
