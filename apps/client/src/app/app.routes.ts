import type { Route } from '@angular/router';
import { EDITOR_ROLES, RECEPTION_ROLES, authGuard, guestGuard, roleGuard } from '@flexdesk/client-data-access';
import { unsavedChangesGuard } from './pages/editor/unsaved-changes.guard';

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
  {
    path: 'settings',
    title: 'settings.title',
    canActivate: [authGuard],
    loadComponent: () => import('./pages/settings/settings.page').then((m) => m.SettingsPage),
  },
  {
    path: 'reception',
    title: 'reception.title',
    canActivate: [roleGuard(...RECEPTION_ROLES)],
    loadComponent: () => import('./pages/reception/reception.page').then((m) => m.ReceptionPage),
  },
  {
    path: 'reception/labels/:floorId',
    title: 'labels.title',
    canActivate: [roleGuard(...RECEPTION_ROLES, 'facility_manager')],
    loadComponent: () => import('./pages/labels/labels.page').then((m) => m.LabelsPage),
  },
  {
    // The target of the QR code on a desk; signing in first brings people back here.
    path: 'check-in/:spaceId',
    title: 'checkin.title',
    canActivate: [authGuard],
    loadComponent: () => import('./pages/check-in/check-in.page').then((m) => m.CheckInPage),
  },
  {
    path: 'admin/reception',
    title: 'admin.reception.title',
    canActivate: [roleGuard('admin')],
    loadComponent: () => import('./pages/admin/reception-admin.page').then((m) => m.ReceptionAdminPage),
  },
  {
    path: 'editor',
    title: 'editor.title',
    canActivate: [roleGuard(...EDITOR_ROLES)],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./pages/editor/editor.page').then((m) => m.EditorPage),
  },
  { path: '**', redirectTo: 'book' },
];
