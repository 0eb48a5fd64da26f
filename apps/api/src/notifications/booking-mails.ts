import { Inject, Injectable } from '@nestjs/common';
import { API_PREFIX, API_ROUTES, NOTIFICATION_KINDS, type NotificationKind } from '@flexdesk/shared-contracts';
import { bookingUid, inviteFilename, inviteIcs } from '../calendar/ics';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { renderAccountMail, renderBookingMail } from './mail-templates';
import { Mailer } from './mailer';
import type { Outcome } from './dispatcher.service';
import { OutboxRepository, type ClaimedMessage } from './outbox.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Kinds that end the booking in calendars (iMIP CANCEL) rather than put it there (REQUEST). */
const ENDING: readonly NotificationKind[] = ['booking_cancelled', 'booking_released'];

/** Turns a claimed booking message into the e-mail to its recipient, and sends it. */
@Injectable()
export class BookingMails {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly tokens: UnsubscribeTokens,
    private readonly clock: Clock,
  ) {}

  async send(m: ClaimedMessage): Promise<Outcome> {
    if (m.kind === 'account_invite' || m.kind === 'password_reset') return this.sendAccountMail(m, m.kind);
    const kind = m.kind as NotificationKind;
    if (
      !(NOTIFICATION_KINDS as readonly string[]).includes(kind) ||
      !m.bookingId ||
      !m.recipientId ||
      m.sequence === null
    ) {
      return { failed: `unknown mail kind ${m.kind}`, permanent: true };
    }
    const ctx = await this.outbox.bookingMailContext(m.bookingId, m.recipientId);
    if (!ctx) return { skipped: 'booking or person gone' };
    if (!ctx.active) return { skipped: 'person deactivated' };
    if (ctx.preferences[kind] === false) return { skipped: 'switched off by the person' };
    // A confirmation overtaken by a later change (cancelled before it left) would only confuse:
    // the later change's own mail follows.
    if (!ENDING.includes(kind) && ctx.currentSequence > m.sequence) return { skipped: 'superseded by a later change' };

    const cause = typeof m.payload['cause'] === 'string' ? m.payload['cause'] : null;
    const actorId = typeof m.payload['actorId'] === 'string' ? m.payload['actorId'] : null;
    const base = this.config.publicUrl;
    const unsubscribeUrl = `${base}/${API_PREFIX}/${API_ROUTES.unsubscribe}?token=${await this.tokens.sign(m.recipientId, kind)}`;
    const locale = ctx.locale;
    const rendered = renderBookingMail(locale, {
      kind,
      cause,
      byOther: !!actorId && actorId !== m.recipientId,
      recipientName: ctx.displayName,
      spaceKind: ctx.spaceKind,
      spaceLabel: ctx.spaceLabel,
      floorName: ctx.floorName,
      buildingName: ctx.buildingName,
      timeZone: ctx.timeZone,
      start: ctx.start,
      end: ctx.end,
      graceMinutes: ctx.graceMinutes,
      bookingsUrl: `${base}/bookings`,
      unsubscribeUrl,
    });
    const ending = ENDING.includes(kind);
    // The invite of this very change: the sequence the outbox row was written with, so a late send
    // never claims a newer state than the one it announces. Same UID and SEQUENCE as the .ics download.
    const calendar =
      kind === 'checkin_reminder'
        ? undefined
        : {
            method: ending ? ('CANCEL' as const) : ('REQUEST' as const),
            filename: inviteFilename(ctx.spaceLabel, ctx.start.toISOString().slice(0, 10)),
            content: inviteIcs(
              {
                id: ctx.bookingId,
                spaceKind: ctx.spaceKind,
                spaceLabel: ctx.spaceLabel,
                floorName: ctx.floorName,
                buildingName: ctx.buildingName,
                timeZone: ctx.timeZone,
                start: ctx.start,
                end: ctx.end,
                status: ending ? 'cancelled' : 'confirmed',
                sequence: m.sequence,
                createdAt: ctx.createdAt,
                booker: { email: ctx.email, displayName: ctx.displayName },
                seriesId: ctx.seriesId,
              },
              locale,
              this.clock.now(),
            ),
          };
    await this.mailer.send({
      to: ctx.email,
      ...rendered,
      messageId: messageIdFor(m.bookingId, m.sequence, kind, base),
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
        'X-Flexdesk-Booking': bookingUid(ctx.bookingId),
      },
      calendar,
    });
    return { sent: true };
  }

  /** Invitation or password reset: not optional, no unsubscribe, no calendar. */
  private async sendAccountMail(m: ClaimedMessage, purpose: 'account_invite' | 'password_reset'): Promise<Outcome> {
    const url = m.payload['url'];
    const expiresAt = new Date(String(m.payload['expiresAt']));
    if (typeof url !== 'string' || !m.recipientId) return { failed: 'the link is no longer there', permanent: true };
    if (expiresAt.getTime() <= Date.now()) return { skipped: 'the link has expired' };
    const person = await this.outbox.recipient(m.recipientId);
    if (!person?.active) return { skipped: 'person gone or deactivated' };
    await this.mailer.send({
      to: person.email,
      ...renderAccountMail(person.locale, { purpose, recipientName: person.displayName, url, expiresAt }),
      messageId: accountMessageId(m.id, this.config.publicUrl),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { sent: true };
  }
}

/** Stable per message: a resend is the same mail. */
function accountMessageId(id: string, publicUrl: string): string {
  return `<${id}@${new URL(publicUrl).hostname || 'flexdesk.invalid'}>`;
}

/** `<booking.sequence.kind@host>`: the same for every attempt at one message, different for any other. */
export function messageIdFor(bookingId: string, sequence: number, kind: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'flexdesk.invalid';
  return `<${bookingId}.${sequence}.${kind}@${host}>`;
}
