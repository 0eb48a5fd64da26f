import type { Routes } from '@angular/router';
import { authGuard } from '@flexdesk/client-data-access';

/**
 * Everyone's pages: book a space, my bookings, the check-in a desk's QR code leads to, and one's
 * own settings. Mounted at the root. `title` holds a dictionary key (see the app's title strategy).
 */
export const BOOKING_ROUTES: Routes = [
  {
    path: 'book',
    title: 'book.title',
    canActivate: [authGuard],
    loadComponent: () => import('./book/book.page').then((m) => m.BookPage),
  },
  {
    path: 'bookings',
    title: 'bookings.title',
    canActivate: [authGuard],
    loadComponent: () => import('./bookings/bookings.page').then((m) => m.BookingsPage),
  },
  {
    path: 'colleagues',
    title: 'colleagues.title',
    canActivate: [authGuard],
    loadComponent: () => import('./colleagues/colleagues.page').then((m) => m.ColleaguesPage),
  },
  {
    path: 'settings',
    title: 'settings.title',
    canActivate: [authGuard],
    loadComponent: () => import('./settings/settings.page').then((m) => m.SettingsPage),
  },
  {
    // The target of the QR code on a desk; signing in first brings people back here.
    path: 'check-in/:spaceId',
    title: 'checkin.title',
    canActivate: [authGuard],
    loadComponent: () => import('./check-in/check-in.page').then((m) => m.CheckInPage),
  },
];
