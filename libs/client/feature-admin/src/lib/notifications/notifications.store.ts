import { Injectable, computed, inject, signal } from '@angular/core';
import type { CreateWebhookRequest, CreatedWebhook, OutboxMessage, Webhook } from '@flexdesk/shared-contracts';
import { NotificationsAdminApi } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';

/**
 * Messages that could not be sent (parked after the last attempt) and pending ones whose last attempt
 * failed; the webhook endpoints and the delivery log of the one opened.
 */
@Injectable()
export class NotificationsStore {
  private readonly api = inject(NotificationsAdminApi);

  readonly parked = signal<OutboxMessage[]>([]);
  readonly failing = signal<OutboxMessage[]>([]);
  readonly webhooks = signal<Webhook[]>([]);
  readonly openId = signal<string | null>(null);
  readonly deliveries = signal<OutboxMessage[]>([]);
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);
  readonly open = computed(() => this.webhooks().find((w) => w.id === this.openId()) ?? null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [parked, pending, webhooks] = await Promise.all([
        firstValueFrom(this.api.messages('parked')),
        firstValueFrom(this.api.messages('pending')),
        firstValueFrom(this.api.webhooks()),
      ]);
      this.parked.set(parked);
      this.failing.set(pending.filter((m) => m.lastError !== null));
      this.webhooks.set(webhooks);
    } catch (e) {
      this.error.set(e);
    } finally {
      this.loading.set(false);
    }
  }

  /** Back into the queue for another attempt now; the message leaves both lists. */
  async retry(id: string): Promise<OutboxMessage> {
    const message = await firstValueFrom(this.api.retry(id));
    this.drop(id);
    return message;
  }

  async discard(id: string): Promise<void> {
    await firstValueFrom(this.api.discard(id));
    this.drop(id);
  }

  async createWebhook(input: CreateWebhookRequest): Promise<CreatedWebhook> {
    const created = await firstValueFrom(this.api.createWebhook(input));
    // The secret stays with the answer only, not in the list that lives as long as the page.
    const webhook: Webhook = {
      id: created.id,
      url: created.url,
      eventTypes: created.eventTypes,
      active: created.active,
      createdAt: created.createdAt,
    };
    this.webhooks.update((list) => [...list, webhook]);
    return created;
  }

  async deleteWebhook(id: string): Promise<void> {
    await firstValueFrom(this.api.deleteWebhook(id));
    this.webhooks.update((list) => list.filter((w) => w.id !== id));
    if (this.openId() === id) this.openId.set(null);
  }

  /** Opens the delivery log of one endpoint (or closes it with `null`). */
  async showDeliveries(id: string | null): Promise<void> {
    this.openId.set(id);
    this.deliveries.set([]);
    if (!id) return;
    try {
      const deliveries = await firstValueFrom(this.api.deliveries(id));
      if (this.openId() === id) this.deliveries.set(deliveries);
    } catch (e) {
      if (this.openId() === id) this.openId.set(null);
      throw e;
    }
  }

  private drop(id: string): void {
    this.parked.update((list) => list.filter((m) => m.id !== id));
    this.failing.update((list) => list.filter((m) => m.id !== id));
  }
}
