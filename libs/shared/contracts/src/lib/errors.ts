/**
 * Every machine-readable error code the API can return. The API maps each one to an HTTP status
 * exhaustively (a new code that is not mapped does not compile), the client maps each one to a message.
 */
export const ERROR_CODES = [
  // generic
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'RATE_LIMITED',
  'TOO_MANY_STREAMS',
  'INTERNAL_ERROR',
  'PAYLOAD_TOO_LARGE',
  'REQUEST_HEADERS_TOO_LARGE',
  // the database refused or could not take a write (mapped from PostgreSQL's error classes)
  'ALREADY_EXISTS',
  'REFERENCE_GONE',
  'CONSTRAINT_VIOLATED',
  'CONCURRENT_UPDATE',
  'DATABASE_UNAVAILABLE',
  // auth
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  // resources
  'BUILDING_NOT_FOUND',
  'FLOOR_NOT_FOUND',
  'SPACE_NOT_FOUND',
  'BOOKING_NOT_FOUND',
  'USER_NOT_FOUND',
  'CALENDAR_FEED_NOT_FOUND',
  'NOTIFICATION_NOT_FOUND',
  'WEBHOOK_NOT_FOUND',
  'WEBHOOK_URL_REFUSED',
  'UNSUBSCRIBE_LINK_INVALID',
  // booking rules
  'BOOKING_CONFLICT',
  'IN_THE_PAST',
  'OUTSIDE_HORIZON',
  'BUILDING_CLOSED',
  'OUTSIDE_OPENING_HOURS',
  'SPACE_UNAVAILABLE',
  'ACCESS_RESTRICTED',
  'SLOT_NOT_ALLOWED',
  'INVALID_TIME_RANGE',
  'TIME_STEP_MISMATCH',
  'DURATION_TOO_SHORT',
  'DURATION_TOO_LONG',
  'LIMIT_REACHED',
  'BOOK_ON_BEHALF_FORBIDDEN',
  'RECEPTION_NOT_ASSIGNED',
  'CANCELLATION_CUTOFF_PASSED',
  'BOOKING_NOT_ACTIVE',
  'RESTORE_WINDOW_PASSED',
  'SPACE_ASSIGNED',
  'SERIES_NOT_FOUND',
  'WAITLIST_ENTRY_NOT_FOUND',
  'ALREADY_WAITING',
  'RELEASE_BOOKED',
  'NOT_ASSIGNED',
  'NOT_ASSIGNABLE',
  'ABSENCE_NOT_FOUND',
  'CHECK_IN_NOT_REQUIRED',
  'CHECK_IN_TOO_EARLY',
  'CHECK_IN_TOO_LATE',
  // editing
  'STALE_VERSION',
  'AFFECTED_BOOKINGS',
  'HAS_FUTURE_BOOKINGS',
  // people and sign-in
  'EMAIL_TAKEN',
  'GROUP_NOT_FOUND',
  'GROUP_NAME_TAKEN',
  'PASSWORD_LINK_INVALID',
  'CURRENT_PASSWORD_WRONG',
  'LAST_ADMIN',
  'CANNOT_DEACTIVATE_SELF',
  'PERSON_INACTIVE',
  'IMPORT_UNREADABLE',
  'LOCAL_LOGIN_DISABLED',
  'SSO_NOT_CONFIGURED',
  // floor backgrounds
  'BACKGROUND_MISSING',
  'BACKGROUND_TOO_LARGE',
  'BACKGROUND_UNSUPPORTED_TYPE',
  'BACKGROUND_INVALID',
  'BACKGROUND_NOT_FOUND',
  'BACKGROUND_NOT_ON_FLOOR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** JSON path of the offending field, e.g. `slot` or `openingHours[2].open`. */
  path: string;
  message: string;
}

/** RFC 9457 problem details, always served as `application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  /** Correlates the response with the server log (always present on 5xx). */
  requestId?: string;
  /** For BOOKING_CONFLICT: the booking that holds the space, as far as the caller may see it. */
  conflict?: { start: string; end: string; bookerName?: string | null };
  /** For AFFECTED_BOOKINGS: the future bookings a publish would cancel. */
  affectedBookings?: { id: string; spaceLabel: string; start: string; end: string }[];
}
