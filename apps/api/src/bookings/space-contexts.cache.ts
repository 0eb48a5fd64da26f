import { Injectable } from '@nestjs/common';
import { addDaysToDate } from '@flexdesk/shared-domain';
import { WeightedLru } from '../common/weighted-lru';
import { BookingsRepository, type SpaceContext } from './bookings.repository';

/** Spaces whose rules are kept per instance: some 1,000 bytes each, so about 10 MB at most. */
export const KEPT_SPACE_CONTEXTS = 10_000;

/**
 * Each instance keeps the rules of the spaces it booked (the space, its building's calendar and
 * policies, every closure from a day before the first date asked about), so a booking need not read
 * them again before its transaction (bench:booking: one round trip in five).
 *
 * Kept rules may only ever book, never refuse, and only while they are current: the booking's lock
 * statement compares the building's `rules_changed_at` stamp (migration AddBuildingRulesStamp) with
 * the one they were read at, and when it moved, or when kept rules would refuse, BookingsService
 * reads them again and decides on those. Nothing has to reach other instances; least recently used
 * spaces go first beyond KEPT_SPACE_CONTEXTS.
 */
@Injectable()
export class SpaceContextsCache {
  private readonly kept = new WeightedLru<string, { context: SpaceContext; closuresFrom: string }>(KEPT_SPACE_CONTEXTS);

  constructor(private readonly bookings: BookingsRepository) {}

  /** The space's kept rules for a booking on `around`, if kept with the closures that date needs. */
  keptFor(spaceId: string, around: string): SpaceContext | undefined {
    const kept = this.kept.get(spaceId);
    if (!kept || addDaysToDate(around, -1) < kept.closuresFrom) return undefined;
    return closuresAround(kept.context, around);
  }

  /** The space's rules read now (null: no such space), kept for later bookings. */
  async read(spaceId: string, around: string): Promise<SpaceContext | null> {
    const context = await this.bookings.findSpaceContext(spaceId, around, { onward: true });
    if (!context) {
      this.kept.delete(spaceId);
      return null;
    }
    this.kept.set(spaceId, { context, closuresFrom: addDaysToDate(around, -1) }, 1);
    return closuresAround(context, around);
  }
}

/** The context as findSpaceContext gives it for `around`: closures within a day of it. */
function closuresAround(context: SpaceContext, around: string): SpaceContext {
  const from = addDaysToDate(around, -1);
  const to = addDaysToDate(around, 1);
  return { ...context, closures: context.closures.filter((c) => c.date >= from && c.date <= to) };
}
