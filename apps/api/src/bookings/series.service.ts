import { Injectable } from '@nestjs/common';
import {
  can,
  type BookingPolicy,
  type BookingSeries,
  type BookingSlot,
  type ErrorCode,
  type SeriesOccurrence,
  type SeriesOutcome,
  type SeriesRequest,
  type SeriesResult,
} from '@flexdesk/shared-contracts';
import {
  addDaysToDate,
  checkBookingRequest,
  isValidDate,
  isValidTime,
  localDateOf,
  seriesDates,
  validateSeries,
  zonedInstant,
  type SeriesRule,
  type SlotRequest,
} from '@flexdesk/shared-domain';
import type { EntityManager } from 'typeorm';
import { seesBookerName, type Viewer } from '../access/access-policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { invalid } from '../common/validation';
import { BookingsRepository, type SpaceContext } from './bookings.repository';
import { UsersRepository } from '../users/users.repository';
import { BookingsService, policyOf } from './bookings.service';
import { type SeriesDays, SeriesRepository, type SeriesRow } from './series.repository';

type Booker = { id: string; groupIds: string[]; roles: AuthUser['roles'] };
interface Day {
  date: string;
  slot?: BookingSlot;
  outcome: SeriesOutcome;
  code?: ErrorCode;
  heldBy?: string | null;
  start?: Date;
  end?: Date;
}

const REFUSALS: Partial<Record<ErrorCode, SeriesOutcome>> = {
  BUILDING_CLOSED: 'closed',
  OUTSIDE_HORIZON: 'outside_horizon',
  ACCESS_RESTRICTED: 'restricted',
  IN_THE_PAST: 'in_the_past',
};
/** Series visited per run of the job; the next run takes the next ones. */
const EXTEND_BATCH = 100;

/**
 * Recurring bookings: a rule whose occurrences are ordinary bookings (each carrying the series id)
 * under every rule of a single booking — nothing here bypasses the booking engine's insert. Days
 * beyond the horizon stay in the rule and are booked by the daily job as the horizon moves.
 */
