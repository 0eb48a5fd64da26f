import type { Routes } from '@angular/router';
import { permissionGuard } from '@flexdesk/client-data-access';

/** The front desk's pages, mounted at `/reception`. */
export const RECEPTION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'reception.title',
    canActivate: [permissionGuard('reception:board')],
    loadComponent: () => import('./reception/reception.page').then((m) => m.ReceptionPage),
  },
  {
    path: 'labels/:floorId',
    title: 'labels.title',
    canActivate: [permissionGuard('spaces:labels')],
    loadComponent: () => import('./labels/labels.page').then((m) => m.LabelsPage),
  },
];
