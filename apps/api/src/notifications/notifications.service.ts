import { Injectable } from '@nestjs/common';
import {
  type Locale,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type OutboxMessage,
} from '@flexdesk/shared-contracts';
import { RateLimitRepository } from '../auth/rate-limit.repository';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { OutboxDispatcher } from './dispatcher.service';
import { OutboxRepository } from './outbox.repository';
import { PreferencesRepository } from './preferences.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Unsubscribe links are public: a few dozen clicks per address and ten minutes is plenty. */
const UNSUBSCRIBE_RATE_LIMIT = { perIpPerWindow: 30, windowSeconds: 600 };
const LIST_LIMIT = 200;

const KIND_NAMES: Record<Locale, Record<NotificationKind, string>> = {
  de: {
    booking_confirmed: 'Buchungsbestätigungen',
    booking_cancelled: 'Stornierungen',
    booking_released: 'Freigaben wegen fehlenden Eincheckens',
    checkin_reminder: 'Erinnerungen ans Einchecken',
    waitlist_booked: 'Buchungen von der Warteliste',
  },
  en: {
    booking_confirmed: 'booking confirmations',
    booking_cancelled: 'cancellations',
    booking_released: 'releases for not checking in',
    checkin_reminder: 'check-in reminders',
    waitlist_booked: 'bookings from the waiting list',
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Preferences per person, one-click unsubscribe, and the admins' view of messages that failed. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly tokens: UnsubscribeTokens,
    private readonly rateLimits: RateLimitRepository,
  ) {}

  async myPreferences(user: AuthUser): Promise<NotificationPreferences> {
    return withDefaults((await this.preferences.get(user.id)) ?? {});
  }

  async updateMyPreferences(
    user: AuthUser,
    changes: Partial<NotificationPreferences>,
  ): Promise<NotificationPreferences> {
    const known = Object.fromEntries(
      Object.entries(changes).filter(
        ([k, v]) => (NOTIFICATION_KINDS as readonly string[]).includes(k) && typeof v === 'boolean',
      ),
    );
    return withDefaults((await this.preferences.merge(user.id, known)) ?? {});
  }

  /**
   * The page an unsubscribe link opens: a button, not an action, since mail scanners open links
   * (RFC 8058: only the POST unsubscribes).
   */
  async unsubscribePage(token: string, ip: string, locale: Locale): Promise<string> {
    const { kind } = await this.checkToken(token, ip);
    const de = locale === 'de';
    const what = KIND_NAMES[locale][kind];
    return page(
      locale,
      de ? 'E-Mails abbestellen' : 'Unsubscribe',
      `<p>${escapeHtml(de ? `Keine E-Mails mehr für ${what}?` : `Stop e-mails about ${what}?`)}</p>
<form method="post"><button type="submit">${de ? 'Abbestellen' : 'Unsubscribe'}</button></form>`,
    );
  }

  /** One click (the mail client's List-Unsubscribe-Post, or the page's button): that kind is off. */
  async unsubscribe(token: string, ip: string, locale: Locale): Promise<string> {
    const { userId, kind } = await this.checkToken(token, ip);
    await this.preferences.merge(userId, { [kind]: false });
    const de = locale === 'de';
    const what = KIND_NAMES[locale][kind];
    return page(
      locale,
      de ? 'Abbestellt' : 'Unsubscribed',
      `<p>${escapeHtml(
        de
          ? `Sie erhalten keine E-Mails mehr für ${what}. In den Einstellungen von Flexdesk können Sie sie wieder einschalten.`
          : `You will no longer receive e-mails about ${what}. You can switch them on again in Flexdesk's settings.`,
      )}</p>`,
    );
  }

  listMessages(status: 'parked' | 'pending' | 'sent' = 'parked'): Promise<OutboxMessage[]> {
    return this.outbox.list(status, LIST_LIMIT);
  }

  async retry(id: string): Promise<OutboxMessage> {
    const message = await this.outbox.retry(id);
    if (!message) throw new DomainError('NOTIFICATION_NOT_FOUND');
    void this.dispatcher.wake();
    return message;
  }

  async discard(id: string): Promise<void> {
    if (!(await this.outbox.discard(id))) throw new DomainError('NOTIFICATION_NOT_FOUND');
  }

  private async checkToken(token: string, ip: string): Promise<{ userId: string; kind: NotificationKind }> {
    const { perIpPerWindow, windowSeconds } = UNSUBSCRIBE_RATE_LIMIT;
    const hit = await this.rateLimits.hit(`unsubscribe:ip:${ip}`, windowSeconds);
    if (hit.count > perIpPerWindow) {
      throw new DomainError(
        'RATE_LIMITED',
        { retryAfterSeconds: hit.retryAfterSeconds },
        { headers: { 'Retry-After': String(hit.retryAfterSeconds) } },
      );
    }
    const found = await this.tokens.verify(token);
    if (!found) throw new DomainError('UNSUBSCRIBE_LINK_INVALID');
    return found;
  }
}

function withDefaults(stored: Record<string, boolean>): NotificationPreferences {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, stored[k] !== false])) as NotificationPreferences;
}

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} – Flexdesk</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}
