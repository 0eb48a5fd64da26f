import type { Booking, BookingStatus } from '@flexdesk/shared-contracts';
import {
  bookingRange,
  mayBookAgain,
  mayCancel,
  mayOfferCheckIn,
  mayWithdrawInvite,
  splitBookings,
} from './bookings-split';

function booking(id: string, start: string, end: string, status: BookingStatus = 'confirmed'): Booking {
  return {
    id,
    spaceId: 's',
    spaceLabel: id,
    spaceKind: 'desk',
    floorId: 'f',
    floorName: 'EG',
    buildingId: 'b',
    buildingName: 'Rathaus',
    timeZone: 'Europe/Berlin',
    date: start.slice(0, 10),
    slot: 'day',
    start,
    end,
    status,
    booker: { id: 'u', displayName: 'Erika' },
    createdBy: { id: 'u', displayName: 'Erika' },
    checkedInAt: null,
    cancelledAt: null,
    createdAt: start,
    sequence: 0,
    seriesId: null,
  };
}

const NOW = new Date('2026-05-04T10:00:00Z'); // 12:00 in Berlin

describe('splitBookings', () => {
  it('puts active bookings that have not ended under upcoming, soonest first; the rest under past, latest first', () => {
    const list = [
      booking('later', '2026-05-06T07:00:00+02:00', '2026-05-06T19:00:00+02:00'),
      booking('running', '2026-05-04T07:00:00+02:00', '2026-05-04T19:00:00+02:00', 'checked_in'),
      booking('over', '2026-05-04T07:00:00+02:00', '2026-05-04T11:00:00+02:00'),
      booking('cancelled', '2026-05-05T07:00:00+02:00', '2026-05-05T19:00:00+02:00', 'cancelled'),
      booking('released', '2026-05-01T07:00:00+02:00', '2026-05-01T19:00:00+02:00', 'released'),
    ];
    const { upcoming, past } = splitBookings(list, NOW);
    expect(upcoming.map((b) => b.id)).toEqual(['running', 'later']);
    expect(past.map((b) => b.id)).toEqual(['cancelled', 'over', 'released']);
  });
});

describe('mayOfferCheckIn', () => {
  it("offers check-in for today's confirmed bookings that have not ended", () => {
    expect(mayOfferCheckIn(booking('a', '2026-05-04T13:00:00+02:00', '2026-05-04T19:00:00+02:00'), NOW)).toBe(true);
    expect(mayOfferCheckIn(booking('b', '2026-05-04T07:00:00+02:00', '2026-05-04T11:00:00+02:00'), NOW)).toBe(false);
    expect(mayOfferCheckIn(booking('c', '2026-05-05T07:00:00+02:00', '2026-05-05T19:00:00+02:00'), NOW)).toBe(false);
    expect(
      mayOfferCheckIn(booking('d', '2026-05-04T13:00:00+02:00', '2026-05-04T19:00:00+02:00', 'checked_in'), NOW),
    ).toBe(false);
  });

  it("judges 'today' in the building's time zone", () => {
    // 23:30 UTC on 3 May is already 4 May in Berlin.
    const lateEvening = new Date('2026-05-03T23:30:00Z');
    expect(mayOfferCheckIn(booking('a', '2026-05-04T07:00:00+02:00', '2026-05-04T19:00:00+02:00'), lateEvening)).toBe(
      true,
    );
  });
});

describe('mayCancel', () => {
  it('allows cancelling active bookings until they end', () => {
    expect(mayCancel(booking('a', '2026-05-04T07:00:00+02:00', '2026-05-04T19:00:00+02:00', 'checked_in'), NOW)).toBe(
      true,
    );
    expect(mayCancel(booking('b', '2026-05-04T07:00:00+02:00', '2026-05-04T11:00:00+02:00'), NOW)).toBe(false);
    expect(mayCancel(booking('c', '2026-05-06T07:00:00+02:00', '2026-05-06T19:00:00+02:00', 'cancelled'), NOW)).toBe(
      false,
    );
  });
});

describe('bookingRange', () => {
  it('spans a quarter back and stays within the 366 days the API accepts', () => {
    const { from, to } = bookingRange(NOW);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days).toBe(366);
    expect(Date.parse(from)).toBeLessThan(NOW.getTime() - 89 * 86_400_000);
  });
});

describe('book again and withdrawn invites', () => {
  it('repeats what is over or no longer active, and withdraws invites of cancelled bookings still ahead', () => {
    const ahead = booking('ahead', '2026-05-05T05:00:00Z', '2026-05-05T17:00:00Z');
    const over = booking('over', '2026-05-01T05:00:00Z', '2026-05-01T17:00:00Z');
    const cancelledAhead = { ...ahead, status: 'cancelled' as const };
    const releasedOver = { ...over, status: 'released' as const };
    expect([ahead, over, cancelledAhead, releasedOver].map((b) => mayBookAgain(b, NOW))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect([ahead, over, cancelledAhead, releasedOver].map((b) => mayWithdrawInvite(b, NOW))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});
