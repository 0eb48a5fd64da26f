import type { SpaceState } from '@flexdesk/shared-contracts';

export interface SpaceStateArgs {
  bookable: boolean;
  /** Whether the space is restricted for the viewer (see `isRestrictedFor`). */
  restricted: boolean;
  /** The opening window of the date, null when the building is closed. */
  window: { start: Date; end: Date } | null;
  /** Active bookings of the space on that date. */
  bookings: { start: Date; end: Date; mine: boolean }[];
}

export function spaceState(args: SpaceStateArgs): SpaceState {
  const { window } = args;
  if (!args.bookable || args.restricted || !window) return 'unavailable';
  // Even a booking outside today's hours (say, hours changed after it was made) is the viewer's own
  // and they need to find it.
  if (args.bookings.some((b) => b.mine)) return 'mine';

  const windowStart = window.start.getTime();
  const windowEnd = window.end.getTime();
  const ranges = args.bookings
    .map((b) => [
      Math.max(b.start.getTime(), windowStart),
      Math.min(b.end.getTime(), windowEnd),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  if (ranges.length === 0) return 'free';

  // Sweep the sorted ranges; any gap before the window's end leaves room for another booking.
  let coveredUntil = windowStart;
  for (const [start, end] of ranges) {
    if (start > coveredUntil) return 'partial';
    coveredUntil = Math.max(coveredUntil, end);
  }
  return coveredUntil >= windowEnd ? 'booked' : 'partial';
}
