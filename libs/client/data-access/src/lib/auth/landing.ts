import { type Permission, can } from '@flexdesk/shared-contracts';

/** Everyone may book; it is where people land whose roles open no other page. */
export const DEFAULT_LANDING_PATH = '/book';

/**
 * Where `/` and signing in take a person: the page of the first permission they hold, in this
 * order (so a person with several roles lands on the page of their widest job). Each path is
 * guarded by the same permission, so a landing page can never refuse its own person.
 */
export const LANDING_PAGES: readonly { permission: Permission; path: string }[] = [
  // Administrators.
  { permission: 'people:admin', path: '/admin/people' },
  // Facility managers.
  { permission: 'buildings:write', path: '/buildings' },
  // Receptionists: their board opens on their own building.
  { permission: 'reception:board', path: '/reception' },
];

export function landingPath(user: Parameters<typeof can>[0]): string {
  return LANDING_PAGES.find((page) => can(user, page.permission))?.path ?? DEFAULT_LANDING_PATH;
}
