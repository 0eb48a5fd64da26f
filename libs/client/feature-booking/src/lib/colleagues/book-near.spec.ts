import type { Floor, FloorAvailability, Space } from '@flexdesk/shared-contracts';
import { spaceNear } from './book-near';

const desk = (id: string, x: number, overrides: Partial<Space> = {}): Space => ({
  id,
  floorId: 'f',
  zoneId: null,
  kind: 'desk',
  label: id,
  x,
  y: 0,
  width: 10,
  height: 10,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
  ...overrides,
});

describe('spaceNear', () => {
  const floor: Pick<Floor, 'spaces'> = {
    spaces: [desk('colleague', 0), desk('near', 12, { bookable: false }), desk('next', 24), desk('far', 100)],
  };
  const availability = (free: string[]): Pick<FloorAvailability, 'spaces'> => ({
    spaces: floor.spaces.map((s) => ({ spaceId: s.id, state: free.includes(s.id) ? 'free' : 'booked', bookings: [] })),
  });

  it('skips spaces that cannot be booked and picks the nearest free one', () => {
    expect(spaceNear(floor, availability(['near', 'next', 'far']), 'colleague')?.id).toBe('next');
    expect(spaceNear(floor, availability(['far']), 'colleague')?.id).toBe('far');
  });

  it('is null when nothing near is free', () => {
    expect(spaceNear(floor, availability([]), 'colleague')).toBeNull();
  });
});
