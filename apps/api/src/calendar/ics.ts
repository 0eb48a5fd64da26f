import { TZDate } from '@date-fns/tz';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventBusyStatus,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import type { BookingStatus, Locale, SpaceKind } from '@flexdesk/shared-contracts';
import { vtimezoneGenerator } from './vtimezone';

/** What a calendar entry needs to know about a booking. */
export interface CalendarBooking {
  id: string;
  spaceKind: SpaceKind;
  spaceLabel: string;
  floorName: string;
  buildingName: string;
  timeZone: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  sequence: number;
  createdAt: Date;
  booker: { email: string; displayName: string };
  /** The recurring series this booking is an occurrence of. */
  seriesId?: string | null;
}

export const ORGANIZER = { name: 'Flexdesk', email: 'noreply@flexdesk.invalid' };
const PROD_ID = { company: 'Flexdesk', product: 'Flexdesk', language: 'DE' };
/** Subscribed calendars poll; an hour keeps them reasonably fresh without hammering the API. */
const FEED_REFRESH_SECONDS = 3600;

const KIND_NAMES: Record<Locale, Record<SpaceKind, string>> = {
  de: { desk: 'Schreibtisch', room: 'Raum', parking: 'Parkplatz' },
  en: { desk: 'Desk', room: 'Room', parking: 'Parking space' },
};
const CANCELLED_PREFIX: Record<Locale, string> = { de: 'Storniert: ', en: 'Cancelled: ' };

const isActive = (b: CalendarBooking) => b.status === 'confirmed' || b.status === 'checked_in';

export function bookingSummary(b: Pick<CalendarBooking, 'spaceKind' | 'spaceLabel' | 'buildingName'>, locale: Locale): string {
  return `${KIND_NAMES[locale][b.spaceKind]} ${b.spaceLabel} – ${b.buildingName}`;
}

export const bookingUid = (id: string) => `${id}@flexdesk`;
export const seriesUid = (id: string) => `${id}@flexdesk-series`;

/** `flexdesk-<label>-<date>.ics`, ASCII only so every mail client and browser keeps it intact. */
export function inviteFilename(label: string, date: string): string {
  const safe = label
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `flexdesk-${safe || 'booking'}-${date}.ics`;
}

function newCalendar(method: ICalCalendarMethod, bookings: CalendarBooking[], now: Date) {
  const instants = bookings.flatMap((b) => [b.start.getTime(), b.end.getTime()]);
  const from = new Date(instants.length ? Math.min(...instants) : now.getTime());
  const to = new Date(instants.length ? Math.max(...instants) : now.getTime());
  return ical({ prodId: PROD_ID, method, timezone: { name: null, generator: vtimezoneGenerator(from, to) } });
}

function addEvent(cal: ICalCalendar, b: CalendarBooking, locale: Locale, now: Date, opts: { markCancelled: boolean }): void {
  const active = isActive(b);
  const summary = bookingSummary(b, locale);
  // A desk or a parking space says where one works, not that one is busy: it must not block free/busy.
  const blocksTime = b.spaceKind === 'room';
  const event = cal.createEvent({
    id: bookingUid(b.id),
    sequence: b.sequence,
    stamp: now,
    created: b.createdAt,
    // TZDate carries the zone, so ical-generator writes the building's wall-clock time with its TZID.
    start: new TZDate(b.start.getTime(), b.timeZone),
    end: new TZDate(b.end.getTime(), b.timeZone),
    timezone: b.timeZone,
    summary: !active && opts.markCancelled ? `${CANCELLED_PREFIX[locale]}${summary}` : summary,
    location: [b.buildingName, b.floorName, b.spaceLabel].join(', '),
    status: active ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    transparency: blocksTime ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    busystatus: blocksTime ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.FREE,
    organizer: ORGANIZER,
  });
  if (b.booker.email) {
    event.createAttendee({
      email: b.booker.email,
      name: b.booker.displayName || undefined,
      role: ICalAttendeeRole.REQ,
      // The booker made the booking, so they have accepted it; a cancellation is the event's status.
      status: ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    });
  }
}

/**
 * Every occurrence of a series is its own event (own UID and SEQUENCE, so each change or
 * cancellation reaches calendars exactly like a single booking's); `RELATED-TO` names the series
 * (RFC 5545 §3.8.4.5), which ical-generator cannot write, so it goes in after the event's UID.
 */
function withSeries(text: string, bookings: CalendarBooking[]): string {
  let out = text;
  for (const b of bookings) {
    if (!b.seriesId) continue;
    const uidLine = `UID:${bookingUid(b.id)}\r\n`;
    out = out.replace(uidLine, `${uidLine}RELATED-TO;RELTYPE=PARENT:${seriesUid(b.seriesId)}\r\n`);
  }
  return out;
}

/**
 * ical-generator writes the VTIMEZONEs in the middle of the calendar properties (before
 * REFRESH-INTERVAL and X-PUBLISHED-TTL); RFC 5545 §3.4 wants all properties before any
 * component, and strict clients drop what follows. So the zones move to just before the events.
 */
function serialise(cal: ICalCalendar, bookings: CalendarBooking[]): string {
  const text = withSeries(cal.toString(), bookings);
  const zones = text.match(/BEGIN:VTIMEZONE\r\n[\s\S]*?END:VTIMEZONE\r\n/g) ?? [];
  if (!zones.length) return text;
  const rest = zones.reduce((t, z) => t.replace(z, ''), text);
  const at = rest.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/);
  return rest.slice(0, at) + zones.join('') + rest.slice(at);
}

/**
 * A single booking as an iTIP message (RFC 5546): REQUEST while it stands, CANCEL once it is
 * cancelled or released. The UID is stable and SEQUENCE rises with every change, so a calendar
 * updates or removes the entry it imported earlier.
 */
export function inviteIcs(b: CalendarBooking, locale: Locale, now: Date): string {
  const cal = newCalendar(isActive(b) ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL, [b], now);
  addEvent(cal, b, locale, now, { markCancelled: false });
  return serialise(cal, [b]);
}

/**
 * A subscription feed (METHOD:PUBLISH). Cancelled bookings stay in it as STATUS:CANCELLED, and
 * their summary says so too, because several calendar apps show cancelled events of a feed as
 * if nothing had happened.
 */
export function feedIcs(bookings: CalendarBooking[], locale: Locale, now: Date): string {
  const cal = newCalendar(ICalCalendarMethod.PUBLISH, bookings, now);
  cal.name('Flexdesk');
  cal.ttl(FEED_REFRESH_SECONDS);
  for (const b of bookings) addEvent(cal, b, locale, now, { markCancelled: true });
  return serialise(cal, bookings);
}
