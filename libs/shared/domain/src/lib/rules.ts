import type { BookingPolicy, ErrorCode } from '@flexdesk/shared-contracts';
import {
  isNamedSlotRequest,
  resolveSlot,
  type BuildingCalendar,
  type ResolvedSlot,
  type SlotRequest,
} from './slots';
import { addDaysToDate, localDateOf, localMsOfDay } from './time';

const MINUTE_MS = 60_000;

/** How long before the start a check-in is already accepted. */
export const CHECK_IN_EARLY_MINUTES = 30;

export interface SpaceAccess {
  restrictedToGroupIds: string[];
  zoneRestrictedToGroupIds: string[];
}

export interface BookingRuleContext {
  now: Date;
  calendar: BuildingCalendar;
  policy: BookingPolicy;
  space: SpaceAccess & { bookable: boolean };
  bookerGroupIds: string[];
  /** Facility managers and admins; they bypass group restrictions only, no other rule. */
  isPrivileged: boolean;
}

export type BookingRuleParams = Record<string, string | number>;

export type BookingCheckResult =
  ResolvedSlot | { ok: false; code: ErrorCode; params?: BookingRuleParams };

/**
 * The groups that may book a space: its own list wins over its zone's, so a facility manager can
 * open a single desk in a restricted zone to another team (or narrow one down further).
 */
export function effectiveGroupIds(access: SpaceAccess): string[] {
  return access.restrictedToGroupIds.length > 0
    ? access.restrictedToGroupIds
    : access.zoneRestrictedToGroupIds;
}

export function isRestrictedFor(
  access: SpaceAccess,
  bookerGroupIds: string[],
  isPrivileged: boolean,
): boolean {
  if (isPrivileged) return false;
  const allowed = effectiveGroupIds(access);
  return allowed.length > 0 && !allowed.some((g) => bookerGroupIds.includes(g));
}

function fail(code: ErrorCode, params?: BookingRuleParams): BookingCheckResult {
  return params ? { ok: false, code, params } : { ok: false, code };
}

function onStep(instant: Date, timeZone: string, stepMinutes: number): boolean {
  // Local wall clock, because a zone with a non-whole-hour offset (e.g. Asia/Kathmandu) puts local
  // quarter hours on odd UTC minutes.
  return localMsOfDay(instant, timeZone) % (stepMinutes * MINUTE_MS) === 0;
}

/**
 * Every booking rule that needs no database, in the order the refusals are reported. Conflicts and
 * per-day limits need stored bookings and are left to the caller.
 */
export function checkBookingRequest(
  ctx: BookingRuleContext,
  req: SlotRequest,
): BookingCheckResult {
  const { policy, calendar } = ctx;
  if (!ctx.space.bookable) return fail('SPACE_UNAVAILABLE');
  if (isRestrictedFor(ctx.space, ctx.bookerGroupIds, ctx.isPrivileged)) {
    return fail('ACCESS_RESTRICTED');
  }
  const requestedSlot = isNamedSlotRequest(req) ? req.slot : 'custom';
  if (!policy.allowedSlots.includes(requestedSlot)) {
    return fail('SLOT_NOT_ALLOWED', { slot: requestedSlot });
  }

  const resolved = resolveSlot(calendar, req);
  if (!resolved.ok) return fail(resolved.code);

  // Only the end counts: a day or afternoon booked while it is already running is still useful.
  if (resolved.end.getTime() <= ctx.now.getTime()) return fail('IN_THE_PAST');
  const lastBookableDate = addDaysToDate(
    localDateOf(ctx.now, calendar.timeZone),
    policy.horizonDays,
  );
  if (resolved.date > lastBookableDate) {
    return fail('OUTSIDE_HORIZON', { horizonDays: policy.horizonDays });
  }

  if (resolved.slot === 'custom') {
    const step = policy.slotStepMinutes;
    if (
      !onStep(resolved.start, calendar.timeZone, step) ||
      !onStep(resolved.end, calendar.timeZone, step)
    ) {
      return fail('TIME_STEP_MISMATCH', { slotStepMinutes: step });
    }
    // Elapsed time, not wall-clock difference: a room held across a DST change is held that long.
    const minutes =
      (resolved.end.getTime() - resolved.start.getTime()) / MINUTE_MS;
    if (minutes < policy.minDurationMinutes) {
      return fail('DURATION_TOO_SHORT', {
        minDurationMinutes: policy.minDurationMinutes,
      });
    }
    if (minutes > policy.maxDurationMinutes) {
      return fail('DURATION_TOO_LONG', {
        maxDurationMinutes: policy.maxDurationMinutes,
      });
    }
  }
  return resolved;
}

export function checkCancellation(
  now: Date,
  policy: BookingPolicy,
  start: Date,
): ErrorCode | null {
  const cutoff = policy.cancellationCutoffMinutes;
  if (cutoff > 0 && now.getTime() > start.getTime() - cutoff * MINUTE_MS) {
    return 'CANCELLATION_CUTOFF_PASSED';
  }
  return null;
}

/** The check-in window, both ends inclusive. */
export function checkInWindowOf(
  policy: BookingPolicy,
  start: Date,
  end: Date,
): { opens: Date; closes: Date } {
  const opens = new Date(start.getTime() - CHECK_IN_EARLY_MINUTES * MINUTE_MS);
  const closes = releaseDeadline(policy, start) ?? new Date(end.getTime());
  return { opens, closes };
}

export function checkInWindow(
  now: Date,
  policy: BookingPolicy,
  start: Date,
  end: Date,
): ErrorCode | null {
  const { opens, closes } = checkInWindowOf(policy, start, end);
  if (now.getTime() < opens.getTime()) return 'CHECK_IN_TOO_EARLY';
  if (now.getTime() > closes.getTime()) return 'CHECK_IN_TOO_LATE';
  return null;
}

/** When an unchecked booking is released as a no-show; null when check-in is optional. */
export function releaseDeadline(
  policy: BookingPolicy,
  start: Date,
): Date | null {
  return policy.checkInRequired
    ? new Date(start.getTime() + policy.checkInGraceMinutes * MINUTE_MS)
    : null;
}
