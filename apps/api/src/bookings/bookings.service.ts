import { Injectable, Logger } from '@nestjs/common';
import { can, type Booking, type BookingPolicy, type CreateBookingRequest } from '@flexdesk/shared-contracts';
import {
  addDaysToDate,
  CHECK_IN_EARLY_MINUTES,
  checkBookingRequest,
  checkCancellation,
  checkInWindow,
  effectivePolicy,
  isValidDate,
  localDateOf,
  type SlotRequest,
} from '@flexdesk/shared-domain';
import { Clock } from '../common/clock';
import { Metrics } from '../metrics/metrics.service';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { actsForOthersIn, mayCheckIn, mayReadBooking, seesBookerName, seesNamesIn } from '../access/access-policy';
import { isoInZone } from '../common/time-format';
import { validationError } from '../common/validation';
import { UsersRepository } from '../users/users.repository';
import { BookingsRepository, RulesChanged, type BookingRow, type SpaceContext } from './bookings.repository';
import { SpaceContextsCache } from './space-contexts.cache';

export function policyOf(ctx: SpaceContext): BookingPolicy {
  return effectivePolicy(ctx.kind, ctx.buildingPolicy, ctx.kindPolicy);
}

/** How long after cancelling a booking it can be taken back (the Undo of the notice). */
export const RESTORE_WINDOW_MINUTES = 10;

