import { ROLES, type Role } from './enums';

/**
 * What a person may do, by name. Every API route declares one of these (or is public), and the
 * client shows menus, pages and buttons by the same names, so the two cannot disagree.
 */
export const PERMISSIONS = [
  /** Own account: profile and settings, calendar feed, sign out. */
  'profile:self',
  /** Buildings, floors, availability, live changes, published floor backgrounds. */
  'buildings:read',
  /** Book, cancel and check in one's own bookings. */
  'bookings:self',
  /** Book, cancel and check in for other people. */
  'bookings:others',
  /** A building's occupancy board (totals per floor and kind). */
  'reception:board',
  /** The named day list of a building, names on the plan and in live events. */
  'reception:names',
  /** Find colleagues by name or e-mail, to book for them. */
  'people:search',
  /** Print QR check-in labels for a floor's spaces. */
  'spaces:labels',
  /** Book spaces in zones restricted to groups one is not in. */
  'spaces:unrestricted',
  /** Assign desks to people. */
  'spaces:assign',
  /** Create, change and delete buildings, their opening hours, closures and booking rules. */
  'buildings:write',
  /** Create, rename, reorder and delete floors. */
  'floors:write',
  /** Edit a floor's layout as a draft, upload backgrounds. */
  'layout:edit',
  /** Publish a draft layout to everyone (may cancel bookings, after confirmation). */
  'layout:publish',
  /** The groups that zones and spaces can be restricted to. */
  'groups:read',
  /** Decide which buildings each receptionist works for. */
  'reception:assign',
  /** The audit log of changes. */
  'audit:read',
  /** People, roles and groups. */
  'people:admin',
  /** Messages that could not be sent (retry, discard) and webhooks. */
  'notifications:admin',
  /** Aggregated utilisation reports (never about a person; small groups suppressed). */
  'insights:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How far a permission reaches: everywhere, or only in the buildings a person is assigned to as
 * front desk (see `ReceptionScope`). The assignment itself is data, checked by the API's access policy.
 */
export type PermissionScope = 'all' | 'assigned';

const SELF: Partial<Record<Permission, PermissionScope>> = {
  'profile:self': 'all',
  'buildings:read': 'all',
  'bookings:self': 'all',
};

/** The one table of who may do what. Admins may do everything, everywhere. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, Readonly<Partial<Record<Permission, PermissionScope>>>>> = {
  employee: SELF,
  receptionist: {
    ...SELF,
    'reception:board': 'all',
    'reception:names': 'assigned',
    'bookings:others': 'assigned',
    'people:search': 'assigned',
    'spaces:labels': 'all',
  },
  facility_manager: {
    ...SELF,
    'bookings:others': 'all',
    'spaces:labels': 'all',
    'spaces:unrestricted': 'all',
    'spaces:assign': 'all',
    'buildings:write': 'all',
    'floors:write': 'all',
    'layout:edit': 'all',
    'layout:publish': 'all',
    'groups:read': 'all',
    'insights:read': 'all',
  },
  admin: Object.fromEntries(PERMISSIONS.map((p) => [p, 'all'])) as Record<Permission, PermissionScope>,
};

/** The widest scope any of the person's roles grants, or null if none grants the permission. */
export function permissionScope(
  user: { roles: readonly Role[] } | null | undefined,
  permission: Permission,
): PermissionScope | null {
  let scope: PermissionScope | null = null;
  for (const role of user?.roles ?? []) {
    const granted = ROLE_PERMISSIONS[role as Role]?.[permission];
    if (granted === 'all') return 'all';
    if (granted) scope = granted;
  }
  return scope;
}

/** Whether any of the person's roles grants the permission (somewhere). */
export function can(user: { roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  return permissionScope(user, permission) !== null;
}

/** The roles that grant a permission, e.g. for documentation and the route x role test. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r][permission] !== undefined);
}
