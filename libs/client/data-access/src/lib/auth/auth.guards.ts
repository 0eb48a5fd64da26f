import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Me, Role } from '@flexdesk/shared-contracts';
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

/** Roles that run the front desk and may see a building's day list with names. */
export const RECEPTION_ROLES: readonly Role[] = ['receptionist', 'admin'];

export function hasAnyRole(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/**
 * Pages for some roles only. Others go to the booking page; the API checks the roles again, this
 * only spares people a page that would refuse them.
 */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const me = await inject(SessionStore).load();
    if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    return hasAnyRole(me, roles) ? true : router.createUrlTree(['/book']);
  };
}

/** Only same-app paths, so a crafted link cannot send people elsewhere after signing in. */
export function safeReturnUrl(url: string | null | undefined, fallback = '/'): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !url.startsWith('/login')
    ? url
    : fallback;
}
