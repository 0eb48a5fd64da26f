import type { ErrorCode, Locale } from '@flexdesk/shared-contracts';
import type { ErrorParams } from './domain-error';

interface CatalogEntry {
  status: number;
  de: (p: ErrorParams) => string;
  en: (p: ErrorParams) => string;
}

/**
 * Status and human-readable message for every error code. Typed as a total Record, so a code
 * added to the contracts without an entry here fails to compile.
 */
export const ERROR_CATALOG: Record<ErrorCode, CatalogEntry> = {
  VALIDATION_FAILED: {
    status: 400,
    de: () => 'Die Anfrage ist ungültig. Bitte prüfen Sie die markierten Felder.',
    en: () => 'The request is invalid. Please check the listed fields.',
  },
  NOT_FOUND: { status: 404, de: () => 'Nicht gefunden.', en: () => 'Not found.' },
  ROUTE_NOT_FOUND: {
    status: 404,
    de: () => 'Diese Adresse gibt es nicht.',
    en: () => 'There is no such route.',
  },
  RATE_LIMITED: {
    status: 429,
    de: (p) => `Zu viele Versuche. Bitte warten Sie ${p['retryAfterSeconds'] ?? 60} Sekunden.`,
    en: (p) => `Too many attempts. Please wait ${p['retryAfterSeconds'] ?? 60} seconds.`,
  },
  TOO_MANY_STREAMS: {
    status: 429,
    de: (p) => `Sie haben schon ${p['max']} Live-Verbindungen offen. Schließen Sie ein anderes Fenster oder einen Tab.`,
    en: (p) => `You already have ${p['max']} live connections open. Close another window or tab.`,
  },
  INTERNAL_ERROR: {
    status: 500,
    de: () => 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    en: () => 'An internal error occurred. Please try again later.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    de: () => 'Die gesendeten Daten sind zu groß.',
    en: () => 'The request body is too large.',
  },
  REQUEST_HEADERS_TOO_LARGE: {
    status: 431,
    de: () => 'Die Adresse oder die Kopfzeilen der Anfrage sind zu lang.',
    en: () => 'The request URL or headers are too large.',
  },
  ALREADY_EXISTS: {
    status: 409,
    de: () => 'Das gibt es bereits.',
    en: () => 'This already exists.',
  },
  REFERENCE_GONE: {
    status: 409,
    de: () => 'Etwas, worauf sich die Anfrage bezieht, wurde inzwischen gelöscht. Bitte laden Sie neu.',
    en: () => 'Something this request refers to has been deleted in the meantime. Please reload.',
  },
  CONSTRAINT_VIOLATED: {
    status: 422,
    de: () => 'Die Daten verletzen eine Regel der Datenbank.',
    en: () => 'The data breaks a rule of the database.',
  },
  CONCURRENT_UPDATE: {
    status: 409,
    de: () => 'Eine gleichzeitige Änderung kam dazwischen. Bitte versuchen Sie es noch einmal.',
    en: () => 'A concurrent change got in the way. Please try again.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    de: () => 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    en: () => 'The database cannot be reached right now. Please try again shortly.',
  },
  UNAUTHENTICATED: {
    status: 401,
    de: () => 'Bitte melden Sie sich an.',
    en: () => 'Please sign in.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    de: () => 'E-Mail-Adresse oder Passwort ist falsch.',
    en: () => 'Email address or password is wrong.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    de: () => 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
    en: () => 'The request failed its security check. Please reload the page.',
  },
  FORBIDDEN: {
    status: 403,
    de: () => 'Dafür fehlt Ihnen die Berechtigung.',
    en: () => 'You are not allowed to do this.',
  },
  BUILDING_NOT_FOUND: { status: 404, de: () => 'Gebäude nicht gefunden.', en: () => 'Building not found.' },
  FLOOR_NOT_FOUND: { status: 404, de: () => 'Etage nicht gefunden.', en: () => 'Floor not found.' },
  SPACE_NOT_FOUND: { status: 404, de: () => 'Platz nicht gefunden.', en: () => 'Space not found.' },
  BOOKING_NOT_FOUND: { status: 404, de: () => 'Buchung nicht gefunden.', en: () => 'Booking not found.' },
  USER_NOT_FOUND: { status: 404, de: () => 'Person nicht gefunden.', en: () => 'User not found.' },
  NOTIFICATION_NOT_FOUND: {
    status: 404,
    de: () => 'Keine zurückgestellte Nachricht mit dieser Kennung.',
    en: () => 'No parked message with this id.',
  },
  WEBHOOK_NOT_FOUND: { status: 404, de: () => 'Webhook nicht gefunden.', en: () => 'Webhook not found.' },
  WEBHOOK_URL_REFUSED: {
    status: 422,
    de: (p) => `Diese Webhook-Adresse ist nicht erlaubt: ${String(p['reason'] ?? '')}`,
    en: (p) => `This webhook URL is not allowed: ${String(p['reason'] ?? '')}`,
  },
  UNSUBSCRIBE_LINK_INVALID: {
    status: 404,
    de: () => 'Dieser Abmeldelink ist ungültig.',
    en: () => 'This unsubscribe link is invalid.',
  },
  CALENDAR_FEED_NOT_FOUND: {
    status: 404,
    de: () => 'Dieser Kalender-Link ist ungültig oder wurde widerrufen.',
    en: () => 'This calendar link is invalid or has been revoked.',
  },
  BOOKING_CONFLICT: {
    status: 409,
    de: () => 'Dieser Platz ist in diesem Zeitraum bereits gebucht.',
    en: () => 'This space is already booked for that time.',
  },
  IN_THE_PAST: {
    status: 422,
    de: () => 'Dieser Zeitraum liegt in der Vergangenheit.',
    en: () => 'That time is in the past.',
  },
  OUTSIDE_HORIZON: {
    status: 422,
    de: (p) => `Buchungen sind höchstens ${p['horizonDays']} Tage im Voraus möglich.`,
    en: (p) => `Bookings can be made at most ${p['horizonDays']} days ahead.`,
  },
  BUILDING_CLOSED: {
    status: 422,
    de: (p) => `Das Gebäude ist an diesem Tag geschlossen${p['reason'] ? ` (${p['reason']})` : ''}.`,
    en: (p) => `The building is closed on that day${p['reason'] ? ` (${p['reason']})` : ''}.`,
  },
  OUTSIDE_OPENING_HOURS: {
    status: 422,
    de: () => 'Der Zeitraum liegt außerhalb der Öffnungszeiten des Gebäudes.',
    en: () => "That time is outside the building's opening hours.",
  },
  SPACE_UNAVAILABLE: {
    status: 422,
    de: () => 'Dieser Platz ist derzeit nicht buchbar.',
    en: () => 'This space cannot be booked at the moment.',
  },
  ACCESS_RESTRICTED: {
    status: 422,
    de: () => 'Dieser Platz ist bestimmten Teams vorbehalten.',
    en: () => 'This space is reserved for certain teams.',
  },
  SLOT_NOT_ALLOWED: {
    status: 422,
    de: () => 'Diese Zeitauswahl ist für diese Art von Platz nicht erlaubt.',
    en: () => 'That kind of time slot is not allowed for this space.',
  },
  INVALID_TIME_RANGE: {
    status: 422,
    de: () => 'Das Ende muss nach dem Beginn liegen.',
    en: () => 'The end must be after the start.',
  },
  TIME_STEP_MISMATCH: {
    status: 422,
    de: (p) => `Beginn und Ende müssen auf ${p['slotStepMinutes']} Minuten genau liegen.`,
    en: (p) => `Start and end must be on ${p['slotStepMinutes']}-minute steps.`,
  },
  DURATION_TOO_SHORT: {
    status: 422,
    de: (p) => `Eine Buchung muss mindestens ${p['minDurationMinutes']} Minuten dauern.`,
    en: (p) => `A booking must last at least ${p['minDurationMinutes']} minutes.`,
  },
  DURATION_TOO_LONG: {
    status: 422,
    de: (p) => `Eine Buchung darf höchstens ${p['maxDurationMinutes']} Minuten dauern.`,
    en: (p) => `A booking may last at most ${p['maxDurationMinutes']} minutes.`,
  },
  LIMIT_REACHED: {
    status: 422,
    de: (p) => `Pro Tag sind höchstens ${p['max']} Buchung(en) dieser Art möglich.`,
    en: (p) => `At most ${p['max']} booking(s) of this kind per day are allowed.`,
  },
  BOOK_ON_BEHALF_FORBIDDEN: {
    status: 403,
    de: () => 'Sie dürfen nicht für andere Personen buchen.',
    en: () => 'You may not book on behalf of other people.',
  },
  RECEPTION_NOT_ASSIGNED: {
    status: 403,
    de: () => 'Sie sind für dieses Gebäude nicht als Empfang eingetragen; Namen sind hier nicht sichtbar.',
    en: () => 'You are not assigned to this building as reception; names are not visible here.',
  },
  CANCELLATION_CUTOFF_PASSED: {
    status: 422,
    de: (p) => `Stornierungen sind nur bis ${p['minutes']} Minuten vor Beginn möglich.`,
    en: (p) => `Bookings can only be cancelled up to ${p['minutes']} minutes before they start.`,
  },
  BOOKING_NOT_ACTIVE: {
    status: 422,
    de: () => 'Diese Buchung ist nicht mehr aktiv.',
    en: () => 'This booking is no longer active.',
  },
  RESTORE_WINDOW_PASSED: {
    status: 422,
    de: (p) => `Eine Stornierung lässt sich nur ${p['minutes'] ?? 10} Minuten lang rückgängig machen, solange die Buchung noch bevorsteht.`,
    en: (p) => `A cancellation can only be undone for ${p['minutes'] ?? 10} minutes, while the booking is still ahead.`,
  },
  SPACE_ASSIGNED: {
    status: 422,
    de: () => 'Dieser Platz ist einer Person fest zugeordnet und an diesem Tag nicht freigegeben.',
    en: () => 'This desk is assigned to someone and not released on that day.',
  },
  SERIES_NOT_FOUND: { status: 404, de: () => 'Serie nicht gefunden.', en: () => 'Series not found.' },
  WAITLIST_ENTRY_NOT_FOUND: { status: 404, de: () => 'Wartelisteneintrag nicht gefunden.', en: () => 'Waiting list entry not found.' },
  ALREADY_WAITING: {
    status: 409,
    de: () => 'Sie stehen für diesen Tag schon auf der Warteliste.',
    en: () => 'You are already on the waiting list for that day.',
  },
  RELEASE_BOOKED: {
    status: 409,
    de: () => 'An diesem Tag hat schon jemand anderes Ihren freigegebenen Platz gebucht.',
    en: () => 'Someone else has already booked your released desk on that day.',
  },
  NOT_ASSIGNED: {
    status: 422,
    de: () => 'Dieser Platz ist Ihnen nicht fest zugeordnet.',
    en: () => 'This desk is not assigned to you.',
  },
  NOT_ASSIGNABLE: {
    status: 422,
    de: () => 'Nur Schreibtische und Parkplätze lassen sich einer Person fest zuordnen.',
    en: () => 'Only desks and parking spots can be assigned to a person.',
  },
  ABSENCE_NOT_FOUND: { status: 404, de: () => 'Abwesenheit nicht gefunden.', en: () => 'Absence not found.' },
  CHECK_IN_NOT_REQUIRED: {
    status: 422,
    de: () => 'Für diese Buchung ist kein Check-in nötig.',
    en: () => 'This booking needs no check-in.',
  },
  CHECK_IN_TOO_EARLY: {
    status: 422,
    de: (p) => `Der Check-in ist frühestens ${p['minutes']} Minuten vor Beginn möglich.`,
    en: (p) => `Check-in opens ${p['minutes']} minutes before the start.`,
  },
  CHECK_IN_TOO_LATE: {
    status: 422,
    de: () => 'Die Zeit für den Check-in ist abgelaufen.',
    en: () => 'The check-in window has closed.',
  },
  AFFECTED_BOOKINGS: {
    status: 409,
    de: (p) => `Die Änderung betrifft ${p['count']} künftige Buchung(en). Bestätigen Sie, dass sie storniert werden.`,
    en: (p) => `The change affects ${p['count']} future booking(s). Confirm that they will be cancelled.`,
  },
  HAS_FUTURE_BOOKINGS: {
    status: 409,
    de: (p) => `Es gibt noch ${p['count']} künftige Buchung(en). Stornieren Sie diese zuerst.`,
    en: (p) => `There are still ${p['count']} future booking(s). Cancel them first.`,
  },
  STALE_VERSION: {
    status: 409,
    de: () => 'Jemand anderes hat inzwischen gespeichert. Bitte laden Sie neu.',
    en: () => 'Someone else has saved in the meantime. Please reload.',
  },
  EMAIL_TAKEN: {
    status: 409,
    de: () => 'Diese E-Mail-Adresse gehört schon zu einer anderen Person.',
    en: () => 'This email address already belongs to someone else.',
  },
  GROUP_NOT_FOUND: { status: 404, de: () => 'Gruppe nicht gefunden.', en: () => 'Group not found.' },
  GROUP_NAME_TAKEN: {
    status: 409,
    de: () => 'Eine Gruppe mit diesem Namen gibt es schon.',
    en: () => 'A group with this name already exists.',
  },
  PASSWORD_LINK_INVALID: {
    status: 404,
    de: () => 'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Bitten Sie um einen neuen.',
    en: () => 'This link is invalid, has expired or has been used. Please ask for a new one.',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 422,
    de: () => 'Das bisherige Passwort stimmt nicht.',
    en: () => 'The current password is wrong.',
  },
  LAST_ADMIN: {
    status: 409,
    de: () => 'Es muss mindestens eine aktive Person mit Administrationsrechten bleiben.',
    en: () => 'At least one active administrator must remain.',
  },
  CANNOT_DEACTIVATE_SELF: {
    status: 422,
    de: () => 'Sie können Ihr eigenes Konto nicht deaktivieren.',
    en: () => 'You cannot deactivate your own account.',
  },
  PERSON_INACTIVE: {
    status: 422,
    de: () => 'Diese Person ist deaktiviert.',
    en: () => 'This person is deactivated.',
  },
  IMPORT_UNREADABLE: {
    status: 400,
    de: () => 'Die Datei ist keine lesbare CSV-Datei mit den Spalten email, name, groups, roles.',
    en: () => 'The file is not a readable CSV file with the columns email, name, groups, roles.',
  },
  LOCAL_LOGIN_DISABLED: {
    status: 403,
    de: () => 'Die Anmeldung mit Passwort ist abgeschaltet. Bitte melden Sie sich mit dem Konto Ihrer Organisation an.',
    en: () => "Password sign-in is switched off. Please sign in with your organisation's account.",
  },
  SSO_NOT_CONFIGURED: {
    status: 404,
    de: () => 'Die Anmeldung über die Organisation ist nicht eingerichtet.',
    en: () => 'Single sign-on is not set up.',
  },
  BACKGROUND_MISSING: {
    status: 400,
    de: () => 'Bitte senden Sie genau eine Bilddatei im Feld „file“.',
    en: () => 'Please send exactly one image file in the field "file".',
  },
  BACKGROUND_TOO_LARGE: {
    status: 413,
    de: (p) => `Das Bild ist zu groß; erlaubt sind höchstens ${p['maxMegabytes'] ?? 5} MB.`,
    en: (p) => `The image is too large; at most ${p['maxMegabytes'] ?? 5} MB are allowed.`,
  },
  BACKGROUND_UNSUPPORTED_TYPE: {
    status: 415,
    de: () => 'Als Hintergrund sind nur PNG-, JPEG- und SVG-Bilder möglich.',
    en: () => 'Only PNG, JPEG and SVG images can be used as a background.',
  },
  BACKGROUND_INVALID: {
    status: 422,
    de: () => 'Die Bilddatei ist beschädigt oder kein gültiges Bild.',
    en: () => 'The image file is damaged or not a valid image.',
  },
  BACKGROUND_NOT_FOUND: {
    status: 404,
    de: () => 'Hintergrundbild nicht gefunden.',
    en: () => 'Background image not found.',
  },
  BACKGROUND_NOT_ON_FLOOR: {
    status: 422,
    de: () => 'Das Hintergrundbild muss für diese Etage hochgeladen worden sein.',
    en: () => 'The background image must have been uploaded for this floor.',
  },
};

