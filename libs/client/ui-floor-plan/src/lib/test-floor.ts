import type { Floor, Space, SpaceAvailability, SpaceState } from '@flexdesk/shared-contracts';

/** Test data only: a small floor of desks on a grid (ids d0…, labels D1…). */
export function gridFloor(cols: number, rows: number): Floor {
  const spaces: Space[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const i = row * cols + col;
      spaces.push({
        id: `d${i}`,
        floorId: 'f1',
        zoneId: 'z1',
        kind: i === 1 ? 'parking' : 'desk',
        label: `D${i + 1}`,
        x: 20 + col * 100,
        y: 20 + row * 60,
        width: 80,
        height: 40,
        rotation: 0,
        attributes: [],
        capacity: null,
        bookable: true,
        restrictedToGroupIds: [],
      });
    }
  }
  return {
    id: 'f1',
    buildingId: 'b1',
    name: 'Floor 1',
    level: 1,
    spaceCount: spaces.length,
    buildingName: 'HQ',
    timeZone: 'Europe/Berlin',
    plan: { width: 40 + cols * 100, height: 40 + rows * 60, backgroundUrl: null, scale: null },
    version: 1,
    zones: [
      {
        id: 'z1',
        name: 'North',
        color: '#1565c0',
        polygon: [
          { x: 0, y: 0 },
          { x: 40 + cols * 100, y: 0 },
          { x: 40 + cols * 100, y: 40 + rows * 60 },
        ],
        restrictedToGroupIds: [],
      },
    ],
    spaces,
  };
}

export function availabilityOf(floor: Floor, states: Record<string, SpaceState> = {}): SpaceAvailability[] {
  return floor.spaces.map((s) => ({ spaceId: s.id, state: states[s.id] ?? 'free', bookings: [] }));
}
