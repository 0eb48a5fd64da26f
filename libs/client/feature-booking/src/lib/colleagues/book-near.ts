import type { Floor, FloorAvailability, Space } from '@flexdesk/shared-contracts';
import { nearestFreeSpace } from '@flexdesk/shared-domain';

/**
 * The space to book near a colleague: the nearest desk (of the kind of their space) that is free
 * all day and may be booked, by plan geometry; null when none is.
 */
export function spaceNear(floor: Pick<Floor, 'spaces'>, availability: Pick<FloorAvailability, 'spaces'>, spaceId: string): Space | null {
  const free = new Set(availability.spaces.filter((s) => s.state === 'free').map((s) => s.spaceId));
  return nearestFreeSpace(floor.spaces, spaceId, (s) => s.bookable && free.has(s.id));
}
