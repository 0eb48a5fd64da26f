/** Route fragments shared by the API controllers and the client's typed API clients. */
export const API_PREFIX = 'api';
/** SCIM 2.0 provisioning (RFC 7644), outside the API prefix where identity providers expect it. */
export const SCIM_PREFIX = 'scim/v2';

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
  /** People administration (admins). */
  adminPeople: 'admin/people',
  /** Groups administration (admins). */
  adminGroups: 'admin/groups',
  /** How one may sign in (public). */
  signInOptions: 'auth/providers',
  /** Single sign-on: redirect to the identity provider, and its answer (public). */
  oidcLogin: 'auth/oidc/login',
  oidcCallback: 'auth/oidc/callback',
  /** What a set-password link is for, before the person chooses a password (public). */
  passwordLink: 'auth/password-link',
  /** Choose a password with a link's token (public). */
  setPassword: 'auth/set-password',
  /** Change one's own password. */
  myPassword: 'me/password',
  bookingSeries: 'bookings/series',
  favourites: 'me/favourites',
  following: 'me/following',
  colleagues: 'colleagues',
  absences: 'me/absences',
  myAssignedDesks: 'me/assigned-desks',
  waitlist: 'waitlist',
  /** Who changed what (admins). */
  audit: 'audit',
  /** Server-sent live changes. */
  events: 'events',
  /** One's e-mail preferences: each kind on or off. */
  notificationPreferences: 'me/notification-preferences',
  /** One-click unsubscribe from a kind of e-mail (public, signed link). */
  unsubscribe: 'notifications/unsubscribe',
  /** Outbox messages that could not be sent (admins). */
  adminNotifications: 'admin/notifications',
  /** Webhook endpoints and their delivery logs (admins). */
  adminWebhooks: 'admin/webhooks',
  /** Check-in by the QR code on a space: `spaces/<id>/check-in`. */
  spaces: 'spaces',
  /** Aggregated utilisation (facility managers, admins): `insights/utilisation`, `.csv`, `.xlsx`. */
  insights: 'insights',
  /** The privacy sheet generated from the running configuration. */
  privacy: 'privacy',
  /** Everything stored about the signed-in person, as a JSON download. */
  myDataExport: 'me/export',
} as const;

/** The client page a set-password link opens; the token follows in the fragment, never sent to servers. */
export const SET_PASSWORD_PAGE = 'set-password';

export const SESSION_COOKIE = 'fd_session';
/** Angular's HttpClient reads this cookie and echoes it in the header below by default. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
