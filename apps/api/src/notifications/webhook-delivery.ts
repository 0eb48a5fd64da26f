import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Outcome } from './dispatcher.service';
import type { ClaimedMessage } from './outbox.repository';
import { refusedAddress, refusedUrl } from './webhook-address';
import { WebhooksRepository } from './webhooks.repository';

const TIMEOUT_MS = 10_000;

/**
 * Delivers a webhook message per the Standard Webhooks spec: `webhook-id` (the outbox row, the same
 * on every retry), `webhook-timestamp`, `webhook-signature` (HMAC-SHA256 with the endpoint's
 * `whsec_` secret), body `{ type, timestamp, data }`. Any 2xx is success; redirects are not followed.
 * Every address the host name resolves to is checked at connect time, so neither DNS nor a
 * rebinding answer can point a delivery at a link-local, metadata or (without
 * WEBHOOK_ALLOW_INSECURE) loopback address.
 */
@Injectable()
export class WebhookDelivery {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
  ) {}

  async deliver(m: ClaimedMessage): Promise<Outcome> {
    const hook = m.webhookId ? await this.webhooks.findSecret(m.webhookId) : null;
    if (!hook || !hook.active) return { skipped: 'webhook removed or inactive' };
    const allowInsecure = this.config.notifications.webhookAllowInsecure;
    const refused = refusedUrl(hook.url, allowInsecure);
    if (refused) return { failed: `URL refused: ${refused}`, permanent: true };
    const body = JSON.stringify({ type: m.kind, timestamp: m.createdAt.toISOString(), data: m.payload });
    const now = new Date();
    const signature = new Webhook(hook.secret).sign(m.id, now, body);
    const status = await post(
      hook.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Flexdesk-Webhooks',
        'webhook-id': m.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      guardedLookup(allowInsecure),
    );
    if (status >= 200 && status < 300) return { sent: true, note: `HTTP ${status}` };
    if (status >= 300 && status < 400) return { failed: `HTTP ${status}: redirects are not followed` };
    return { failed: `HTTP ${status}` };
  }
}

/** dns.lookup, refusing any answer that names a forbidden address. */
export function guardedLookup(allowInsecure: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.map((a) => refusedAddress(a.address, allowInsecure)).find(Boolean);
      if (bad || !addresses.length) return callback(new Error(`address refused: ${bad ?? 'none found'}`), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function post(url: string, body: string, headers: Record<string, string>, lookup: LookupFunction): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
