import type { BookingSlot, BookingStatus, SpaceKind } from './enums';

export interface OccupancyTotals {
  /** All spaces, bookable or not. */
  spaces: number;
  bookable: number;
  /** Bookable spaces with at least one active booking that day. */
  booked: number;
  /** Spaces whose booking has been checked in. */
  checkedIn: number;
  /** Bookable spaces without any booking that day (none on a day the building is closed). */
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
  /** Opening window of that date; null when the building is closed (no hours that weekday, or a closure). */
  open: { start: string; end: string } | null;
  /** The closure's reason when a closure (e.g. a public holiday) closes the building that day. */
  closedReason: string | null;
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