const TITLES: Record<number, { de: string; en: string }> = {
  400: { de: 'Ungültige Anfrage', en: 'Bad Request' },
  401: { de: 'Nicht angemeldet', en: 'Unauthorized' },
  403: { de: 'Verboten', en: 'Forbidden' },
  404: { de: 'Nicht gefunden', en: 'Not Found' },
  409: { de: 'Konflikt', en: 'Conflict' },
  413: { de: 'Zu groß', en: 'Payload Too Large' },
  415: { de: 'Nicht unterstützter Medientyp', en: 'Unsupported Media Type' },
  422: { de: 'Nicht möglich', en: 'Unprocessable Content' },
  429: { de: 'Zu viele Anfragen', en: 'Too Many Requests' },
  431: { de: 'Kopfzeilen zu groß', en: 'Request Header Fields Too Large' },
  500: { de: 'Interner Fehler', en: 'Internal Server Error' },
  503: { de: 'Nicht verfügbar', en: 'Service Unavailable' },
};

export function describeError(code: ErrorCode, params: ErrorParams, locale: Locale) {
  const entry = ERROR_CATALOG[code];
  const title = TITLES[entry.status] ?? TITLES[500];
  return { status: entry.status, title: title[locale], detail: entry[locale](params) };
}

/** Picks `en` or `de` from an Accept-Language header by quality; German is the default. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'de' || tag.startsWith('de-')) return 'de';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}
