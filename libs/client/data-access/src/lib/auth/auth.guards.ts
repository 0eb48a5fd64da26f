import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { type Permission, can } from '@flexdesk/shared-contracts';
import { landingPath } from './landing';
import { SessionStore } from './session.store';

/** Pages for signed-in people; others go to the sign-in page and come back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(SessionStore).load();
  return me ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page, for people who are not signed in yet. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const me = await inject(SessionStore).load();
  return me ? router.createUrlTree(['/']) : true;
};

/** `/` itself: sends each person to their landing page (see `landingPath`), or to sign in. */
export const landingGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const me = await inject(SessionStore).load();
  return router.parseUrl(me ? landingPath(me) : '/login');
};

/**
 * Pages that need a permission of the shared table (`PERMISSIONS`). Others go to their own landing
 * page; the API checks the permission again, this only spares people a page that would refuse them.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const me = await inject(SessionStore).load();
    if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    return can(me, permission) ? true : router.parseUrl(landingPath(me));
  };
}

/** Only same-app paths, so a crafted link cannot send people elsewhere after signing in. */
export function safeReturnUrl(url: string | null | undefined, fallback = '/'): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !url.startsWith('/login')
    ? url
    : fallback;
}
