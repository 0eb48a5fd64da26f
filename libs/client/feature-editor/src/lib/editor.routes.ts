import type { Routes } from '@angular/router';
import { permissionGuard } from '@flexdesk/client-data-access';
import { unsavedChangesGuard } from './editor/unsaved-changes.guard';

/** The floor plan editor, mounted at `/editor`. */
export const EDITOR_ROUTES: Routes = [
  {
    path: '',
    title: 'editor.title',
    canActivate: [permissionGuard('layout:edit')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./editor/editor.page').then((m) => m.EditorPage),
  },
];
