import '../admin-messages';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { AuditFiltersForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditStore } from './audit.store';

/** Administrators read who changed what: filtered, a page at a time, newest first. */
@Component({
  selector: 'fd-audit-page',
  imports: [MatButton, InlineAlert, PageHeader, AuditFiltersForm, AuditTable],
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <fd-page-header [heading]="i18n.t('audit.heading')" />
    <fd-audit-filters [filters]="store.filters()" (changed)="store.setFilters($event)" />
    @if (store.filters().actorId || store.filters().entityId) {
      <div class="fd-row" role="status">
        @if (store.filters().actorId) {
          <span>{{ i18n.t('audit.narrowedActor') }}</span>
          <button type="button" matButton (click)="store.narrow({ actorId: undefined })">
            {{ i18n.t('audit.removeNarrowing') }}
          </button>
        }
        @if (store.filters().entityId) {
          <span>{{ i18n.t('audit.narrowedEntity') }}</span>
          <button type="button" matButton (click)="store.narrow({ entityId: undefined })">
            {{ i18n.t('audit.removeNarrowing') }}
          </button>
        }
      </div>
    }
    @if (error(); as message) {
      <fd-inline-alert [retryLabel]="i18n.t('common.retry')" (retry)="store.fetch()">{{ message }}</fd-inline-alert>
    } @else if (!store.loading() && !store.entries().length) {
      <p class="muted" role="status">{{ i18n.t('audit.none') }}</p>
    } @else {
      <fd-audit-table [entries]="store.entries()" (narrow)="store.narrow($event)" />
    }
    <nav class="fd-row" [attr.aria-label]="i18n.t('audit.paging')">
      <button
        type="button"
        matButton="outlined"
        [disabled]="!store.hasPrevious() || store.loading()"
        (click)="store.previous()"
      >
        {{ i18n.t('audit.newer') }}
      </button>
      <span aria-live="polite">{{ i18n.t('audit.page', { page: store.page() }) }}</span>
      <button
        type="button"
        matButton="outlined"
        [disabled]="!store.hasNext() || store.loading()"
        (click)="store.next()"
      >
        {{ i18n.t('audit.older') }}
      </button>
    </nav>
  `,
})
export class AuditPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(AuditStore);
  protected readonly error = computed(() => {
    const e = this.store.error();
    return e ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(e) }) : null;
  });

  constructor() {
    void this.store.fetch();
  }
}
