import '../admin-messages';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CreateWebhookRequest, CreatedWebhook, OutboxMessage, Webhook } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { NotificationsStore } from './notifications.store';
import { OutboxList } from './outbox-list';
import { WebhookForm, WebhookSecret } from './webhook-form';

/** Administrators retry or discard messages that could not be sent, and keep the webhook endpoints. */
@Component({
  selector: 'fd-notifications-page',
  imports: [MatButton, InlineAlert, PageHeader, OutboxList, WebhookForm, WebhookSecret],
  providers: [NotificationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  styles: `
    .fd-block {
      display: block;
    }
    .fd-full {
      flex-basis: 100%;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  `,
  templateUrl: './notifications.page.html',
})
export class NotificationsPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(NotificationsStore);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);
  private readonly form = viewChild(WebhookForm);
  protected readonly creating = signal(false);
  protected readonly created = signal<CreatedWebhook | null>(null);
  protected readonly error = computed(() => {
    const e = this.store.error();
    return e ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(e) }) : null;
  });

  constructor() {
    void this.store.load();
  }

  protected async retry(message: OutboxMessage): Promise<void> {
    try {
      await this.store.retry(message.id);
      this.notifier.success(this.i18n.t('notifications.retried'));
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    }
  }

  protected async discard(message: OutboxMessage): Promise<void> {
    const done = await this.confirmation.ask({
      title: this.i18n.t('notifications.discardTitle'),
      message: this.i18n.t('notifications.discardText'),
      confirmLabel: this.i18n.t('notifications.discard'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: () => this.store.discard(message.id),
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
    if (done) this.notifier.success(this.i18n.t('notifications.discarded'), { focus: true });
  }

  protected async create(input: CreateWebhookRequest): Promise<void> {
    this.creating.set(true);
    try {
      this.created.set(await this.store.createWebhook(input));
      this.form()?.reset();
      this.notifier.success(this.i18n.t('webhooks.created'));
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.creating.set(false);
    }
  }

  protected async remove(webhook: Webhook): Promise<void> {
    const done = await this.confirmation.ask({
      title: this.i18n.t('webhooks.deleteTitle'),
      message: this.i18n.t('webhooks.deleteText', { url: webhook.url }),
      confirmLabel: this.i18n.t('webhooks.delete'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: () => this.store.deleteWebhook(webhook.id),
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
    if (done) {
      if (this.created()?.id === webhook.id) this.created.set(null);
      this.notifier.success(this.i18n.t('webhooks.deleted'), { focus: true });
    }
  }

  protected async deliveries(webhook: Webhook): Promise<void> {
    try {
      await this.store.showDeliveries(this.store.openId() === webhook.id ? null : webhook.id);
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    }
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.languageTag(), { dateStyle: 'medium' }).format(new Date(iso));
  }
}
