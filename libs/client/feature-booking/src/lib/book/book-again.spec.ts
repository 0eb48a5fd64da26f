import type { Building } from '@flexdesk/shared-contracts';
import { bookAgainQuery, nextDateFor, parseBookAgain } from './book-again';
import type { DateOption } from './booking-options';

const params = (query: Record<string, string>) => new URLSearchParams(query);

const building: Pick<Building, 'openingHours' | 'midday' | 'timeZone'> = {
  timeZone: 'Europe/Berlin',
  midday: '12:00',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, open: '07:00', close: '19:00' })),
};

// Monday 4 May 2026 is open; Tuesday is a closure; Wednesday is open.
const options: DateOption[] = [
  { date: '2026-05-04', closed: false, reason: null },
  { date: '2026-05-05', closed: true, reason: 'Betriebsausflug' },
  { date: '2026-05-06', closed: false, reason: null },
];

describe('book again', () => {
  it('puts floor, space and slot into the URL, with local times for custom bookings', () => {
    expect(
      bookAgainQuery({
        floorId: 'eg',
        spaceId: 'd1',
        slot: 'am',
        start: '2026-04-01T05:00:00Z',
        end: '2026-04-01T10:00:00Z',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual({ floor: 'eg', space: 'd1', slot: 'am' });
    expect(
      bookAgainQuery({
        floorId: 'eg',
        spaceId: 'r1',
        slot: 'custom',
        start: '2026-04-01T08:15:00Z',
        end: '2026-04-01T09:45:00Z',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual({ floor: 'eg', space: 'r1', slot: 'custom', from: '10:15', to: '11:45' });
  });

  it('reads the intent back and rejects malformed ones', () => {
    expect(parseBookAgain(params({ floor: 'eg', space: 'd1', slot: 'pm' }))).toEqual({
      floorId: 'eg',
      spaceId: 'd1',
      slot: 'pm',
      from: null,
      to: null,
    });
    expect(parseBookAgain(params({ floor: 'eg', space: 'r1', slot: 'custom', from: '10:15', to: '11:45' }))).toEqual({
      floorId: 'eg',
      spaceId: 'r1',
      slot: 'custom',
      from: '10:15',
      to: '11:45',
    });
    expect(parseBookAgain(params({}))).toBeNull();
    expect(parseBookAgain(params({ floor: 'eg', space: 'd1', slot: 'night' }))).toBeNull();
    expect(parseBookAgain(params({ floor: 'eg', space: 'r1', slot: 'custom', from: '12:00', to: '11:00' }))).toBeNull();
    expect(parseBookAgain(params({ floor: 'eg', space: 'r1', slot: 'custom', from: '25:00', to: '26:00' }))).toBeNull();
  });

  it('picks today while the slot is still ahead, else the next open day', () => {
    const intent = (slot: 'day' | 'am' | 'pm') => ({ floorId: 'eg', spaceId: 'd1', slot, from: null, to: null });
    const at = (hhmm: string) => new Date(`2026-05-04T${hhmm}:00+02:00`);
    expect(nextDateFor(options, building, intent('day'), at('08:00'))).toBe('2026-05-04');
    expect(nextDateFor(options, building, intent('am'), at('11:59'))).toBe('2026-05-04');
    // The morning is over at noon; the next day is closed, so Wednesday.
    expect(nextDateFor(options, building, intent('am'), at('12:00'))).toBe('2026-05-06');
    expect(nextDateFor(options, building, intent('pm'), at('18:00'))).toBe('2026-05-04');
    expect(nextDateFor(options, building, intent('day'), at('19:30'))).toBe('2026-05-06');
    const custom = { floorId: 'eg', spaceId: 'r1', slot: 'custom' as const, from: '09:00', to: '10:00' };
    expect(nextDateFor(options, building, custom, at('09:30'))).toBe('2026-05-04');
    expect(nextDateFor(options, building, custom, at('10:00'))).toBe('2026-05-06');
    expect(nextDateFor([options[1]], building, intent('day'), at('08:00'))).toBeNull();
  });
});
