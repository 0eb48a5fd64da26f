import { BOOKING_SLOTS, type Booking, type BookingSlot, type Building } from '@flexdesk/shared-contracts';
import { isValidTime, isoWeekdayOf, localTimeOf, minutesOfDay, zonedInstant } from '@flexdesk/shared-domain';
import type { DateOption } from './booking-options';

/**
 * "Book again": the booking page opened on the same floor and space, with the same slot preferred.
 * Carried in the URL (`/book?floor=…&space=…&slot=…[&from=HH:mm&to=HH:mm]`) so it survives a reload
 * and can be opened in a new tab.
 */
export interface BookAgainIntent {
  floorId: string;
  spaceId: string;
  slot: BookingSlot;
  /** Local wall-clock times of a `custom` booking. */
  from: string | null;
  to: string | null;
}

export function bookAgainQuery(
  b: Pick<Booking, 'floorId' | 'spaceId' | 'slot' | 'start' | 'end' | 'timeZone'>,
): Record<string, string> {
  const query: Record<string, string> = { floor: b.floorId, space: b.spaceId, slot: b.slot };
  if (b.slot === 'custom') {
    query['from'] = localTimeOf(new Date(b.start), b.timeZone);
    query['to'] = localTimeOf(new Date(b.end), b.timeZone);
  }
  return query;
}

/** The intent in the URL, or null when there is none or it is malformed (then the page opens as usual). */
export function parseBookAgain(params: { get(name: string): string | null }): BookAgainIntent | null {
  const floorId = params.get('floor');
  const spaceId = params.get('space');
  const slot = params.get('slot');
  if (!floorId || !spaceId || !slot || !(BOOKING_SLOTS as readonly string[]).includes(slot)) return null;
  const from = params.get('from');
  const to = params.get('to');
  const custom = slot === 'custom' && from && to && isValidTime(from) && isValidTime(to) && from < to;
  if (slot === 'custom' && !custom) return null;
  return { floorId, spaceId, slot: slot as BookingSlot, from: custom ? from : null, to: custom ? to : null };
}

/** Local time at which the intended slot ends on `date`, or null if the building does not open then. */
function slotEnd(building: Pick<Building, 'openingHours' | 'midday'>, intent: BookAgainIntent, date: string) {
  const hours = building.openingHours.find((h) => h.weekday === isoWeekdayOf(date));
  if (!hours) return null;
  if (intent.slot === 'custom') return intent.to;
  if (intent.slot === 'am')
    return minutesOfDay(building.midday) < minutesOfDay(hours.close) ? building.midday : hours.close;
  return hours.close;
}

/**
 * The next open day on which the intended slot is not over yet: usually today, or the next open day
 * when today's slot has passed (or the building is closed today).
 */
export function nextDateFor(
  options: readonly DateOption[],
  building: Pick<Building, 'openingHours' | 'midday' | 'timeZone'>,
  intent: BookAgainIntent,
  now: Date,
): string | null {
  for (const option of options) {
    if (option.closed) continue;
    const end = slotEnd(building, intent, option.date);
    if (end && zonedInstant(option.date, end, building.timeZone) > now) return option.date;
  }
  return null;
}
