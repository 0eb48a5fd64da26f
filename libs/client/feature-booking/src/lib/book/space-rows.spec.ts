import type { AvailabilityBooking, Floor, FloorAvailability, Space, SpaceState } from '@flexdesk/shared-contracts';
import {
  NO_FILTER,
  attributesIn,
  buildSpaceRows,
  filterSpaceRows,
  hasFreeTime,
  kindsIn,
  type SpaceRow,
} from './space-rows';

let nextId = 0;
function space(label: string, overrides: Partial<Space> = {}): Space {
  nextId += 1;
  return {
    id: `s${nextId}`,
    floorId: 'f1',
    zoneId: null,
    kind: 'desk',
    label,
    x: 0,
    y: 0,
    width: 1,
    height: 1,
    rotation: 0,
    attributes: [],
    capacity: null,
    bookable: true,
    restrictedToGroupIds: [],
    ...overrides,
  };
}

function row(label: string, overrides: Partial<SpaceRow> = {}): SpaceRow {
  return {
    id: label,
    label,
    kind: 'desk',
    zoneName: null,
    attributes: [],
    capacity: null,
    state: 'free',
    bookings: [],
    ...overrides,
  };
}

const booking = (start: string, end: string, overrides: Partial<AvailabilityBooking> = {}): AvailabilityBooking => ({
  start,
  end,
  status: 'confirmed',
  mine: false,
  bookerName: null,
  ...overrides,
});

describe('buildSpaceRows', () => {
  const zones: Floor['zones'] = [
    { id: 'z1', name: 'Team Bürgerservice', color: '#0af', polygon: [], restrictedToGroupIds: [] },
  ];

  it('joins spaces with their zone and state, sorted by kind and then naturally by label', () => {
    const s10 = space('2.10', { zoneId: 'z1', attributes: ['monitor'] });
    const s9 = space('2.9');
    const room = space('Besprechung 1', { kind: 'room', capacity: 8 });
    const park = space('P1', { kind: 'parking' });
    const availability: Pick<FloorAvailability, 'spaces'> = {
      spaces: [
        { spaceId: s10.id, state: 'booked', bookings: [] },
        { spaceId: s9.id, state: 'free', bookings: [] },
        { spaceId: room.id, state: 'partial', bookings: [] },
        { spaceId: park.id, state: 'mine', bookings: [] },
      ],
    };

    const rows = buildSpaceRows({ spaces: [park, room, s10, s9], zones }, availability);

    expect(rows.map((r) => r.label)).toEqual(['2.9', '2.10', 'Besprechung 1', 'P1']);
    expect(rows[1]).toMatchObject({ zoneName: 'Team Bürgerservice', state: 'booked', attributes: ['monitor'] });
    expect(rows[0].zoneName).toBeNull();
    expect(rows[2]).toMatchObject({ kind: 'room', capacity: 8, state: 'partial' });
  });

  it('treats a space missing from the availability as unavailable', () => {
    const s = space('3.01');
    expect(buildSpaceRows({ spaces: [s], zones: [] }, { spaces: [] })[0].state).toBe('unavailable');
    expect(buildSpaceRows({ spaces: [s], zones: [] }, null)[0].state).toBe('unavailable');
  });

  it('keeps only active bookings, earliest first', () => {
    const s = space('1.01');
    const rows = buildSpaceRows(
      { spaces: [s], zones: [] },
      {
        spaces: [
          {
            spaceId: s.id,
            state: 'partial',
            bookings: [
              booking('2026-05-04T13:00:00+02:00', '2026-05-04T18:00:00+02:00', { bookerName: 'Max' }),
              booking('2026-05-04T07:00:00+02:00', '2026-05-04T09:00:00+02:00', { status: 'cancelled' }),
              booking('2026-05-04T08:00:00+02:00', '2026-05-04T12:00:00+02:00', { status: 'checked_in' }),
            ],
          },
        ],
      },
    );
    expect(rows[0].bookings.map((b) => [b.start.slice(11, 16), b.status])).toEqual([
      ['08:00', 'checked_in'],
      ['13:00', 'confirmed'],
    ]);
  });
});

describe('filterSpaceRows', () => {
  const rows: SpaceRow[] = [
    row('1', { attributes: ['monitor', 'docking_station'], state: 'free' }),
    row('2', { attributes: ['monitor'], state: 'booked' }),
    row('3', { attributes: ['monitor', 'docking_station', 'quiet'], state: 'partial' }),
    row('4', { attributes: [], state: 'mine' }),
    row('R', { kind: 'room', attributes: ['video_conference'], state: 'free' }),
    row('P', { kind: 'parking', attributes: ['ev_charger'], state: 'unavailable' }),
  ];
  const labels = (r: SpaceRow[]) => r.map((x) => x.label);

  it('keeps everything without filters', () => {
    expect(labels(filterSpaceRows(rows, NO_FILTER))).toEqual(['1', '2', '3', '4', 'R', 'P']);
  });

  it('filters by kind', () => {
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, kind: 'room' }))).toEqual(['R']);
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, kind: 'desk' }))).toEqual(['1', '2', '3', '4']);
  });

  it('requires every checked attribute, not just one', () => {
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, attributes: ['monitor'] }))).toEqual(['1', '2', '3']);
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, attributes: ['monitor', 'docking_station'] }))).toEqual([
      '1',
      '3',
    ]);
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, attributes: ['monitor', 'ev_charger'] }))).toEqual([]);
  });

  it('"only available" keeps free and partly free spaces', () => {
    expect(labels(filterSpaceRows(rows, { ...NO_FILTER, onlyAvailable: true }))).toEqual(['1', '3', 'R']);
  });

  it('combines all filters', () => {
    expect(
      labels(filterSpaceRows(rows, { kind: 'desk', attributes: ['docking_station'], onlyAvailable: true })),
    ).toEqual(['1', '3']);
    expect(labels(filterSpaceRows(rows, { kind: 'parking', attributes: [], onlyAvailable: true }))).toEqual([]);
  });

  it('does not modify its input', () => {
    const copy = JSON.parse(JSON.stringify(rows)) as SpaceRow[];
    filterSpaceRows(rows, { kind: 'desk', attributes: ['monitor'], onlyAvailable: true });
    expect(rows).toEqual(copy);
  });
});

describe('hasFreeTime', () => {
  it.each<[SpaceState, boolean]>([
    ['free', true],
    ['partial', true],
    ['booked', false],
    ['mine', false],
    ['unavailable', false],
  ])('%s → %s', (state, expected) => expect(hasFreeTime(state)).toBe(expected));
});

describe('attributesIn / kindsIn', () => {
  it('lists the attributes present, known ones in their usual order, unknown ones after', () => {
    const rows = [
      row('1', { attributes: ['window', 'sofa', 'monitor'] }),
      row('2', { attributes: ['monitor', 'aquarium'] }),
    ];
    expect(attributesIn(rows)).toEqual(['monitor', 'window', 'aquarium', 'sofa']);
  });

  it('lists the kinds present in their usual order', () => {
    expect(kindsIn([row('P', { kind: 'parking' }), row('1'), row('P2', { kind: 'parking' })])).toEqual([
      'desk',
      'parking',
    ]);
  });
});
