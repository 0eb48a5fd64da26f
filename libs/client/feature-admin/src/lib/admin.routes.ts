import './admin-messages';
import type { Routes } from '@angular/router';
import { permissionGuard } from '@flexdesk/client-data-access';

/** Administrators' pages, mounted at `/admin`. */
export const ADMIN_ROUTES: Routes = [
  {
    path: 'people',
    title: 'people.title',
    canActivate: [permissionGuard('people:admin')],
    loadComponent: () => import('./people/people.page').then((m) => m.PeoplePage),
  },
  {
    path: 'groups',
    title: 'groups.title',
    canActivate: [permissionGuard('people:admin')],
    loadComponent: () => import('./groups/groups.page').then((m) => m.GroupsPage),
  },
  {
    path: 'reception',
    title: 'admin.reception.title',
    canActivate: [permissionGuard('reception:assign')],
    loadComponent: () => import('./reception-assignments/reception-admin.page').then((m) => m.ReceptionAdminPage),
  },
  {
    path: 'audit',
    title: 'audit.title',
    canActivate: [permissionGuard('audit:read')],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'notifications',
    title: 'notifications.title',
    canActivate: [permissionGuard('notifications:admin')],
    loadComponent: () => import('./notifications/notifications.page').then((m) => m.NotificationsPage),
  },
];

/** Facility managers' building settings, mounted at `/buildings`. */
export const BUILDINGS_ROUTES: Routes = [
  {
    path: '',
    title: 'buildings.title',
    canActivate: [permissionGuard('buildings:write')],
    loadComponent: () => import('./buildings/buildings.page').then((m) => m.BuildingsPage),
  },
];
