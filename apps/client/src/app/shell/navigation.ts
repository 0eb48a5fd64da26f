import { type Permission, can } from '@flexdesk/shared-contracts';
import type { MessageKey } from '@flexdesk/client-data-access';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Shown to people whose roles grant this; the page's route is guarded by the same permission. */
  permission?: Permission;
  /** Administration pages share one menu in the header, so the row does not wrap at 1280 px. */
  admin?: boolean;
}

/** The main navigation, in the order shown. Settings and signing out are in the person's menu. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/book', label: 'nav.book' },
  { path: '/bookings', label: 'nav.bookings' },
  { path: '/reception', label: 'nav.reception', permission: 'reception:board' },
  { path: '/editor', label: 'nav.editor', permission: 'layout:edit' },
  { path: '/buildings', label: 'nav.buildings', permission: 'buildings:write' },
  { path: '/insights', label: 'insights.nav', permission: 'insights:read' },
  { path: '/admin/people', label: 'people.nav', permission: 'people:admin', admin: true },
  { path: '/admin/groups', label: 'groups.nav', permission: 'people:admin', admin: true },
  { path: '/admin/reception', label: 'admin.nav', permission: 'reception:assign', admin: true },
  { path: '/admin/audit', label: 'audit.nav', permission: 'audit:read', admin: true },
  { path: '/admin/notifications', label: 'notifications.nav', permission: 'notifications:admin', admin: true },
];

export function navigationFor(user: Parameters<typeof can>[0]): NavItem[] {
  return user ? NAV_ITEMS.filter((item) => !item.permission || can(user, item.permission)) : [];
}
