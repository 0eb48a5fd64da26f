import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Subscription, asyncScheduler, throttleTime } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsHub } from '../events/live-events.hub';
import { BookingMails } from './booking-mails';
import { Mailer } from './mailer';
import { OutboxRepository, type ClaimedMessage } from './outbox.repository';
import { WebhookDelivery } from './webhook-delivery';

/** Backoff never waits longer than this between two attempts. */
const MAX_DELAY_SECONDS = 6 * 3600;
/** Even with nothing due, look again this often (a wake-up lost with a dropped connection). */
const IDLE_POLL_MS = 30_000;
/**
 * Wake-ups from commits are taken at most this often (the first at once, the rest of a burst
 * together at the end of the window): at hundreds of bookings a second, every commit's NOTIFY
 * started another round of claims, a few queries each, mostly finding nothing new.
 */
const WAKE_WINDOW_MS = 50;

export type Outcome = { sent: true; note?: string } | { skipped: string } | { failed: string; permanent?: boolean };

/**
 * Sends what the outbox holds. Every instance runs one: each message is claimed by one of them at a
 * time (`FOR UPDATE SKIP LOCKED`), sent, and settled; failures are retried with exponential backoff
 * and parked after `NOTIFY_MAX_ATTEMPTS`. It wakes when a commit writes messages (NOTIFY on
 * `flexdesk_outbox`), when the next retry is due, and on the jobs timer.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private subscription: Subscription | null = null;
  private readonly channels: readonly string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly hub: LiveEventsHub,
    private readonly mailer: Mailer,
    private readonly bookingMails: BookingMails,
    private readonly webhooks: WebhookDelivery,
  ) {
    this.channels = mailer.enabled ? ['mail', 'webhook'] : ['webhook'];
  }

  onApplicationBootstrap(): void {
    this.subscription = this.hub.outbox$
      .pipe(throttleTime(WAKE_WINDOW_MS, asyncScheduler, { leading: true, trailing: true }))
      .subscribe(() => void this.wake());
    // What waited while no instance ran goes out shortly after start (not during the start's own work).
    this.timer = setTimeout(() => void this.wake(), 2000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    // A send in flight may hang on a dead mail server: its lease brings it back to another instance,
    // so shutdown does not wait for it long.
    await Promise.race([this.draining?.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  /** The jobs timer: reminders that came due at `now` are written, then everything due is sent. */
  async tick(now: Date): Promise<number> {
    const reminders = await this.outbox.writeDueReminders(now);
    if (reminders) this.logger.log(`${reminders} check-in reminder(s) due`);
    await this.wake();
    return reminders;
  }

  /** Sends everything due now; resolves when the outbox has nothing due (or on shutdown). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((e) => {
        // A query cut short by shutdown is no failure: the message stays due for the next start.
        // The timer tries again: an unreachable database is the health check's news, not ours.
        if (!this.stopped)
          this.logger.warn(`outbox dispatch interrupted: ${e instanceof Error ? e.message : String(e)}`);
        void this.scheduleNext();
      })
      .finally(() => {
        this.draining = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.wake();
        }
      });
    return this.draining;
  }

  private async drain(): Promise<void> {
    if (!this.mailer.enabled) {
      const skipped = await this.outbox.skipPendingMail();
      if (skipped) this.logger.debug(`skipped ${skipped} mail(s): no SMTP server`);
    }
    // A few senders side by side (each message is still taken by one of them alone), so one slow
    // mail server answer or webhook endpoint does not hold up the rest.
    const workers = Array.from({ length: this.config.notifications.concurrency }, () => this.work());
    await Promise.all(workers);
    await this.scheduleNext();
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      this.again = false;
      const message = await this.outbox.claim(this.config.notifications.leaseSeconds, this.channels);
      if (!message) return;
      await this.handle(message);
    }
  }

  private async handle(message: ClaimedMessage): Promise<void> {
    let outcome: Outcome;
    try {
      outcome =
        message.channel === 'mail' ? await this.bookingMails.send(message) : await this.webhooks.deliver(message);
    } catch (e) {
      outcome = { failed: e instanceof Error ? e.message : String(e) };
    }
    if ('sent' in outcome) return this.outbox.markSent(message.id, 'sent', outcome.note ?? null);
    if ('skipped' in outcome) return this.outbox.markSent(message.id, 'skipped', outcome.skipped);
    const park = outcome.permanent || message.attempts >= this.config.notifications.maxAttempts;
    const delay = retryDelaySeconds(this.config.notifications.retrySeconds, message.attempts);
    if (park)
      this.logger.warn(
        `parked ${message.channel} message ${message.id} after ${message.attempts} attempt(s): ${outcome.failed}`,
      );
    await this.outbox.markFailed(message.id, outcome.failed, delay, park);
  }

  /** Sleeps until the next retry is due (at most IDLE_POLL_MS). */
  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    const seconds = await this.outbox.secondsUntilNextDue(this.channels).catch(() => null);
    if (this.timer) clearTimeout(this.timer);
    const ms = seconds === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(50, Math.ceil(seconds * 1000)));
    this.timer = setTimeout(() => void this.wake(), ms);
    this.timer.unref();
  }
}

/** Exponential backoff: `base`, 2×, 4×, … after the first, second, third failed attempt; capped. */
export function retryDelaySeconds(base: number, attempts: number): number {
  return Math.min(MAX_DELAY_SECONDS, base * 2 ** Math.max(0, attempts - 1));
}
