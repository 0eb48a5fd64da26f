import { ACTIVE_BOOKING_STATUSES, type Booking } from '@flexdesk/shared-contracts';
import { addDaysToDate, localDateOf } from '@flexdesk/shared-domain';

export interface SplitBookings {
  /** Active and not yet over, soonest first. */
  upcoming: Booking[];
  /** Over, cancelled or released, most recent first. */
  past: Booking[];
}

export function splitBookings(bookings: readonly Booking[], now: Date): SplitBookings {
  const isUpcoming = (b: Booking) => ACTIVE_BOOKING_STATUSES.includes(b.status) && Date.parse(b.end) > now.getTime();
  const byStart = (a: Booking, b: Booking) => Date.parse(a.start) - Date.parse(b.start);
  return {
    upcoming: bookings.filter(isUpcoming).sort(byStart),
    past: bookings.filter((b) => !isUpcoming(b)).sort((a, b) => byStart(b, a)),
  };
}

/**
 * Whether to offer a check-in button: a confirmed booking for today (in its building's time zone)
 * that has not ended. Whether check-in is needed and its window are the API's call; it explains a refusal.
 */
export function mayOfferCheckIn(booking: Booking, now: Date): boolean {
  return (
    booking.status === 'confirmed' &&
    localDateOf(now, booking.timeZone) === booking.date &&
    Date.parse(booking.end) > now.getTime()
  );
}

export function mayCancel(booking: Booking, now: Date): boolean {
  return ACTIVE_BOOKING_STATUSES.includes(booking.status) && Date.parse(booking.end) > now.getTime();
}

/** The range asked for: a quarter year back and as far ahead as the API allows in one request. */
export function bookingRange(now: Date): { from: string; to: string } {
  const today = localDateOf(now, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const from = addDaysToDate(today, -90);
  return { from, to: addDaysToDate(from, 366) };
}

/** Past, cancelled or released bookings can be repeated (on the next open day, same space and slot). */
export function mayBookAgain(booking: Booking, now: Date): boolean {
  return !mayCancel(booking, now);
}

/**
 * A cancelled (or released) booking that has not ended yet may still sit in the person's calendar:
 * its invite, now a cancellation, removes it there.
 */
export function mayWithdrawInvite(booking: Booking, now: Date): boolean {
  return !ACTIVE_BOOKING_STATUSES.includes(booking.status) && Date.parse(booking.end) > now.getTime();
}
