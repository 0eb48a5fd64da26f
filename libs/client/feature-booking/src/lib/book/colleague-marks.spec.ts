import type { ColleaguePlace } from '@flexdesk/shared-contracts';
import { colleagueSeats } from './colleague-marks';

function place(name: string, initials: string, ...spots: [spaceId: string, floorId: string][]): ColleaguePlace {
  return {
    colleague: { id: name, displayName: name, initials, following: true },
    via: 'following',
    places: spots.map(([spaceId, floorId]) => ({
      spaceId,
      spaceLabel: spaceId,
      floorId,
      floorName: floorId,
      buildingId: 'b',
      buildingName: 'B',
      start: null,
      end: null,
    })),
  };
}

describe('colleagueSeats', () => {
  it('marks the desks on the floor on screen with initials and names', () => {
    const seats = colleagueSeats(
      [place('Anna Schmidt', 'AS', ['d1', 'f1']), place('Jonas Müller', 'JM', ['d9', 'f2'])],
      'f1',
    );
    expect(seats).toEqual({ marks: { d1: 'AS' }, names: { d1: ['Anna Schmidt'] } });
  });

  it('is empty without places or floor', () => {
    expect(colleagueSeats(null, 'f1')).toEqual({ marks: {}, names: {} });
    expect(colleagueSeats([place('Anna Schmidt', 'AS', ['d1', 'f1'])], null)).toEqual({ marks: {}, names: {} });
  });

  it('keeps the badge short when several sit at one desk that day, names in order', () => {
    const seats = colleagueSeats(
      [place('Zoe Weber', 'ZW', ['d1', 'f1']), place('Anna Schmidt', 'AS', ['d1', 'f1'])],
      'f1',
    );
    expect(seats.marks).toEqual({ d1: 'AS+1' });
    expect(seats.names).toEqual({ d1: ['Anna Schmidt', 'Zoe Weber'] });
  });

  it('counts one person with two bookings at the same desk once', () => {
    const seats = colleagueSeats([place('Anna Schmidt', 'AS', ['d1', 'f1'], ['d1', 'f1'])], 'f1');
    expect(seats.marks).toEqual({ d1: 'AS' });
  });

  it('derives initials when the API sent none', () => {
    expect(colleagueSeats([place('Müller, Jonas', '', ['d1', 'f1'])], 'f1').marks).toEqual({ d1: 'JM' });
  });
});
