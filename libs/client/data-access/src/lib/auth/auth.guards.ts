import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
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

/** Only same-app paths, so a crafted link cannot send people elsewhere after signing in. */
export function safeReturnUrl(url: string | null | undefined, fallback = '/'): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !url.startsWith('/login')
    ? url
    : fallback;
}
