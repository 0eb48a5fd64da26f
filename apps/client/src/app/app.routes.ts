import type { Route } from '@angular/router';
import { authGuard, guestGuard, landingGuard, permissionGuard } from '@flexdesk/client-data-access';
import { unsavedChangesGuard } from './pages/editor/unsaved-changes.guard';

/** `title` holds a dictionary key; `I18nTitleStrategy` translates it. */
export const appRoutes: Route[] = [
  // Each person's landing page (see `landingPath`).
  { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
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
    canActivate: [permissionGuard('reception:board')],
    loadComponent: () => import('./pages/reception/reception.page').then((m) => m.ReceptionPage),
  },
  {
    path: 'reception/labels/:floorId',
    title: 'labels.title',
    canActivate: [permissionGuard('spaces:labels')],
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
    canActivate: [permissionGuard('reception:assign')],
    loadComponent: () => import('./pages/admin/reception-admin.page').then((m) => m.ReceptionAdminPage),
  },
  {
    path: 'editor',
    title: 'editor.title',
    canActivate: [permissionGuard('layout:edit')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./pages/editor/editor.page').then((m) => m.EditorPage),
  },
  {
    path: 'buildings',
    title: 'buildings.title',
    canActivate: [permissionGuard('buildings:write')],
    loadComponent: () => import('./pages/buildings/buildings.page').then((m) => m.BuildingsPage),
  },
  { path: '**', redirectTo: '' },
];
