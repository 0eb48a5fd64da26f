import {
  ACTIVE_BOOKING_STATUSES,
  type AvailabilityBooking,
  type Building,
  type BookingSlot,
} from '@flexdesk/shared-contracts';
import { addDaysToDate, isoWeekdayOf, localDateOf, localTimeOf, zonedInstant } from '@flexdesk/shared-domain';

export type NamedSlot = Exclude<BookingSlot, 'custom'>;
const NAMED_SLOTS: readonly NamedSlot[] = ['day', 'am', 'pm'];

export interface DateOption {
  date: string;
  closed: boolean;
  /** The closure's reason; null for regular closing days or open days. */
  reason: string | null;
}

/**
 * Days that may be booked, today up to the desk policy's horizon, with closures and days without
 * opening hours marked (they stay in the list, disabled, so people see why a day is missing).
 */
export function dateOptions(
  building: Pick<Building, 'policies' | 'closures' | 'openingHours'>,
  today: string,
): DateOption[] {
  const closures = new Map(building.closures.map((c) => [c.date, c.reason]));
  const openDays = new Set(building.openingHours.map((h) => h.weekday));
  const options: DateOption[] = [];
  for (let i = 0; i <= building.policies.desk.horizonDays; i++) {
    const date = addDaysToDate(today, i);
    const reason = closures.get(date);
    options.push({ date, closed: reason !== undefined || !openDays.has(isoWeekdayOf(date)), reason: reason ?? null });
  }
  return options;
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

export interface SlotChoice {
  slot: NamedSlot;
  window: TimeWindow;
  /** Overlaps an active booking of the space. */
  taken: boolean;
  /** Already over. */
  past: boolean;
}

function overlaps(window: TimeWindow, bookings: readonly AvailabilityBooking[]): boolean {
  return bookings.some(
    (b) =>
      ACTIVE_BOOKING_STATUSES.includes(b.status) &&
      Date.parse(b.start) < window.end.getTime() &&
      Date.parse(b.end) > window.start.getTime(),
  );
}

/**
 * The named slots the policy allows, with their times on that day and whether they are still free.
 * The API has the last word; this only spares people choices that cannot work.
 */
export function namedSlotChoices(args: {
  allowed: readonly BookingSlot[];
  open: { start: string; end: string };
  date: string;
  midday: string;
  timeZone: string;
  bookings: readonly AvailabilityBooking[];
  now: Date;
}): SlotChoice[] {
  const openStart = new Date(args.open.start);
  const openEnd = new Date(args.open.end);
  const midday = zonedInstant(args.date, args.midday, args.timeZone);
  const windows: Record<NamedSlot, TimeWindow> = {
    day: { start: openStart, end: openEnd },
    am: { start: openStart, end: new Date(Math.min(midday.getTime(), openEnd.getTime())) },
    pm: { start: new Date(Math.max(midday.getTime(), openStart.getTime())), end: openEnd },
  };
  return NAMED_SLOTS.filter((slot) => args.allowed.includes(slot))
    .map((slot) => ({ slot, window: windows[slot] }))
    .filter(({ window }) => window.end > window.start)
    .map(({ slot, window }) => ({
      slot,
      window,
      taken: overlaps(window, args.bookings),
      past: window.end <= args.now,
    }));
}

export interface TimeOption {
  /** Local wall-clock time `HH:mm` (`24:00` for a midnight close). */
  time: string;
  instant: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Times within the opening window on the policy's step grid (local minutes since midnight). */
export function timeOptions(args: {
  open: { start: string; end: string };
  date: string;
  timeZone: string;
  stepMinutes: number;
}): TimeOption[] {
  const step = Math.max(1, args.stepMinutes);
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const first = minutes(localTimeOf(new Date(args.open.start), args.timeZone));
  const endDate = new Date(args.open.end);
  const closesNextDay = addDaysToDate(args.date, 1) <= localDateOf(endDate, args.timeZone);
  const last = closesNextDay ? 24 * 60 : minutes(localTimeOf(endDate, args.timeZone));
  const options: TimeOption[] = [];
  for (let m = Math.ceil(first / step) * step; m <= last; m += step) {
    const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    options.push({ time, instant: zonedInstant(args.date, time, args.timeZone) });
  }
  return options;
}

/**
 * A sensible first proposal for a custom booking: the next free step from now (or opening), lasting
 * an hour or the minimum duration, whichever is longer, and not beyond closing.
 */
export function defaultCustomRange(
  options: readonly TimeOption[],
  now: Date,
  minDurationMinutes: number,
): { start: string; end: string } | null {
  const startIndex = options.findIndex((o) => o.instant >= now);
  if (startIndex < 0 || startIndex >= options.length - 1) return null;
  const start = options[startIndex];
  const wanted = start.instant.getTime() + Math.max(60, minDurationMinutes) * 60_000;
  const end = options.slice(startIndex + 1).find((o) => o.instant.getTime() >= wanted) ?? options[options.length - 1];
  return { start: start.time, end: end.time };
}
