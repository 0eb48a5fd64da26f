import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per (booking, sequence, kind): a resend after a crash is recognisably the same mail. */
  messageId: string;
  headers: Record<string, string>;
  /** An iMIP part (RFC 6047): the calendar's METHOD and the .ics text. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
}

/** The SMTP door. Without `SMTP_URL` there is none, and the start log says so once. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = config.notifications.smtpUrl;
    // STARTTLS is used whenever the server offers it (nodemailer's default for smtp://).
    this.transport = url ? nodemailer.createTransport(url) : null;
    if (!url) this.logger.log('SMTP_URL is not set: no e-mail will be sent (webhooks still are)');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('no SMTP server configured');
    await this.transport.sendMail({
      from: this.config.notifications.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
      ...(mail.calendar
        ? {
            icalEvent: {
              method: mail.calendar.method,
              content: mail.calendar.content,
              filename: mail.calendar.filename,
            },
          }
        : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
