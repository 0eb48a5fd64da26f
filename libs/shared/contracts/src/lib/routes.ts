/** Route fragments shared by the API controllers and the client's typed API clients. */
export const API_PREFIX = 'api';

export const API_ROUTES = {
  health: 'health',
  login: 'auth/login',
  logout: 'auth/logout',
  me: 'me',
  buildings: 'buildings',
  floors: 'floors',
  bookings: 'bookings',
  calendarFeed: 'me/calendar-feed',
  /** Public subscription feeds: `calendar/<secret>.ics`. */
  calendar: 'calendar',
  /** Floor background images: `backgrounds/<id>` (uploaded through `floors/<id>/backgrounds`). */
  backgrounds: 'backgrounds',
  groups: 'groups',
  /** Person search for booking on behalf (front desk, admins). */
  users: 'users',
  /** Receptionists' building assignments (admins). */
  adminReceptionists: 'admin/receptionists',
  /** Who changed what (admins). */
  audit: 'audit',
  /** Server-sent live changes. */
  events: 'events',
  /** Check-in by the QR code on a space: `spaces/<id>/check-in`. */
  spaces: 'spaces',
} as const;

export const SESSION_COOKIE = 'fd_session';
/** Angular's HttpClient reads this cookie and echoes it in the header below by default. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
