import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { NOTIFICATION_KINDS, type OutboxMessage, type Webhook } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/**
 * Outbox messages as a list: kind, recipient (as far as the API tells: the booking or the webhook,
 * never an address), status, attempts and the last error; with Retry and Discard when `actions`.
 */
@Component({
  selector: 'fd-outbox-list',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  styles: `
    .fd-outbox__meta {
      display: block;
      font-size: 0.875rem;
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <ul class="fd-list" [attr.aria-label]="label()">
      @for (m of messages(); track m.id) {
        <li [attr.data-message]="m.id">
          <span class="fd-list__main">
            <strong>{{ kindName(m.kind) }}</strong>
            <span class="fd-outbox__meta">{{ recipient(m) }}</span>
            <span class="fd-outbox__meta"
              >{{ statusName(m) }} · {{ i18n.t('notifications.attempts', { count: m.attempts }) }} ·
              {{ date(m.sentAt ?? m.createdAt) }}</span
            >
            @if (m.lastError) {
              <span class="fd-outbox__meta"
                >{{ i18n.t('notifications.lastError') }} <code>{{ m.lastError }}</code></span
              >
            }
          </span>
          @if (actions()) {
            <span class="fd-actions">
              <button
                type="button"
                matButton="outlined"
                [attr.aria-label]="
                  i18n.t('notifications.retryLabel', { kind: kindName(m.kind), recipient: recipient(m) })
                "
                (click)="retry.emit(m)"
              >
                {{ i18n.t('notifications.retry') }}
              </button>
              <button
                type="button"
                matButton
                [attr.aria-label]="
                  i18n.t('notifications.discardLabel', { kind: kindName(m.kind), recipient: recipient(m) })
                "
                (click)="discard.emit(m)"
              >
                {{ i18n.t('notifications.discard') }}
              </button>
            </span>
          }
        </li>
      }
    </ul>
  `,
})
export class OutboxList {
  protected readonly i18n = inject(I18n);
  readonly messages = input.required<OutboxMessage[]>();
  readonly webhooks = input<Webhook[]>([]);
  readonly label = input.required<string>();
  readonly actions = input(false);
  readonly retry = output<OutboxMessage>();
  readonly discard = output<OutboxMessage>();
  private readonly urls = computed(() => new Map(this.webhooks().map((w) => [w.id, w.url])));

  protected kindName(kind: string): string {
    return (NOTIFICATION_KINDS as readonly string[]).includes(kind)
      ? this.i18n.t(`notifications.kind.${kind as (typeof NOTIFICATION_KINDS)[number]}`)
      : kind;
  }

  protected recipient(m: OutboxMessage): string {
    if (m.channel === 'webhook') {
      return this.i18n.t('notifications.toWebhook', {
        url: (m.webhookId && this.urls().get(m.webhookId)) || this.i18n.t('notifications.deletedWebhook'),
      });
    }
    return m.bookingId
      ? this.i18n.t('notifications.toBooking', { booking: m.bookingId.slice(0, 8) })
      : this.i18n.t('notifications.toPerson');
  }

  protected statusName(m: OutboxMessage): string {
    return this.i18n.t(`notifications.status.${m.status}`);
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.languageTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }
}
