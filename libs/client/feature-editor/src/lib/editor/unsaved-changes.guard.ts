import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { Confirmation, type ConfirmRequest } from '@flexdesk/client-ui';

/** A page that may hold work that would be lost by leaving it. */
export interface LeaveGuarded {
  canLeave(): boolean;
  /** What to ask before leaving anyway. */
  leaveQuestion(): ConfirmRequest;
}

/** Asks before leaving a page with unsaved changes (closing the tab is covered by `beforeunload`). */
export const unsavedChangesGuard: CanDeactivateFn<LeaveGuarded> = (component) =>
  component.canLeave() || inject(Confirmation).ask(component.leaveQuestion());
