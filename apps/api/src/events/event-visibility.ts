import type { LiveEvent } from '@flexdesk/shared-contracts';
import { seesNamesIn } from '../access/access-policy';
import type { AuthUser } from '../common/request-context';

/** What the database announces: a live event, plus the booker's id for the API's own use. */
export type LiveNotification = LiveEvent & { bookerId?: string | null };

/**
 * The event as `viewer` may see it. Which space changed, and to what status, is public (the plan
 * shows it to everyone); which booking it was goes only to its booker and to the front desk of the
 * building, and the booker's id to nobody.
 */
export function eventFor(
  viewer: Pick<AuthUser, 'id' | 'roles' | 'receptionAllBuildings' | 'receptionBuildingIds'>,
  e: LiveNotification,
): LiveEvent {
  if (e.type === 'resync') return { type: e.type };
  // Names no person: which floor, which days.
  if (e.type === 'availability') return { type: e.type, floorId: e.floorId, buildingId: e.buildingId, from: e.from, to: e.to };
  // bookerId is dropped on purpose: no person's id leaves the server in an event.
  const { bookerId, bookingId, ...rest } = e;
  const mayKnowBooking = (!!bookerId && bookerId === viewer.id) || seesNamesIn(viewer, e.buildingId);
  return mayKnowBooking && bookingId ? { ...rest, bookingId } : rest;
}
