export const SPACE_KINDS = ['desk', 'room', 'parking'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const ROLES = ['employee', 'receptionist', 'facility_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `custom` means explicit start/end times (rooms, in policy steps). */
export const BOOKING_SLOTS = ['day', 'am', 'pm', 'custom'] as const;
export type BookingSlot = (typeof BOOKING_SLOTS)[number];

export const BOOKING_STATUSES = ['confirmed', 'checked_in', 'cancelled', 'released'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that occupy the space (the exclusion constraint covers exactly these). */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['confirmed', 'checked_in'];

export const SPACE_STATES = ['free', 'partial', 'booked', 'mine', 'unavailable'] as const;
export type SpaceState = (typeof SPACE_STATES)[number];

export const SPACE_ATTRIBUTES = [
  'monitor',
  'dual_monitor',
  'docking_station',
  'height_adjustable',
  'wheelchair_accessible',
  'quiet',
  'window',
  'video_conference',
  'whiteboard',
  'ev_charger',
] as const;
export type SpaceAttribute = (typeof SPACE_ATTRIBUTES)[number];

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';
