import { Injectable } from '@nestjs/common';
import { API_PREFIX, API_ROUTES, type Booking, type CalendarFeed, type CalendarFeedStatus, type Locale } from '@flexdesk/shared-contracts';
import { addDaysToDate, localDateOf } from '@flexdesk/shared-domain';
import { RateLimitRepository } from '../auth/rate-limit.repository';
import { hashToken, newToken } from '../auth/tokens';
import { BookingsRepository, type BookingRow } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { UsersRepository } from '../users/users.repository';
import { CalendarRepository } from './calendar.repository';
import { type CalendarBooking, feedIcs, inviteFilename, inviteIcs } from './ics';

export interface IcsFile {
  filename: string;
  body: string;
}

/** Calendar apps poll the feed; this allows a few dozen subscriptions behind one NAT address. */
const FEED_RATE_LIMIT = { perIpPerWindow: 120, windowSeconds: 600 };
/** The feed looks back this far, so recent cancellations reach calendars that missed them. */
const FEED_PAST_DAYS = 30;
/** No booking horizon reaches further than a year ahead. */
const FEED_FUTURE_DAYS = 366;
/** `newToken()`: 32 random bytes, base64url. Anything else cannot be a feed secret. */
const SECRET_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

@Injectable()
export class CalendarService {
  constructor(
    private readonly bookingsService: BookingsService,
    private readonly bookings: BookingsRepository,
    private readonly users: UsersRepository,
    private readonly feeds: CalendarRepository,
    private readonly rateLimits: RateLimitRepository,
    private readonly clock: Clock,
  ) {}

  /** The booking as an .ics invite, for whoever may read the booking itself. */
  async invite(user: AuthUser, bookingId: string, locale: Locale): Promise<IcsFile> {
    const booking = await this.bookingsService.get(user, bookingId);
    const booker = await this.bookerContact(user, booking);
    return {
      filename: inviteFilename(booking.spaceLabel, booking.date),
      body: inviteIcs(fromBooking(booking, booker), locale, this.clock.now()),
    };
  }

  async feedStatus(user: AuthUser): Promise<CalendarFeedStatus> {
    return { active: await this.feeds.hasFeed(user.id) };
  }

  /** Creates or regenerates the secret; the URL is shown only now, since only its hash is kept. */
  async createFeed(user: AuthUser, origin: string): Promise<CalendarFeed> {
    const secret = newToken();
    await this.feeds.setFeedHash(user.id, hashToken(secret));
    const url = `${origin}/${API_PREFIX}/${API_ROUTES.calendar}/${secret}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  async revokeFeed(user: AuthUser): Promise<void> {
    await this.feeds.setFeedHash(user.id, null);
  }

  /**
   * The owner's bookings from a month ago onwards, cancellations included. The secret in the URL
   * is the only credential, so guessing is slowed per client address before it is looked at.
   */
  async feed(file: string, clientIp: string): Promise<string> {
    const { perIpPerWindow, windowSeconds } = FEED_RATE_LIMIT;
    const hit = await this.rateLimits.hit(`calendar-feed:ip:${clientIp}`, windowSeconds);
    if (hit.count > perIpPerWindow) {
      throw new DomainError(
        'RATE_LIMITED',
        { retryAfterSeconds: hit.retryAfterSeconds },
        { headers: { 'Retry-After': String(hit.retryAfterSeconds) } },
      );
    }
    const secret = SECRET_FILE.exec(file)?.[1];
    const owner = secret ? await this.feeds.findOwnerByFeedHash(hashToken(secret)) : null;
    if (!owner) throw new DomainError('CALENDAR_FEED_NOT_FOUND');

    const now = this.clock.now();
    const today = localDateOf(now, 'UTC');
    const rows = await this.bookings.listForBooker(owner.id, addDaysToDate(today, -FEED_PAST_DAYS), addDaysToDate(today, FEED_FUTURE_DAYS));
    // A calendar app sends no useful Accept-Language; the owner's own setting decides the language.
    return feedIcs(
      rows.map((r) => fromRow(r, owner)),
      owner.locale,
      now,
    );
  }

  /**
   * The booker's address for the ATTENDEE line, only where the caller may see who the booker is
   * (a facility manager may read any booking, but not whose it is).
   */
  private async bookerContact(user: AuthUser, booking: Booking): Promise<CalendarBooking['booker']> {
    if (booking.booker.id === user.id) return { email: user.email, displayName: user.displayName };
    if (!booking.booker.id || !booking.booker.displayName) return { email: '', displayName: '' };
    const booker = await this.users.findById(booking.booker.id);
    return { email: booker?.email ?? '', displayName: booking.booker.displayName };
  }
}

function fromBooking(b: Booking, booker: CalendarBooking['booker']): CalendarBooking {
  return {
    id: b.id,
    spaceKind: b.spaceKind,
    spaceLabel: b.spaceLabel,
    floorName: b.floorName,
    buildingName: b.buildingName,
    timeZone: b.timeZone,
    start: new Date(b.start),
    end: new Date(b.end),
    status: b.status,
    sequence: b.sequence,
    createdAt: new Date(b.createdAt),
    booker,
    seriesId: b.seriesId,
  };
}

function fromRow(r: BookingRow, owner: CalendarBooking['booker']): CalendarBooking {
  return {
    id: r.id,
    spaceKind: r.spaceKind,
    spaceLabel: r.spaceLabel,
    floorName: r.floorName,
    buildingName: r.buildingName,
    timeZone: r.timeZone,
    start: r.start,
    end: r.end,
    status: r.status,
    sequence: r.sequence,
    createdAt: r.createdAt,
    booker: { email: owner.email, displayName: owner.displayName },
    seriesId: r.seriesId,
  };
}
