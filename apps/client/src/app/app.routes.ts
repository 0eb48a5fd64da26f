import type { Route } from '@angular/router';
import { SET_PASSWORD_PAGE } from '@flexdesk/shared-contracts';
import { guestGuard, landingGuard } from '@flexdesk/client-data-access';

/**
 * The shell's routes: sign-in, each person's landing page, and one lazy feature lib per journey.
 * The libs guard their own pages by permission. `title` holds a dictionary key (I18nTitleStrategy).
 */
export const appRoutes: Route[] = [
  // Each person's landing page (see `landingPath`).
  { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    // Invitation and reset links: open to anyone holding the link, signed in or not.
    path: SET_PASSWORD_PAGE,
    title: 'setPassword.title',
    loadComponent: () => import('./set-password/set-password.page').then((m) => m.SetPasswordPage),
  },
  {
    path: 'reception',
    loadChildren: () => import('@flexdesk/client-feature-reception').then((m) => m.RECEPTION_ROUTES),
  },
  {
    path: 'editor',
    loadChildren: () => import('@flexdesk/client-feature-editor').then((m) => m.EDITOR_ROUTES),
  },
  {
    path: 'buildings',
    loadChildren: () => import('@flexdesk/client-feature-admin').then((m) => m.BUILDINGS_ROUTES),
  },
  {
    path: 'admin',
    loadChildren: () => import('@flexdesk/client-feature-admin').then((m) => m.ADMIN_ROUTES),
  },
  { path: 'insights', loadChildren: () => import('@flexdesk/client-feature-insights').then((m) => m.INSIGHTS_ROUTES) },
  { path: 'privacy', loadChildren: () => import('@flexdesk/client-feature-insights').then((m) => m.PRIVACY_ROUTES) },
  // book, bookings, settings, check-in/:spaceId
  {
    path: '',
    loadChildren: () => import('@flexdesk/client-feature-booking').then((m) => m.BOOKING_ROUTES),
  },
  { path: '**', redirectTo: '' },
];
