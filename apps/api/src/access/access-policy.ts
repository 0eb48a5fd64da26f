import { permissionScope, type Permission } from '@flexdesk/shared-contracts';
import type { AuthUser } from '../common/request-context';

/**
 * The checks that depend on data, in one place. Whether a role may do something at all is the
 * permission table's business (checked at the route); whether it may do it *here* — in this
 * building, on this booking — is decided by these functions, which services call.
 */
export type Viewer = Pick<AuthUser, 'id' | 'roles' | 'receptionAllBuildings' | 'receptionBuildingIds'>;

/** Whether `viewer` holds `permission` in `buildingId`: everywhere, or where they work the front desk. */
export function holdsIn(viewer: Omit<Viewer, 'id'>, permission: Permission, buildingId: string): boolean {
  const scope = permissionScope(viewer, permission);
  if (scope === 'all') return true;
  if (scope !== 'assigned') return false;
  return viewer.receptionAllBuildings || viewer.receptionBuildingIds.includes(buildingId);
}

/** Whether `viewer` holds `permission` in at least one building. */
export function holdsSomewhere(viewer: Omit<Viewer, 'id'>, permission: Permission): boolean {
  const scope = permissionScope(viewer, permission);
  if (scope === 'all') return true;
  return scope === 'assigned' && (viewer.receptionAllBuildings || viewer.receptionBuildingIds.length > 0);
}

/** The front desk of a building sees booker names there (day list, plan, live events). */
export function seesNamesIn(viewer: Omit<Viewer, 'id'>, buildingId: string): boolean {
  return holdsIn(viewer, 'reception:names', buildingId);
}

/**
 * The buildings whose booker names `viewer` sees at the front desk (see `seesNamesIn`): every one,
 * those they work reception for, or none; told to the client so a receptionist starts in one of them.
 */
export function namesVisibleIn(viewer: Omit<Viewer, 'id'>): string[] | 'all' {
  const scope = permissionScope(viewer, 'reception:names');
  if (scope === 'all' || (scope === 'assigned' && viewer.receptionAllBuildings)) return 'all';
  return scope === 'assigned' ? [...viewer.receptionBuildingIds] : [];
}

/** Acting on other people's bookings in a building: read, cancel without cut-off, book for them. */
export function actsForOthersIn(viewer: Omit<Viewer, 'id'>, buildingId: string): boolean {
  return holdsIn(viewer, 'bookings:others', buildingId);
}

/**
 * Names of bookers are personal data: shown to the booker, where they allow it, or to the front
 * desk of the booking's building.
 */
export function seesBookerName(
  viewer: Viewer,
  bookerId: string | null,
  bookerShowsName: boolean,
  buildingId: string,
): boolean {
  return (!!bookerId && bookerId === viewer.id) || bookerShowsName || seesNamesIn(viewer, buildingId);
}

/** Unknown and foreign bookings look the same from outside; these are the ones a viewer may read. */
export function mayReadBooking(
  viewer: Viewer,
  booking: { bookerId: string | null; creatorId: string | null; buildingId: string },
): boolean {
  return (
    booking.bookerId === viewer.id || booking.creatorId === viewer.id || actsForOthersIn(viewer, booking.buildingId)
  );
}

/** Check-in (and taking it back) is the booker's, or the front desk's of that building. */
export function mayCheckIn(viewer: Viewer, booking: { bookerId: string | null; buildingId: string }): boolean {
  return booking.bookerId === viewer.id || seesNamesIn(viewer, booking.buildingId);
}
