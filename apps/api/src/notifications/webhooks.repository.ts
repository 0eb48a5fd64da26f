import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Webhook, WebhookEventType } from '@flexdesk/shared-contracts';

const COLUMNS = `id, url, event_types AS "eventTypes", active, created_at AS "createdAt"`;
type WebhookRow = Omit<Webhook, 'createdAt'> & { createdAt: Date };
const toWebhook = (r: WebhookRow): Webhook => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Registered webhook endpoints. The secret leaves this class only for signing and once at creation. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Webhook[]> {
    const rows: WebhookRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM webhooks ORDER BY created_at, id`);
    return rows.map(toWebhook);
  }

  async find(id: string): Promise<Webhook | null> {
    const rows: WebhookRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM webhooks WHERE id = $1`, [id]);
    return rows[0] ? toWebhook(rows[0]) : null;
  }

  async findSecret(id: string): Promise<{ url: string; secret: string; active: boolean } | null> {
    const rows = await this.dataSource.query(`SELECT url, secret, active FROM webhooks WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async create(url: string, eventTypes: WebhookEventType[], secret: string, actorId: string): Promise<Webhook> {
    const rows: WebhookRow[] = await this.dataSource.query(
      `INSERT INTO webhooks (url, event_types, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [url, eventTypes, secret, actorId],
    );
    return toWebhook(rows[0]);
  }

  /** Removes the endpoint and its delivery log. */
  async delete(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM webhooks WHERE id = $1`, [id]);
    return Number(count) > 0;
  }
}
