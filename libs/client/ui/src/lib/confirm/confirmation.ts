import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';

/**
 * Asks before something that cannot simply be taken back (cancel a booking, revoke a link, publish
 * with cancellations). With an `action`, the dialog runs it and stays open to show why it failed;
 * the answer is then whether it succeeded.
 */
@Injectable({ providedIn: 'root' })
export class Confirmation {
  private readonly dialog = inject(MatDialog);

  async ask(request: ConfirmRequest): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmRequest, boolean>(ConfirmDialog, {
      data: request,
      width: '32rem',
      maxWidth: 'calc(100vw - 1.5rem)',
      ariaDescribedBy: 'fd-confirm-text',
      // The safe choice first: Enter or a slip of the finger keeps things as they are.
      autoFocus: '.fd-confirm__cancel',
      restoreFocus: true,
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
