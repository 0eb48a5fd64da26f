import type { Routes } from '@angular/router';
import { permissionGuard } from '@flexdesk/client-data-access';

/** Utilisation reports, mounted at `/insights` (facility managers and admins). */
export const INSIGHTS_ROUTES: Routes = [
  {
    path: '',
    title: 'insights.title',
    canActivate: [permissionGuard('insights:read')],
    loadComponent: () => import('./insights.page').then((m) => m.InsightsPage),
  },
];

/** The privacy sheet, mounted at `/privacy` (everyone signed in). */
export const PRIVACY_ROUTES: Routes = [
  {
    path: '',
    title: 'privacy.title',
    canActivate: [permissionGuard('profile:self')],
    loadComponent: () => import('./privacy.page').then((m) => m.PrivacyPage),
  },
];
