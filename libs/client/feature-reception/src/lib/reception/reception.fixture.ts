import type { BuildingOccupancy, BuildingSummary, DayListEntry, OccupancyTotals } from '@flexdesk/shared-contracts';

/** Test data shared by the reception specs. */
export const DAY = '2026-05-04';

export const BUILDING: BuildingSummary = {
  id: 'b1',
  name: 'Rathaus',
  address: 'Marktplatz 1',
  timeZone: 'Europe/Berlin',
  floors: [
    { id: 'og1', buildingId: 'b1', name: '1. OG', level: 1, spaceCount: 3 },
    { id: 'eg', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 4 },
  ],
};

const totals = (spaces: number, booked: number, checkedIn: number): OccupancyTotals => ({
  spaces,
  bookable: spaces,
  booked,
  checkedIn,
  free: spaces - booked,
});
const none = totals(0, 0, 0);

export function entry(id: string, overrides: Partial<DayListEntry> = {}): DayListEntry {
  return {
    bookingId: id,
    spaceId: `s-${id}`,
    spaceLabel: id,
    spaceKind: 'desk',
    floorId: 'eg',
    floorName: 'Erdgeschoss',
    zoneName: null,
    bookerId: `u-${id}`,
    bookerName: `Person ${id}`,
    slot: 'day',
    start: `${DAY}T07:00:00+02:00`,
    end: `${DAY}T19:00:00+02:00`,
    status: 'confirmed',
    checkedInAt: null,
    ...overrides,
  };
}

export const OCCUPANCY: BuildingOccupancy = {
  buildingId: 'b1',
  buildingName: 'Rathaus',
  timeZone: 'Europe/Berlin',
  date: DAY,
  open: { start: `${DAY}T07:00:00.000+01:00`, end: `${DAY}T19:00:00.000+01:00` },
  closedReason: null,
  namesVisible: true,
  total: totals(7, 3, 1),
  floors: [
    {
      floorId: 'og1',
      floorName: '1. OG',
      level: 1,
      total: totals(3, 1, 0),
      byKind: { desk: totals(3, 1, 0), room: none, parking: none },
    },
    {
      floorId: 'eg',
      floorName: 'Erdgeschoss',
      level: 0,
      total: totals(4, 2, 1),
      byKind: { desk: totals(3, 1, 1), room: totals(1, 1, 0), parking: none },
    },
  ],
  bookings: [
    entry('1.05', { floorId: 'og1', floorName: '1. OG', bookerName: 'Anna Zeller', zoneName: 'Ruhezone' }),
    entry('0.02', {
      bookerName: 'Ömer Yilmaz',
      status: 'checked_in',
      checkedInAt: `${DAY}T07:40:00+02:00`,
      start: `${DAY}T07:00:00+02:00`,
      end: `${DAY}T12:00:00+02:00`,
      slot: 'am',
    }),
    entry('Besprechung', {
      spaceKind: 'room',
      bookerName: 'Bernd Maier',
      slot: 'custom',
      start: `${DAY}T10:00:00+02:00`,
      end: `${DAY}T11:30:00+02:00`,
    }),
  ],
};
