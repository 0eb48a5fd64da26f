import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Icon, type IconName } from '../icon/icon';

export type AlertKind = 'error' | 'info' | 'success';

const ALERT_ICONS: Record<AlertKind, IconName> = { error: 'warning', info: 'info', success: 'check' };

/**
 * A message that belongs where it is shown: a form's error next to the form, a page that could not
 * load (with Retry), an explanation with its own actions. Errors are `role="alert"` (read out when
 * they appear), notices `role="status"`. A symbol says which it is, not only the colour.
 * Passing messages go to the `Notifier` instead.
 */
@Component({
  selector: 'fd-inline-alert',
  imports: [MatButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fd-icon class="fd-alert__symbol" [name]="icon()" />
    <div class="fd-alert__body">
      <ng-content />
      @if (retryLabel(); as label) {
        <button type="button" matButton="outlined" class="fd-alert__retry" (click)="retry.emit()">{{ label }}</button>
      }
    </div>
  `,
  host: {
    class: 'fd-alert',
    '[class.fd-alert--error]': "kind() === 'error'",
    '[class.fd-alert--info]': "kind() === 'info'",
    '[class.fd-alert--success]': "kind() === 'success'",
    '[attr.role]': "!announce() ? null : kind() === 'error' ? 'alert' : 'status'",
  },
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: var(--fd-space-3, 0.75rem);
      padding: var(--fd-space-3, 0.75rem) var(--fd-space-4, 1rem);
      margin: 0 0 var(--fd-space-4, 1rem);
      border-radius: var(--fd-radius, 8px);
      border-left: 6px solid;
    }
    :host(.fd-alert--error) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-color: var(--mat-sys-error);
    }
    :host(.fd-alert--info) {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      border-color: var(--mat-sys-outline);
    }
    :host(.fd-alert--success) {
      background: var(--fd-success-bg);
      color: var(--mat-sys-on-surface);
      border-color: var(--fd-success);
    }
    .fd-alert__symbol {
      margin-top: 0.1rem;
    }
    .fd-alert__body {
      flex: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fd-space-2, 0.5rem) var(--fd-space-4, 1rem);
      min-width: 0;
    }
    .fd-alert__body ::ng-deep p {
      margin: 0;
    }
  `,
})
export class InlineAlert {
  readonly kind = input<AlertKind>('error');
  /** False inside a live region the page keeps anyway, so the message is not read out twice. */
  readonly announce = input(true);
  /** Shows a Retry button with this label (e.g. after a failed load). */
  readonly retryLabel = input<string | null>(null);
  readonly retry = output<void>();
  protected readonly icon = computed(() => ALERT_ICONS[this.kind()]);
}
