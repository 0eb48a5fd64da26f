import type { BookingStatus } from './enums';

/**
 * A change pushed over `GET /api/events` (server-sent events). It names what changed, never who:
 * clients refetch what they display, with their own access rights.
 */
export interface BookingChangedEvent {
  type: 'booking';
  op: 'insert' | 'update';
  /** Only to the booker and to the front desk of the building; others learn just the space. */
  bookingId?: string;
  spaceId: string;
  floorId: string;
  buildingId: string;
  /** Local date of the booking in its building. */
  date: string;
  status: BookingStatus;
}

/**
 * Spaces on a floor became bookable for some days without a booking changing: an assigned desk
 * released by its owner, or freed by their absence.
 */
export interface AvailabilityChangedEvent {
  type: 'availability';
  floorId: string;
  buildingId: string;
  from: string;
  to: string;
}

/** The server lost its connection to the database for a moment: refetch everything shown. */
export interface ResyncEvent {
  type: 'resync';
}

export type LiveEvent = BookingChangedEvent | AvailabilityChangedEvent | ResyncEvent;

/** SSE event names: `change` carries a LiveEvent; `ready` is sent on every (re)connect, so a
 * client refetches once to catch up on whatever it missed while disconnected. */
export const LIVE_EVENT_CHANGE = 'change';
export const LIVE_EVENT_READY = 'ready';
