import type { Route } from '@angular/router';
import { authGuard, guestGuard } from '@flexdesk/client-data-access';

/** `title` holds a dictionary key; `I18nTitleStrategy` translates it. */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'book' },
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./pages/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'book',
    title: 'book.title',
    canActivate: [authGuard],
    loadComponent: () => import('./pages/book/book.page').then((m) => m.BookPage),
  },
  {
    path: 'bookings',
    title: 'bookings.title',
    canActivate: [authGuard],
    loadComponent: () => import('./pages/bookings/bookings.page').then((m) => m.BookingsPage),
  },
  { path: '**', redirectTo: 'book' },
];
