import { DOCUMENT, inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { I18n } from '@flexdesk/client-data-access';

/** A page that may hold work that would be lost by leaving it. */
export interface LeaveGuarded {
  canLeave(): boolean;
}

/** Asks before leaving a page with unsaved changes (closing the tab is covered by `beforeunload`). */
export const unsavedChangesGuard: CanDeactivateFn<LeaveGuarded> = (component) => {
  if (component.canLeave()) return true;
  const message = inject(I18n).t('editor.leaveConfirm');
  return inject(DOCUMENT).defaultView?.confirm(message) ?? true;
};
