import { signal } from '@angular/core';
import type { AvailabilityBooking, FloorAvailability, SpaceAvailability } from '@flexdesk/shared-contracts';

/**
 * A booking the person has just asked for. While the request runs, and after it succeeded until an
 * availability answer requested later arrives, the space is shown as theirs (`mine`).
 */
export interface OptimisticBooking {
  /** Local key, to confirm or roll back this very attempt. */
  readonly key: number;
  readonly floorId: string;
  readonly date: string;
  readonly spaceId: string;
  /** ISO instants of the requested time. */
  readonly start: string;
  readonly end: string;
  /**
   * Null while the request runs. Once confirmed: the number of the last availability request started
   * before the confirmation; answers to that request or earlier ones may not know of the booking yet.
   */
  readonly confirmedAfterRequest: number | null;
}

export type NewOptimisticBooking = Omit<OptimisticBooking, 'key' | 'confirmedAfterRequest'>;

const sameTime = (b: AvailabilityBooking, entry: OptimisticBooking) =>
  Date.parse(b.start) === Date.parse(entry.start) && Date.parse(b.end) === Date.parse(entry.end);

/**
 * The availability as the person should see it: every space with an optimistic booking of theirs on
 * that floor and day is `mine` and lists that booking (once, even if the server already has it).
 * Returns the same object when nothing applies, so unchanged answers do not redraw anything.
 */
export function applyOptimistic(
  availability: FloorAvailability,
  entries: readonly OptimisticBooking[],
): FloorAvailability {
  const relevant = entries.filter((e) => e.floorId === availability.floorId && e.date === availability.date);
  if (!relevant.length) return availability;
  const bySpace = new Map<string, OptimisticBooking[]>();
  for (const entry of relevant) bySpace.set(entry.spaceId, [...(bySpace.get(entry.spaceId) ?? []), entry]);
  const spaces = availability.spaces.map((space): SpaceAvailability => {
    const own = bySpace.get(space.spaceId);
    if (!own) return space;
    const added = own
      .filter((entry) => !space.bookings.some((b) => b.mine && sameTime(b, entry)))
      .map((entry): AvailabilityBooking => ({
        start: entry.start,
        end: entry.end,
        status: 'confirmed',
        mine: true,
        bookerName: null,
      }));
    return { ...space, state: 'mine', bookings: [...space.bookings, ...added] };
  });
  return { ...availability, spaces };
}

/** Optimistic bookings as a signal; the page merges them into what it shows. */
export class OptimisticBookings {
  private readonly list = signal<readonly OptimisticBooking[]>([]);
  readonly entries = this.list.asReadonly();
  private nextKey = 1;

  /** Shows the booking at once; returns the key to confirm or roll it back with. */
  add(booking: NewOptimisticBooking): number {
    const key = this.nextKey++;
    this.list.update((list) => [...list, { ...booking, key, confirmedAfterRequest: null }]);
    return key;
  }

  /** The server accepted it; it stays until an availability requested after now has arrived. */
  confirm(key: number, lastRequestStarted: number): void {
    this.list.update((list) =>
      list.map((e) => (e.key === key ? { ...e, confirmedAfterRequest: lastRequestStarted } : e)),
    );
  }

  /** The server refused it: the space shows its real state again. */
  rollback(key: number): void {
    this.list.update((list) => list.filter((e) => e.key !== key));
  }

  /** The answer to availability request `request` arrived: it knows every booking confirmed before it started. */
  settle(request: number): void {
    const list = this.list();
    const kept = list.filter((e) => e.confirmedAfterRequest === null || e.confirmedAfterRequest >= request);
    if (kept.length !== list.length) this.list.set(kept);
  }
}
