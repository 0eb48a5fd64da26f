import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { I18n } from '@flexdesk/client-data-access';

/**
 * The two live regions every page keeps at the top: a polite one for what just succeeded and an
 * assertive one for what failed, including a failed load with its retry button. The regions stay in
 * the DOM while empty, so screen readers announce what appears in them. Page-specific alerts go in
 * as content and land in the assertive region.
 */
@Component({
  selector: 'fd-page-alerts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="alert-slot" role="status">
      @if (announcement(); as message) {
        <p class="alert alert--success"><span aria-hidden="true">✓ </span>{{ message }}</p>
      }
    </div>
    <div class="alert-slot" role="alert">
      @if (error(); as message) {
        <p class="alert alert--error"><span aria-hidden="true">⚠ </span>{{ message }}</p>
      }
      @if (loadError(); as message) {
        <div class="alert alert--error">
          <p><span aria-hidden="true">⚠ </span>{{ message }}</p>
          <button type="button" class="button button--small" (click)="retry.emit()">
            {{ i18n.t('common.retry') }}
          </button>
        </div>
      }
      <ng-content />
    </div>
  `,
  host: { style: 'display: contents' },
})
export class PageAlerts {
  protected readonly i18n = inject(I18n);
  readonly announcement = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly loadError = input<string | null>(null);
  readonly retry = output<void>();
}
