import { ACTIVE_BOOKING_STATUSES, type AvailabilityBooking, type Point } from '@flexdesk/shared-contracts';
import { type SpaceRow, hasFreeTime } from './space-rows';

export interface TimeRange {
  start: string;
  end: string;
}

/** What a fresh availability answer says about a space someone else got first. */
export type ConflictOutcome =
  /** Another person's booking overlaps; `by` only where their name is visible to us. */
  | { kind: 'taken'; by: string | null; start: string; end: string }
  /** One of our own bookings overlaps (booked a moment ago in another tab, say). */
  | { kind: 'mine' }
  /** The space cannot be booked any more (closed for repairs, removed). */
  | { kind: 'unavailable' }
  /** Nothing visible explains it (the winner may have cancelled again). */
  | { kind: 'unknown' };

function overlapping(bookings: readonly AvailabilityBooking[], range: TimeRange): AvailabilityBooking[] {
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  return bookings.filter(
    (b) => ACTIVE_BOOKING_STATUSES.includes(b.status) && Date.parse(b.start) < end && Date.parse(b.end) > start,
  );
}

export function conflictOutcome(row: SpaceRow | undefined, range: TimeRange): ConflictOutcome {
  if (!row || row.state === 'unavailable') return { kind: 'unavailable' };
  const hits = overlapping(row.bookings, range);
  const other = hits.find((b) => !b.mine);
  if (other) return { kind: 'taken', by: other.bookerName, start: other.start, end: other.end };
  if (hits.length) return { kind: 'mine' };
  return { kind: 'unknown' };
}

/**
 * The closest space that would have done instead: same kind, shown by the current filters (pass the
 * filtered rows), free for the whole requested time and, for rooms, at least as large. Same zone
 * first, then by distance on the plan, then by label.
 */
export function nextFreeAlternative(
  rows: readonly SpaceRow[],
  lost: Pick<SpaceRow, 'id' | 'kind' | 'zoneName' | 'capacity'>,
  range: TimeRange,
  centers: ReadonlyMap<string, Point>,
): SpaceRow | null {
  const origin = centers.get(lost.id);
  const distance = (row: SpaceRow) => {
    const c = centers.get(row.id);
    return origin && c ? Math.hypot(c.x - origin.x, c.y - origin.y) : Number.POSITIVE_INFINITY;
  };
  const candidates = rows.filter(
    (row) =>
      row.id !== lost.id &&
      row.kind === lost.kind &&
      hasFreeTime(row.state) &&
      (row.capacity ?? 0) >= (lost.capacity ?? 0) &&
      overlapping(row.bookings, range).length === 0,
  );
  const sameZone = (row: SpaceRow) => (lost.zoneName !== null && row.zoneName === lost.zoneName ? 0 : 1);
  return (
    [...candidates].sort(
      (a, b) => sameZone(a) - sameZone(b) || distance(a) - distance(b) || a.label.localeCompare(b.label),
    )[0] ?? null
  );
}