@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly spaceContexts: SpaceContextsCache,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async create(user: AuthUser, req: CreateBookingRequest): Promise<Booking> {
    const slotRequest = this.parseSlotRequest(req);
    if (req.bookerId && req.bookerId !== user.id && !can(user, 'bookings:others')) throw new DomainError('BOOK_ON_BEHALF_FORBIDDEN');
    const around = 'date' in slotRequest ? slotRequest.date : slotRequest.start.toISOString().slice(0, 10);
    // Rules this instance kept may book while they are current, but never refuse: a refusal on them,
    // or rules changed since they were read, is decided again on rules read now.
    const kept = this.spaceContexts.keptFor(req.spaceId, around);
    if (kept) {
      const booked = await this.book(user, req, slotRequest, kept, true).catch((e: unknown) => {
        if (e instanceof RulesChanged) return null;
        throw e;
      });
      if (booked) return booked;
    }
    const space = await this.spaceContexts.read(req.spaceId, around);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    return (await this.book(user, req, slotRequest, space, false)) as Booking; // on rules read now it refuses by throwing
  }

  /**
   * Books under the rules of `space`. On `kept` rules it answers null where it would refuse, and the
   * insert checks they are still current (RulesChanged otherwise).
   */
  private async book(
    user: AuthUser,
    req: CreateBookingRequest,
    slotRequest: SlotRequest,
    space: SpaceContext,
    kept: boolean,
  ): Promise<Booking | null> {
    const checked = await this.checkRules(user, req, slotRequest, space).catch((e: unknown) => {
      if (kept && e instanceof DomainError) return null;
      throw e;
    });
    if (!checked) return null;
    const { booker, verdict, policy } = checked;
    const result = await this.bookings.insert({
      spaceId: space.id,
      spaceKind: space.kind,
      bookerId: booker.id,
      creatorId: user.id,
      start: verdict.start,
      end: verdict.end,
      date: verdict.date,
      slot: verdict.slot,
      maxPerDay: policy.maxPerDay,
      rulesRead: kept ? { buildingId: space.buildingId, stamp: space.rulesStamp } : undefined,
    });
    if (!result.ok) {
      if (result.reason === 'limit') throw new DomainError('LIMIT_REACHED', { max: policy.maxPerDay });
      if (result.reason === 'assigned') throw new DomainError('SPACE_ASSIGNED');
      throw await this.conflict(user, space, verdict.start, verdict.end);
    }
    this.metrics.booking('created');
    // Everything the answer needs is at hand: no second read of what was just written.
    return this.toBooking(user, {
      id: result.id,
      spaceId: space.id,
      spaceLabel: space.label,
      spaceKind: space.kind,
      floorId: space.floorId,
      floorName: space.floorName,
      buildingId: space.buildingId,
      buildingName: space.buildingName,
      timeZone: space.timeZone,
      date: verdict.date,
      slot: verdict.slot,
      start: verdict.start,
      end: verdict.end,
      status: 'confirmed',
      bookerId: booker.id,
      bookerName: booker.displayName,
      bookerShowsName: booker.showNameToColleagues,
      creatorId: user.id,
      creatorName: user.displayName,
      checkedInAt: null,
      cancelledAt: null,
      createdAt: result.createdAt,
      sequence: 0,
      seriesId: null,
    });
  }

  /** Who books, and the rules' verdict on the request (a DomainError where they refuse it). */
  private async checkRules(user: AuthUser, req: CreateBookingRequest, slotRequest: SlotRequest, space: SpaceContext) {
    const booker = await this.bookerFor(user, req.bookerId, space.buildingId);
    const policy = policyOf(space);
    const closures = space.closures;
    const verdict = checkBookingRequest(
      {
        now: this.clock.now(),
        calendar: { timeZone: space.timeZone, openingHours: space.openingHours, midday: space.midday, closures },
        policy,
        space: {
          bookable: space.bookable,
          restrictedToGroupIds: space.spaceGroups,
          zoneRestrictedToGroupIds: space.zoneGroups,
        },
        bookerGroupIds: booker.groupIds,
        // The booker's own permission counts, not that of whoever books for them.
        isPrivileged: can(booker, 'spaces:unrestricted'),
      },
      slotRequest,
    );
    if (!verdict.ok) {
      const date = 'date' in slotRequest ? slotRequest.date : localDateOf(slotRequest.start, space.timeZone);
      const reason = verdict.code === 'BUILDING_CLOSED' ? closures.find((c) => c.date === date)?.reason : undefined;
      throw new DomainError(verdict.code, { ...(verdict.params ?? {}), ...(reason ? { reason } : {}) });
    }
    return { booker, verdict, policy };
  }

  async get(user: AuthUser, id: string): Promise<Booking> {
    const row = await this.visibleBooking(user, id);
    return this.toBooking(user, row);
  }

  async listMine(user: AuthUser, from?: string, to?: string): Promise<Booking[]> {
    const today = localDateOf(this.clock.now(), 'UTC');
    const start = from ?? addDaysToDate(today, -30);
    const end = to ?? addDaysToDate(start, 365);
    if (!isValidDate(start)) throw validationError('from', 'from is not a calendar date');
    if (!isValidDate(end)) throw validationError('to', 'to is not a calendar date');
    if (end < start) throw validationError('to', 'to must not be before from');
    if (addDaysToDate(start, 366) < end) throw validationError('to', 'the range may span at most 366 days');
    const rows = await this.bookings.listForBooker(user.id, start, end);
    return rows.map((r) => this.toBooking(user, r));
  }

  /** Idempotent: cancelling a cancelled or released booking succeeds without changing it. */
  async cancel(user: AuthUser, id: string): Promise<void> {
    const row = await this.visibleBooking(user, id);
    if (row.status === 'cancelled' || row.status === 'released') return;
    const now = this.clock.now();
    if (row.end <= now) throw new DomainError('BOOKING_NOT_ACTIVE');
    if (!actsForOthersIn(user, row.buildingId)) {
      const space = await this.bookings.findSpaceContext(row.spaceId);
      const policy = space ? policyOf(space) : null;
      if (policy && checkCancellation(now, policy, row.start)) {
        throw new DomainError('CANCELLATION_CUTOFF_PASSED', { minutes: policy.cancellationCutoffMinutes });
      }
    }
    await this.bookings.cancel(id, user.id);
    this.metrics.booking('cancelled');
  }

  /**
   * Undo of a cancellation, for a few minutes after it: the booking is active again under every
   * rule that guards a new one (the space may have been taken, the daily limit may be reached).
   */
  async restore(user: AuthUser, id: string): Promise<Booking> {
    const row = await this.visibleBooking(user, id);
    if (row.status === 'confirmed' || row.status === 'checked_in') return this.toBooking(user, row);
    if (row.bookerId !== user.id && !actsForOthersIn(user, row.buildingId)) throw new DomainError('BOOKING_NOT_FOUND');
    if (row.status !== 'cancelled' || row.end <= this.clock.now() || !row.bookerId) {
      throw new DomainError('RESTORE_WINDOW_PASSED', { minutes: RESTORE_WINDOW_MINUTES });
    }
    const space = await this.bookings.findSpaceContext(row.spaceId);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    const policy = policyOf(space);
    const outcome = await this.bookings.restore(
      {
        id,
        bookerId: row.bookerId,
        spaceId: row.spaceId,
        spaceKind: row.spaceKind,
        date: row.date,
        maxPerDay: policy.maxPerDay,
      },
      RESTORE_WINDOW_MINUTES,
    );
    if (outcome === 'window-passed')
      throw new DomainError('RESTORE_WINDOW_PASSED', { minutes: RESTORE_WINDOW_MINUTES });
    if (outcome === 'limit') throw new DomainError('LIMIT_REACHED', { max: policy.maxPerDay });
    if (outcome === 'conflict') throw await this.conflict(user, space, row.start, row.end);
    return this.get(user, id);
  }

  async checkIn(user: AuthUser, id: string): Promise<Booking> {
    const row = await this.visibleBooking(user, id);
    if (!mayCheckIn(user, row)) throw new DomainError('FORBIDDEN');
    if (row.status === 'checked_in') return this.toBooking(user, row);
    if (row.status !== 'confirmed') throw new DomainError('BOOKING_NOT_ACTIVE');
    const space = await this.bookings.findSpaceContext(row.spaceId);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    const policy = policyOf(space);
    const now = this.clock.now();
    const refusal = checkInWindow(now, policy, row.start, row.end);
    if (refusal) throw new DomainError(refusal, { minutes: CHECK_IN_EARLY_MINUTES });
    await this.bookings.checkIn(id, now);
    return this.get(user, id);
  }

  /**
   * Takes a check-in back (checked in by mistake, or the wrong person): the booking is `confirmed`
   * again, so the no-show job treats it as not checked in, grace period included. The front desk of
   * the building and admins may do so while the booking runs; the booker only within the check-in
   * window. Idempotent: a booking that is not checked in is returned unchanged.
   */
  async undoCheckIn(user: AuthUser, id: string): Promise<Booking> {
    const row = await this.visibleBooking(user, id);
    if (!mayCheckIn(user, row)) throw new DomainError('FORBIDDEN');
    const frontDesk = seesNamesIn(user, row.buildingId);
    if (row.status === 'confirmed') return this.toBooking(user, row);
    const now = this.clock.now();
    if (row.status !== 'checked_in' || row.end <= now) throw new DomainError('BOOKING_NOT_ACTIVE');
    if (!frontDesk) {
      const space = await this.bookings.findSpaceContext(row.spaceId);
      if (!space) throw new DomainError('SPACE_NOT_FOUND');
      const refusal = checkInWindow(now, policyOf(space), row.start, row.end);
      if (refusal) throw new DomainError(refusal, { minutes: CHECK_IN_EARLY_MINUTES });
    }
    if (await this.bookings.undoCheckIn(id, user.id)) {
      this.logger.log(`check-in of booking ${id} taken back by user ${user.id}`);
    }
    return this.get(user, id);
  }

  /**
   * Check-in by scanning the QR code on a space: the caller's booking of that space that is
   * running now (or starts within the early check-in window) is checked in.
   */
  async checkInAtSpace(user: AuthUser, spaceId: string): Promise<Booking> {
    const row = await this.bookings.findCurrentOnSpace(user.id, spaceId, this.clock.now(), CHECK_IN_EARLY_MINUTES);
    if (!row) throw new DomainError('BOOKING_NOT_FOUND');
    return this.checkIn(user, row.id);
  }

  /** Unknown and foreign bookings look the same from outside: both are 404. */
  private async visibleBooking(user: AuthUser, id: string): Promise<BookingRow> {
    const row = await this.bookings.findById(id);
    if (!row || !mayReadBooking(user, row)) throw new DomainError('BOOKING_NOT_FOUND');
    return row;
  }

  private parseSlotRequest(req: CreateBookingRequest): SlotRequest {
    const named = req.date !== undefined || req.slot !== undefined;
    const custom = req.start !== undefined || req.end !== undefined;
    if (named === custom) {
      throw validationError('', 'give either date and slot, or start and end');
    }
    if (named) {
      if (!req.date) throw validationError('date', 'date is required with slot');
      if (!req.slot) throw validationError('slot', 'slot is required with date');
      if (!isValidDate(req.date)) throw validationError('date', 'date is not a calendar date');
      return { date: req.date, slot: req.slot };
    }
    if (!req.start) throw validationError('start', 'start is required with end');
    if (!req.end) throw validationError('end', 'end is required with start');
    const start = new Date(req.start);
    const end = new Date(req.end);
    if (Number.isNaN(start.getTime())) throw validationError('start', 'start is not a valid date-time');
    if (Number.isNaN(end.getTime())) throw validationError('end', 'end is not a valid date-time');
    return { start, end };
  }

  /**
   * Who a booking is for: the caller, or someone they book for — only with `bookings:others`, and
   * for the front desk only in the buildings it works for.
   */
  async bookerFor(user: AuthUser, bookerId: string | undefined, buildingId: string) {
    if (!bookerId || bookerId === user.id) return user;
    if (!can(user, 'bookings:others') || !actsForOthersIn(user, buildingId)) throw new DomainError('BOOK_ON_BEHALF_FORBIDDEN');
    const booker = await this.users.findById(bookerId);
    if (!booker || !booker.active) throw new DomainError('USER_NOT_FOUND');
    return booker;
  }

  private async conflict(user: AuthUser, space: SpaceContext, start: Date, end: Date): Promise<DomainError> {
    const winner = await this.bookings.findOverlapping(space.id, start, end);
    return new DomainError(
      'BOOKING_CONFLICT',
      {},
      winner
        ? {
            conflict: {
              start: isoInZone(winner.start, space.timeZone),
              end: isoInZone(winner.end, space.timeZone),
              bookerName: seesBookerName(user, winner.bookerId, winner.bookerShowsName, space.buildingId)
                ? winner.bookerName
                : null,
            },
          }
        : {},
    );
  }

  private toBooking(viewer: AuthUser, r: BookingRow): Booking {
    const tz = r.timeZone;
    const nameOf = (id: string | null, name: string | null, shows: boolean) =>
      id && seesBookerName(viewer, id, shows, r.buildingId) ? (name ?? '') : '';
    return {
      id: r.id,
      spaceId: r.spaceId,
      spaceLabel: r.spaceLabel,
      spaceKind: r.spaceKind,
      floorId: r.floorId,
      floorName: r.floorName,
      buildingId: r.buildingId,
      buildingName: r.buildingName,
      timeZone: tz,
      date: r.date,
      slot: r.slot,
      start: isoInZone(r.start, tz),
      end: isoInZone(r.end, tz),
      status: r.status,
      booker: { id: r.bookerId ?? '', displayName: nameOf(r.bookerId, r.bookerName, r.bookerShowsName) },
      // The creator acted at the desk for the booker; their name is shown like a booker's would be.
      createdBy: {
        id: r.creatorId ?? '',
        displayName: r.creatorId === viewer.id ? viewer.displayName : nameOf(r.creatorId, r.creatorName, false),
      },
      checkedInAt: r.checkedInAt ? isoInZone(r.checkedInAt, tz) : null,
      cancelledAt: r.cancelledAt ? isoInZone(r.cancelledAt, tz) : null,
      createdAt: isoInZone(r.createdAt, tz),
      sequence: r.sequence,
      seriesId: r.seriesId,
    };
  }
}
