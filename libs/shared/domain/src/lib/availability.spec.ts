import { spaceState, type SpaceStateArgs } from './availability';

const window = {
  start: new Date('2026-06-10T05:00:00Z'),
  end: new Date('2026-06-10T17:00:00Z'),
};
const booking = (start: string, end: string, mine = false) => ({
  start: new Date(`2026-06-10T${start}:00Z`),
  end: new Date(`2026-06-10T${end}:00Z`),
  mine,
});
const args = (overrides: Partial<SpaceStateArgs> = {}): SpaceStateArgs => ({
  bookable: true,
  restricted: false,
  window,
  bookings: [],
  ...overrides,
});

describe('spaceState', () => {
  it('is free without bookings', () => {
    expect(spaceState(args())).toBe('free');
  });

  it('is unavailable when not bookable, restricted or closed, whatever the bookings', () => {
    const bookings = [booking('05:00', '17:00', true)];
    expect(spaceState(args({ bookable: false, bookings }))).toBe('unavailable');
    expect(spaceState(args({ restricted: true, bookings }))).toBe(
      'unavailable',
    );
    expect(spaceState(args({ window: null, bookings }))).toBe('unavailable');
  });

  it('is mine when any booking is mine, even a partial one among others', () => {
    expect(
      spaceState(args({ bookings: [booking('05:00', '10:00', true)] })),
    ).toBe('mine');
    expect(
      spaceState(
        args({
          bookings: [
            booking('05:00', '10:00'),
            booking('10:00', '17:00', true),
          ],
        }),
      ),
    ).toBe('mine');
  });

  it('is booked when one booking covers the whole window', () => {
    expect(spaceState(args({ bookings: [booking('05:00', '17:00')] }))).toBe(
      'booked',
    );
  });

  it('is booked when a booking reaches beyond the window', () => {
    expect(spaceState(args({ bookings: [booking('04:00', '18:00')] }))).toBe(
      'booked',
    );
  });

  it('is booked when adjacent am and pm bookings cover the window, in any order', () => {
    expect(
      spaceState(
        args({
          bookings: [booking('10:00', '17:00'), booking('05:00', '10:00')],
        }),
      ),
    ).toBe('booked');
  });

  it('is booked when overlapping bookings cover the window', () => {
    expect(
      spaceState(
        args({
          bookings: [
            booking('05:00', '12:00'),
            booking('06:00', '08:00'),
            booking('11:00', '17:00'),
          ],
        }),
      ),
    ).toBe('booked');
  });

  it('is partial with a gap between bookings', () => {
    expect(
      spaceState(
        args({
          bookings: [booking('05:00', '10:00'), booking('10:15', '17:00')],
        }),
      ),
    ).toBe('partial');
  });

  it('is partial when the window start or end is left free', () => {
    expect(spaceState(args({ bookings: [booking('05:00', '10:00')] }))).toBe(
      'partial',
    );
    expect(spaceState(args({ bookings: [booking('10:00', '17:00')] }))).toBe(
      'partial',
    );
    expect(spaceState(args({ bookings: [booking('08:00', '09:00')] }))).toBe(
      'partial',
    );
  });

  it('ignores bookings of others entirely outside the window', () => {
    expect(
      spaceState(
        args({
          bookings: [booking('02:00', '05:00'), booking('17:00', '20:00')],
        }),
      ),
    ).toBe('free');
  });
});
