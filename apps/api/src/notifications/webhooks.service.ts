import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { CreatedWebhook, CreateWebhookRequest, OutboxMessage, Webhook } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxRepository } from './outbox.repository';
import { refusedAddress, refusedUrl } from './webhook-address';
import { WebhooksRepository } from './webhooks.repository';

const DELIVERY_LOG_LIMIT = 100;

/** Webhook endpoints: registered by admins, checked against SSRF rules, secret shown once. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  list(): Promise<Webhook[]> {
    return this.webhooks.list();
  }

  /**
   * The URL is checked as written and, for a host name, against what it resolves to now; each
   * delivery checks again at connect time (DNS may change).
   */
  async create(user: AuthUser, req: CreateWebhookRequest): Promise<CreatedWebhook> {
    const url = req.url.trim();
    const allowInsecure = this.config.notifications.webhookAllowInsecure;
    const refused = refusedUrl(url, allowInsecure) ?? (await this.refusedByDns(url, allowInsecure));
    if (refused) throw new DomainError('WEBHOOK_URL_REFUSED', { reason: refused });
    // Standard Webhooks secret format: whsec_ and 24 random bytes in base64.
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const hook = await this.webhooks.create(url, [...new Set(req.eventTypes)], secret, user.id);
    return { ...hook, secret };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.webhooks.delete(id))) throw new DomainError('WEBHOOK_NOT_FOUND');
  }

  async deliveries(id: string): Promise<OutboxMessage[]> {
    if (!(await this.webhooks.find(id))) throw new DomainError('WEBHOOK_NOT_FOUND');
    return this.outbox.listForWebhook(id, DELIVERY_LOG_LIMIT);
  }

  private async refusedByDns(url: string, allowInsecure: boolean): Promise<string | null> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    try {
      const addresses = await lookup(host, { all: true });
      return addresses.map((a) => refusedAddress(a.address, allowInsecure)).find((r) => r !== null) ?? null;
    } catch {
      return `${host} does not resolve`;
    }
  }
}
