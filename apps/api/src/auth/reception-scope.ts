import type { AuthUser } from '../common/request-context';

type Viewer = Pick<AuthUser, 'roles' | 'receptionAllBuildings' | 'receptionBuildingIds'>;

/**
 * Whether `viewer` works the front desk of `buildingId` and so sees booker names there: admins
 * always; receptionists for the buildings an admin assigned them to, or for all if so set.
 */
export function seesNamesIn(viewer: Viewer, buildingId: string): boolean {
  if (viewer.roles.includes('admin')) return true;
  if (!viewer.roles.includes('receptionist')) return false;
  return viewer.receptionAllBuildings || viewer.receptionBuildingIds.includes(buildingId);
}

/**
 * Whether `viewer` may act on other people's bookings in `buildingId` (read, cancel without the
 * cut-off, book on their behalf): facility managers and admins everywhere, receptionists where
 * they see names.
 */
export function actsForOthersIn(viewer: Viewer, buildingId: string): boolean {
  return viewer.roles.includes('facility_manager') || seesNamesIn(viewer, buildingId);
}
