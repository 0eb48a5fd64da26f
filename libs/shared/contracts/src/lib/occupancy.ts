import type { BookingSlot, BookingStatus, SpaceKind } from './enums';

export interface OccupancyTotals {
  /** All spaces, bookable or not. */
  spaces: number;
  bookable: number;
  /** Bookable spaces with at least one active booking that day. */
  booked: number;
  /** Spaces whose booking has been checked in. */
  checkedIn: number;
  /** Bookable spaces without any booking that day. */
  free: number;
}

export interface FloorOccupancy {
  floorId: string;
  floorName: string;
  level: number;
  total: OccupancyTotals;
  byKind: Record<SpaceKind, OccupancyTotals>;
}

/** One line of the reception's day list. Names are here because the front desk needs them. */
export interface DayListEntry {
  bookingId: string;
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorId: string;
  floorName: string;
  zoneName: string | null;
  bookerId: string | null;
  bookerName: string;
  slot: BookingSlot;
  start: string;
  end: string;
  status: BookingStatus;
  checkedInAt: string | null;
}

export interface BuildingOccupancy {
  buildingId: string;
  buildingName: string;
  timeZone: string;
  date: string;
  total: OccupancyTotals;
  floors: FloorOccupancy[];
  /**
   * Whether the caller sees names in this building (admins, and receptionists assigned to it or to
   * all buildings). When false, `bookings` is empty: the board shows totals only.
   */
  namesVisible: boolean;
  /** Active bookings of the day (confirmed and checked in), by floor and space. */
  bookings: DayListEntry[];
}
