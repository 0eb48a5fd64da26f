import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '@flexdesk/shared-contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One-click unsubscribe links: `<person>.<kind>.<HMAC>`, signed with a key that every instance
 * reads from the database (made on first use), so a link works whichever instance answers and
 * names nothing but the person's id and the kind.
 */
@Injectable()
export class UnsubscribeTokens {
  private key: Promise<string> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async sign(userId: string, kind: NotificationKind): Promise<string> {
    return `${userId}.${kind}.${this.mac(await this.secret(), `${userId}.${kind}`)}`;
  }

  /** The person and kind a token unsubscribes, or null if it is not one of ours. */
  async verify(token: string): Promise<{ userId: string; kind: NotificationKind } | null> {
    const [userId, kind, mac] = token.split('.');
    if (!userId || !UUID.test(userId) || !(NOTIFICATION_KINDS as readonly string[]).includes(kind) || !mac) return null;
    const expected = Buffer.from(this.mac(await this.secret(), `${userId}.${kind}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, kind: kind as NotificationKind };
  }

  private mac(key: string, text: string): string {
    return createHmac('sha256', key).update(text).digest('base64url');
  }

  private secret(): Promise<string> {
    this.key ??= (async () => {
      await this.dataSource.query(
        `INSERT INTO app_secrets (name, value) VALUES ('unsubscribe', $1) ON CONFLICT (name) DO NOTHING`,
        [randomBytes(32).toString('hex')],
      );
      const [row]: { value: string }[] = await this.dataSource.query(
        `SELECT value FROM app_secrets WHERE name = 'unsubscribe'`,
      );
      return row.value;
    })().catch((e) => {
      this.key = null;
      throw e;
    });
    return this.key;
  }
}
