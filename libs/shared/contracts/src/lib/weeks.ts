import type { ErrorCode } from './errors';
import type { IsoWeekday } from './models';
import type { SpaceKind } from './enums';

/** What a series would do, or did, on one of its days. */
export const SERIES_OUTCOMES = [
  /** Preview: would be booked. */
  'bookable',
  'booked',
  /** The space is taken then (by whom, where the name may be shown). */
  'conflict',
  'closed',
  /** The person already has as many bookings of this kind that day as the rules allow. */
  'limit',
  /** Beyond the booking horizon today: kept in the rule and booked as the horizon moves. */
  'outside_horizon',
  'restricted',
  /** Someone's assigned desk, not released that day. */
  'assigned',
  /** The person is away that day (an absence). */
  'absent',
  'in_the_past',
  /** Not bookable for another reason; `code` says which. */
  'refused',
] as const;
export type SeriesOutcome = (typeof SERIES_OUTCOMES)[number];

/**
 * `POST /api/bookings/series`: a named slot (`day`, `am`, `pm`) or local times (`startTime`,
 * `endTime`, `HH:mm`, for rooms) on the given weekdays, every week or every other week, from
 * `from` until `until` or for `count` days. `preview: true` changes nothing.
 */
export interface SeriesRequest {
  spaceId: string;
  slot?: 'day' | 'am' | 'pm';
  startTime?: string;
  endTime?: string;
  from: string;
  until?: string;
  count?: number;
  weekdays: IsoWeekday[];
  interval?: 1 | 2;
  preview?: boolean;
  /** Book for this person (front desk, facility managers). */
  bookerId?: string;
}

export interface SeriesOccurrence {
  date: string;
  outcome: SeriesOutcome;
  /** The booking made (or already there) for this day. */
  bookingId?: string;
  /** For `conflict`: who holds the space, where the name may be shown. */
  heldBy?: string | null;
  /** For `refused` (and every refusal): the booking rule's code. */
  code?: ErrorCode;
}

export interface SeriesResult {
  /** Null for a preview. */
  seriesId: string | null;
  occurrences: SeriesOccurrence[];
}

export interface BookingSeries {
  id: string;
  spaceId: string;
  spaceLabel: string;
  floorId: string;
  buildingId: string;
  slot: 'day' | 'am' | 'pm' | 'custom';
  startTime: string | null;
  endTime: string | null;
  from: string;
  until: string | null;
  count: number | null;
  weekdays: IsoWeekday[];
  interval: 1 | 2;
  ended: boolean;
}

export interface Favourite {
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorId: string;
  floorName: string;
  buildingId: string;
  buildingName: string;
}

/** A colleague one may follow: only people who show their name to colleagues. */
export interface Colleague {
  id: string;
  displayName: string;
  initials: string;
  following: boolean;
}

/** Where a colleague sits on a day (`GET /api/colleagues?date=`). */
export interface ColleaguePlace {
  colleague: Colleague;
  /** Followed, or a member of one of my groups. */
  via: 'following' | 'group';
  places: {
    spaceId: string;
    spaceLabel: string;
    floorId: string;
    floorName: string;
    buildingId: string;
    buildingName: string;
    /** Null for an assigned desk (theirs all day, without a booking). */
    start: string | null;
    end: string | null;
  }[];
}

export interface AssigneeRequest {
  userId: string | null;
}

export interface SpaceAssignee {
  spaceId: string;
  assignee: { id: string; displayName: string } | null;
}

/** A desk assigned to me, and the days I released it. */
export interface MyAssignedDesk {
  spaceId: string;
  spaceLabel: string;
  floorId: string;
  floorName: string;
  buildingId: string;
  buildingName: string;
  /** Released days from today on, one by one or by an absence. */
  releasedDates: string[];
}

export interface Absence {
  id: string;
  from: string;
  to: string;
}

export interface AbsenceRequest {
  from: string;
  to: string;
}

export interface AbsenceResult {
  absence: Absence;
  /** My bookings in the range, cancelled (calendars receive the cancellation). */
  cancelledBookings: number;
}

export const WAITLIST_STATUSES = ['waiting', 'booked', 'expired', 'cancelled'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** Wait for one space, or for any space of a kind (with equipment) on a floor, on a day. */
export interface WaitlistRequest {
  floorId?: string;
  spaceId?: string;
  kind: SpaceKind;
  attributes?: string[];
  date: string;
  slot: 'day' | 'am' | 'pm';
}

export interface WaitlistEntry {
  id: string;
  floorId: string;
  floorName: string;
  spaceId: string | null;
  spaceLabel: string | null;
  kind: SpaceKind;
  attributes: string[];
  date: string;
  slot: 'day' | 'am' | 'pm';
  status: WaitlistStatus;
  /** 1 = next in line (while waiting). */
  position: number | null;
  bookingId: string | null;
}
