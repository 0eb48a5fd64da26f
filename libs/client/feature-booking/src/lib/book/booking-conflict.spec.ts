import type { AvailabilityBooking, Point } from '@flexdesk/shared-contracts';
import { conflictOutcome, nextFreeAlternative } from './booking-conflict';
import type { SpaceRow } from './space-rows';

const DAY = { start: '2026-05-04T05:00:00.000Z', end: '2026-05-04T17:00:00.000Z' };
const AM = { start: '2026-05-04T05:00:00.000Z', end: '2026-05-04T10:00:00.000Z' };
const PM = { start: '2026-05-04T10:00:00.000Z', end: '2026-05-04T17:00:00.000Z' };

const booking = (range: { start: string; end: string }, overrides: Partial<AvailabilityBooking> = {}) =>
  ({ ...range, status: 'confirmed', mine: false, bookerName: null, ...overrides }) as AvailabilityBooking;

const row = (id: string, overrides: Partial<SpaceRow> = {}): SpaceRow => ({
  id,
  label: id.toUpperCase(),
  kind: 'desk',
  zoneName: 'Team A',
  attributes: [],
  capacity: null,
  state: 'free',
  bookings: [],
  ...overrides,
});

describe('conflictOutcome', () => {
  it('names the winner only where the availability does', () => {
    expect(
      conflictOutcome(row('d1', { state: 'booked', bookings: [booking(DAY, { bookerName: 'Ida' })] }), AM),
    ).toEqual({ kind: 'taken', by: 'Ida', ...DAY });
    expect(conflictOutcome(row('d1', { state: 'partial', bookings: [booking(AM)] }), DAY)).toEqual({
      kind: 'taken',
      by: null,
      ...AM,
    });
  });

  it('ignores bookings outside the requested time and cancelled ones', () => {
    const r = row('d1', {
      state: 'partial',
      bookings: [booking(PM), booking(AM, { status: 'cancelled', bookerName: 'Old' })],
    });
    expect(conflictOutcome(r, AM)).toEqual({ kind: 'unknown' });
  });

  it('recognises our own booking and spaces that cannot be booked any more', () => {
    expect(conflictOutcome(row('d1', { state: 'mine', bookings: [booking(AM, { mine: true })] }), AM)).toEqual({
      kind: 'mine',
    });
    expect(conflictOutcome(row('d1', { state: 'unavailable' }), AM)).toEqual({ kind: 'unavailable' });
    expect(conflictOutcome(undefined, AM)).toEqual({ kind: 'unavailable' });
  });
});

describe('nextFreeAlternative', () => {
  const centers = new Map<string, Point>([
    ['lost', { x: 0, y: 0 }],
    ['near', { x: 10, y: 0 }],
    ['far', { x: 100, y: 0 }],
    ['other-zone', { x: 5, y: 0 }],
    ['room', { x: 1, y: 0 }],
  ]);
  const lost = row('lost');

  it('prefers the same zone, then the shortest distance', () => {
    const rows = [row('far'), row('other-zone', { zoneName: 'Team B' }), row('near'), lost];
    expect(nextFreeAlternative(rows, lost, DAY, centers)?.id).toBe('near');
    expect(
      nextFreeAlternative(
        [row('other-zone', { zoneName: 'Team B' }), row('far', { zoneName: null })],
        lost,
        DAY,
        centers,
      )?.id,
    ).toBe('other-zone');
  });

  it('only offers spaces of the same kind that are free for the whole time', () => {
    const rows = [
      row('room', { kind: 'room', capacity: 6 }),
      row('near', { state: 'partial', bookings: [booking(PM)] }),
      row('far', { state: 'booked' }),
    ];
    expect(nextFreeAlternative(rows, lost, DAY, centers)).toBeNull();
    // The afternoon booking of "near" does not stand in the way of a morning.
    expect(nextFreeAlternative(rows, lost, AM, centers)?.id).toBe('near');
  });

  it('offers rooms at least as large as the one lost', () => {
    const lostRoom = row('lost', { kind: 'room', capacity: 8 });
    const rows = [row('near', { kind: 'room', capacity: 4 }), row('far', { kind: 'room', capacity: 10 })];
    expect(nextFreeAlternative(rows, lostRoom, DAY, centers)?.id).toBe('far');
  });
});
