import type { BookingSlot, BookingStatus, Locale, Role, SpaceKind, SpaceState } from './enums';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening window of one weekday, local wall-clock times `HH:mm`. Weekdays not listed are closed. */
export interface OpeningHours {
  weekday: IsoWeekday;
  open: string;
  close: string;
}

export interface Closure {
  date: string; // YYYY-MM-DD
  reason: string;
}

/** Booking rules; building defaults are overridden per space kind. */
export interface BookingPolicy {
  /** How many days ahead may be booked (today + horizonDays is the last bookable day). */
  horizonDays: number;
  allowedSlots: BookingSlot[];
  /** Active bookings per person per local day for this kind. */
  maxPerDay: number;
  /** Custom times must be multiples of this many minutes. */
  slotStepMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  checkInRequired: boolean;
  /** Minutes after start until which a check-in is accepted (and after which a no-show is released). */
  checkInGraceMinutes: number;
  /** Minutes before start after which cancelling is refused (0 = until start). */
  cancellationCutoffMinutes: number;
  /**
   * Where check-in is required: minutes before start at which the booker is reminded by e-mail
   * (0 = no reminder). Unset means 15.
   */
  checkInReminderMinutes?: number;
}

export type PolicyOverride = Partial<BookingPolicy>;

export interface BuildingSummary {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  floors: FloorSummary[];
}

export interface Building extends Omit<BuildingSummary, 'floors'> {
  openingHours: OpeningHours[];
  /** Local time `HH:mm` where `am` ends and `pm` starts. */
  midday: string;
  closures: Closure[];
  /** Effective policy per space kind (defaults merged with the building's overrides). */
  policies: Record<SpaceKind, BookingPolicy>;
  floors: FloorSummary[];
}

export interface FloorSummary {
  id: string;
  buildingId: string;
  name: string;
  level: number;
  spaceCount: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface FloorPlan {
  width: number;
  height: number;
  backgroundUrl: string | null;
  /** Plan units per metre, if the plan was scaled. */
  scale: number | null;
}

export interface Zone {
  id: string;
  name: string;
  color: string;
  polygon: Point[];
  restrictedToGroupIds: string[];
}

export interface Space {
  id: string;
  floorId: string;
  zoneId: string | null;
  kind: SpaceKind;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  attributes: string[];
  capacity: number | null;
  bookable: boolean;
  restrictedToGroupIds: string[];
}

export interface Floor extends FloorSummary {
  buildingName: string;
  timeZone: string;
  plan: FloorPlan;
  version: number;
  zones: Zone[];
  spaces: Space[];
}

export interface UserSummary {
  id: string;
  displayName: string;
}

export interface Me extends UserSummary {
  email: string;
  roles: Role[];
  locale: Locale;
  showNameToColleagues: boolean;
  groupIds: string[];
  defaultFloorId: string | null;
  /** The building the booking page opens on, as the person (or an admin) set it. */
  homeBuildingId: string | null;
  /** Where the person's groups have their zones: the default while no home building is set. */
  suggestedHomeBuildingId: string | null;
  /**
   * Buildings whose booker names the person sees at the front desk: `all`, the ones they work
   * reception for, or none (the same rule as the API's access policy).
   */
  receptionBuildingIds: string[] | 'all';
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Also set as the `XSRF-TOKEN` cookie; browsers send it back as `X-XSRF-TOKEN`. */
  csrfToken: string;
  expiresAt: string;
  user: Me;
}

export interface UpdateMeRequest {
  locale?: Locale;
  showNameToColleagues?: boolean;
  defaultFloorId?: string | null;
  homeBuildingId?: string | null;
}

/** Either a named slot on a date, or explicit start/end (slot `custom`). */
export interface CreateBookingRequest {
  spaceId: string;
  date?: string;
  slot?: Exclude<BookingSlot, 'custom'>;
  start?: string;
  end?: string;
  /** Book on behalf of this user (receptionists, facility managers, admins). */
  bookerId?: string;
}

export interface Booking {
  id: string;
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorId: string;
  floorName: string;
  buildingId: string;
  buildingName: string;
  timeZone: string;
  /** Local date in the building's time zone. */
  date: string;
  slot: BookingSlot;
  start: string;
  end: string;
  status: BookingStatus;
  booker: UserSummary;
  createdBy: UserSummary;
  checkedInAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  /** Raised on every change; calendar clients use it to replace older copies. */
  sequence: number;
  /** The series this booking is an occurrence of, if any. */
  seriesId: string | null;
}

export interface AvailabilityBooking {
  /** Present only for the caller's own bookings. */
  id?: string;
  start: string;
  end: string;
  status: BookingStatus;
  mine: boolean;
  /** Present only where the booker allows it or the caller's role needs it. */
  bookerName: string | null;
}

export interface SpaceAvailability {
  spaceId: string;
  state: SpaceState;
  bookings: AvailabilityBooking[];
  /** Someone's assigned desk that day (not released): `mine` for its owner, else taken. */
  assigned?: { mine: boolean; name: string | null };
}

export interface FloorAvailability {
  floorId: string;
  date: string;
  /** Opening window of that date, absent when the building is closed. */
  open: { start: string; end: string } | null;
  closedReason: string | null;
  spaces: SpaceAvailability[];
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
}

/** `GET /api/health/live`: the process answers (it never asks the database). */
export interface Liveness {
  status: 'ok';
}

/** `GET /api/health/ready`: 200 when this instance can serve (migrations done, database reachable), else 503. */
export interface Readiness {
  status: 'ready' | 'not_ready';
  database: 'up' | 'down';
  migrations: 'done' | 'pending' | 'unknown';
}

/**
 * The caller's personal calendar subscription. Only a hash of its secret is stored, so the URL is
 * shown once, when the feed is created or regenerated; afterwards only whether it exists.
 */
export interface CalendarFeedStatus {
  active: boolean;
}

/** Returned by creating or regenerating the feed; any earlier URL stops working at once. */
export interface CalendarFeed {
  url: string;
  /** The same feed for calendar apps that subscribe via `webcal://` links. */
  webcalUrl: string;
}
