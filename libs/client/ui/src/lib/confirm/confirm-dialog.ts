import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { InlineAlert } from '../alert/inline-alert';

export interface ConfirmRequest {
  title: string;
  message: string;
  /** Listed below the message, e.g. the bookings a change would cancel. */
  items?: readonly string[];
  confirmLabel: string;
  cancelLabel: string;
  /** The confirm button in the error colour, for what destroys or cancels something. */
  danger?: boolean;
  /** Runs on confirmation; the dialog closes when it succeeds and shows `errorMessage(e)` if not. */
  action?: () => Promise<unknown>;
  errorMessage?: (error: unknown) => string;
}

@Component({
  selector: 'fd-confirm-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatButton, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p id="fd-confirm-text">{{ data.message }}</p>
      @if (data.items?.length) {
        <ul class="fd-confirm__items">
          @for (item of data.items; track $index) {
            <li>{{ item }}</li>
          }
        </ul>
      }
      @if (error(); as message) {
        <fd-inline-alert>{{ message }}</fd-inline-alert>
      }
    </mat-dialog-content>
    <mat-dialog-actions>
      <button type="button" matButton="outlined" class="fd-confirm__cancel" (click)="ref.close(false)">
        {{ data.cancelLabel }}
      </button>
      <button
        type="button"
        matButton="filled"
        class="fd-confirm__confirm"
        [class.fd-danger]="data.danger"
        [disabled]="busy()"
        (click)="confirm()"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .fd-confirm__items {
      margin: 0 0 var(--fd-space-3, 0.75rem);
      padding-left: var(--fd-space-5, 1.5rem);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmRequest>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<ConfirmDialog, boolean>>(MatDialogRef);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async confirm(): Promise<void> {
    const action = this.data.action;
    if (!action) {
      this.ref.close(true);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      this.ref.close(true);
    } catch (e) {
      this.error.set(this.data.errorMessage ? this.data.errorMessage(e) : String(e));
    } finally {
      this.busy.set(false);
    }
  }
}