@Injectable()
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly bookings: BookingsRepository,
    private readonly bookingsService: BookingsService,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** Every day of the series with what happens (preview) or happened on it. */
  async book(user: AuthUser, req: SeriesRequest): Promise<SeriesResult> {
    const rule = ruleOf(req);
    const slotErrors = slotErrorsOf(req);
    const errors = [...validateSeries(rule), ...slotErrors];
    if (errors.length) throw invalid(errors);
    const space = await this.bookings.findSpaceContext(req.spaceId);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    const booker = await this.bookingsService.bookerFor(user, req.bookerId, space.buildingId);
    const policy = policyOf(space);
    const now = this.clock.now();
    const horizonEnd = addDaysToDate(localDateOf(now, space.timeZone), policy.horizonDays);
    const dates = seriesDates(rule);
    if (!dates.length) throw invalid([{ path: 'weekdays', message: 'the series has no day between from and until' }]);
    const days = await this.series.days(space.id, booker.id, space.kind, space.buildingId, dates[0], dates[dates.length - 1]);
    const planned = dates.map((date) => this.decide(user, space, policy, booker, req, date, days, now));
    if (req.preview) return { seriesId: null, occurrences: planned.map(occurrence) };

    const { id, result } = await this.series.create(
      {
        bookerId: booker.id,
        creatorId: user.id,
        spaceId: space.id,
        slot: req.startTime ? 'custom' : (req.slot ?? 'day'),
        startTime: req.startTime ?? null,
        endTime: req.endTime ?? null,
        from: rule.from,
        until: rule.until,
        count: rule.count,
        weekdays: rule.weekdays,
        interval: rule.interval,
        bookedUntil: horizonEnd,
      },
      (seriesId, m) => this.bookDays(planned, space, policy, booker.id, user.id, seriesId, m),
    );
    return { seriesId: id, occurrences: result.map(occurrence) };
  }

  list(user: AuthUser): Promise<BookingSeries[]> {
    return this.series.listForBooker(user.id);
  }

  /** Ends the series from `from` (default: today) on, cancelling those occurrences. */
  async end(user: AuthUser, id: string, from?: string): Promise<void> {
    const series = await this.series.find(id);
    if (!series || (series.bookerId !== user.id && series.creatorId !== user.id)) throw new DomainError('SERIES_NOT_FOUND');
    if (from !== undefined && !isValidDate(from)) throw invalid([{ path: 'from', message: 'from is not a calendar date' }]);
    await this.series.end(id, from ?? localDateOf(this.clock.now(), 'UTC'), user.id);
  }

  /**
   * The daily job: each active series gets the days that came into the horizon since it was last
   * looked at. Safe on several instances (rows locked, skipped by others) and idempotent.
   */
  async extendDue(): Promise<number> {
    const now = this.clock.now();
    const today = localDateOf(now, 'UTC');
    let booked = 0;
    for (const id of await this.series.due(today, EXTEND_BATCH)) {
      // Everything is read first; the transaction below only writes (one connection when embedded).
      const s = await this.series.find(id);
      const space = s && (await this.bookings.findSpaceContext(s.spaceId));
      const booker = s && (await this.users.findById(s.bookerId));
      if (!s || !space || !booker?.active) {
        // Gone, or a deactivated person's: nothing more is booked (offboarding cancelled the rest).
        await this.series.checked(id, today);
        continue;
      }
      const policy = policyOf(space);
      const horizonEnd = addDaysToDate(localDateOf(now, space.timeZone), policy.horizonDays);
      const rule = ruleOf({ ...s, until: s.until ?? undefined, count: s.count ?? undefined });
      const dates = seriesDates(rule, horizonEnd).filter((d) => d > s.bookedUntil);
      if (!dates.length) {
        await this.series.checked(id, today);
        continue;
      }
      const req = { slot: s.slot === 'custom' ? undefined : s.slot, startTime: s.startTime ?? undefined, endTime: s.endTime ?? undefined };
      const days = await this.series.days(space.id, booker.id, space.kind, space.buildingId, dates[0], dates[dates.length - 1]);
      const viewer = { ...booker, receptionAllBuildings: false, receptionBuildingIds: [] };
      const planned = dates.map((date) => this.decide(viewer, space, policy, booker, req, date, days, now));
      const done = await this.series.extend(id, s.bookedUntil, horizonEnd, today, (m) =>
        this.bookDays(planned, space, policy, booker.id, s.creatorId ?? booker.id, s.id, m),
      );
      booked += done?.filter((d) => d.outcome === 'booked').length ?? 0;
    }
    return booked;
  }

  private decide(
    viewer: Viewer,
    space: SpaceContext,
    policy: BookingPolicy,
    booker: Booker,
    req: Pick<SeriesRequest, 'slot' | 'startTime' | 'endTime'>,
    date: string,
    days: SeriesDays,
    now: Date,
  ): Day {
    const slotRequest: SlotRequest = req.startTime
      ? { start: zonedInstant(date, req.startTime, space.timeZone), end: zonedInstant(date, req.endTime as string, space.timeZone) }
      : { date, slot: req.slot ?? 'day' };
    const verdict = checkBookingRequest(
      {
        now,
        calendar: { timeZone: space.timeZone, openingHours: space.openingHours, midday: space.midday, closures: days.closures },
        policy,
        space: { bookable: space.bookable, restrictedToGroupIds: space.spaceGroups, zoneRestrictedToGroupIds: space.zoneGroups },
        bookerGroupIds: booker.groupIds,
        isPrivileged: can(booker, 'spaces:unrestricted'),
      },
      slotRequest,
    );
    if (!verdict.ok) return { date, outcome: REFUSALS[verdict.code] ?? 'refused', code: verdict.code };
    if (days.absentDates.has(date)) return { date, outcome: 'absent' };
    if (days.assignedDates.has(date)) return { date, outcome: 'assigned', code: 'SPACE_ASSIGNED' };
    const holder = days.taken.find((t) => t.start < verdict.end && verdict.start < t.end);
    if (holder) {
      const visible = seesBookerName(viewer, holder.bookerId, holder.bookerShowsName, space.buildingId);
      return { date, outcome: 'conflict', code: 'BOOKING_CONFLICT', heldBy: visible ? holder.bookerName : null };
    }
    if ((days.mineByDate.get(date) ?? 0) >= policy.maxPerDay) return { date, outcome: 'limit', code: 'LIMIT_REACHED' };
    return { date, outcome: 'bookable', slot: verdict.slot, start: verdict.start, end: verdict.end };
  }

  /** Books the bookable days through the booking engine's insert, each in its own savepoint. */
  private async bookDays(
    planned: Day[],
    space: SpaceContext,
    policy: BookingPolicy,
    bookerId: string,
    creatorId: string,
    seriesId: string,
    m: EntityManager,
  ): Promise<(Day & { bookingId?: string })[]> {
    const done: (Day & { bookingId?: string })[] = [];
    for (const day of planned) {
      if (day.outcome !== 'bookable' || !day.start || !day.end || !day.slot) {
        done.push(day);
        continue;
      }
      const result = await this.bookings.insert(
        {
          spaceId: space.id,
          spaceKind: space.kind,
          bookerId,
          creatorId,
          start: day.start,
          end: day.end,
          date: day.date,
          slot: day.slot,
          maxPerDay: policy.maxPerDay,
          seriesId,
        },
        m,
      );
      done.push(
        result.ok
          ? { ...day, outcome: 'booked', bookingId: result.id }
          : { ...day, outcome: result.reason, code: result.reason === 'conflict' ? 'BOOKING_CONFLICT' : result.reason === 'limit' ? 'LIMIT_REACHED' : 'SPACE_ASSIGNED' },
      );
    }
    return done;
  }
}

function ruleOf(req: Pick<SeriesRequest, 'from' | 'until' | 'count' | 'weekdays' | 'interval'>): SeriesRule {
  return { from: req.from, until: req.until ?? null, count: req.count ?? null, weekdays: req.weekdays, interval: req.interval ?? 1 };
}

function slotErrorsOf(req: SeriesRequest) {
  const custom = req.startTime !== undefined || req.endTime !== undefined;
  if (custom && req.slot !== undefined) return [{ path: 'slot', message: 'give either slot, or startTime and endTime' }];
  if (!custom) return [];
  return (['startTime', 'endTime'] as const).flatMap((k) =>
    req[k] !== undefined && isValidTime(req[k] as string) ? [] : [{ path: k, message: `${k} must be HH:mm` }],
  );
}

function occurrence(d: Day & { bookingId?: string }): SeriesOccurrence {
  return {
    date: d.date,
    outcome: d.outcome,
    ...(d.bookingId ? { bookingId: d.bookingId } : {}),
    ...(d.heldBy !== undefined ? { heldBy: d.heldBy } : {}),
    ...(d.code ? { code: d.code } : {}),
  };
}
