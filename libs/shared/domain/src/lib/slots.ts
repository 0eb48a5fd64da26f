import type {
  BookingSlot,
  Closure,
  ErrorCode,
  OpeningHours,
} from '@flexdesk/shared-contracts';
import { isoWeekdayOf, isValidDate, localDateOf, zonedInstant } from './time';

export interface BuildingCalendar {
  timeZone: string;
  openingHours: OpeningHours[];
  /** Local `HH:mm` where `am` ends and `pm` starts. */
  midday: string;
  closures: Closure[];
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

export type NamedSlot = Exclude<BookingSlot, 'custom'>;
export const NAMED_SLOTS: readonly NamedSlot[] = ['day', 'am', 'pm'];

export type SlotRequest =
  { date: string; slot: NamedSlot } | { start: Date; end: Date };

export interface ResolvedSlot {
  ok: true;
  slot: BookingSlot;
  date: string;
  start: Date;
  end: Date;
}

export type SlotResolution = ResolvedSlot | { ok: false; code: ErrorCode };

export function isNamedSlotRequest(
  req: SlotRequest,
): req is { date: string; slot: NamedSlot } {
  return 'slot' in req;
}

export function closureOn(cal: BuildingCalendar, date: string): Closure | null {
  return cal.closures.find((c) => c.date === date) ?? null;
}

/**
 * The local opening hours of `date` as instants. Computed from wall-clock times rather than as
 * open + duration, so a DST change inside the hours shortens or lengthens the day.
 */
export function openingWindow(
  cal: BuildingCalendar,
  date: string,
): TimeWindow | null {
  if (!isValidDate(date) || closureOn(cal, date)) return null;
  const weekday = isoWeekdayOf(date);
  const hours = cal.openingHours.find((h) => h.weekday === weekday);
  if (!hours) return null;
  const start = zonedInstant(date, hours.open, cal.timeZone);
  const end = zonedInstant(date, hours.close, cal.timeZone);
  // Misconfigured hours (close not after open) would yield an empty or inverted window; treating
  // the day as closed keeps every later comparison meaningful.
  if (end.getTime() <= start.getTime()) return null;
  return { start, end };
}

function resolveNamed(
  cal: BuildingCalendar,
  date: string,
  slot: NamedSlot,
): SlotResolution {
  if (!isValidDate(date)) return { ok: false, code: 'VALIDATION_FAILED' };
  // The request may come straight off the wire, where the type does not hold.
  if (!NAMED_SLOTS.includes(slot))
    return { ok: false, code: 'SLOT_NOT_ALLOWED' };
  const window = openingWindow(cal, date);
  if (!window) return { ok: false, code: 'BUILDING_CLOSED' };
  if (slot === 'day') return { ok: true, slot, date, ...window };

  const midday = zonedInstant(date, cal.midday, cal.timeZone);
  if (
    midday.getTime() <= window.start.getTime() ||
    midday.getTime() >= window.end.getTime()
  ) {
    // A half day needs both halves to exist; a building that closes before midday has no `pm`.
    return { ok: false, code: 'SLOT_NOT_ALLOWED' };
  }
  return slot === 'am'
    ? { ok: true, slot, date, start: window.start, end: midday }
    : { ok: true, slot, date, start: midday, end: window.end };
}

function resolveCustom(
  cal: BuildingCalendar,
  start: Date,
  end: Date,
): SlotResolution {
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) {
    return { ok: false, code: 'INVALID_TIME_RANGE' };
  }
  // The local date, not the UTC one: 00:30 in Berlin belongs to that Berlin day even though it is
  // still the previous day in UTC.
  const date = localDateOf(start, cal.timeZone);
  const window = openingWindow(cal, date);
  if (!window) return { ok: false, code: 'BUILDING_CLOSED' };
  if (startMs < window.start.getTime() || endMs > window.end.getTime()) {
    return { ok: false, code: 'OUTSIDE_OPENING_HOURS' };
  }
  return {
    ok: true,
    slot: 'custom',
    date,
    start: new Date(startMs),
    end: new Date(endMs),
  };
}

export function resolveSlot(
  cal: BuildingCalendar,
  req: SlotRequest,
): SlotResolution {
  return isNamedSlotRequest(req)
    ? resolveNamed(cal, req.date, req.slot)
    : resolveCustom(cal, req.start, req.end);
}
