import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { SeriesService } from '../bookings/series.service';
import { WaitlistService } from '../waitlist/waitlist.service';
import { Metrics } from '../metrics/metrics.service';
import { OutboxDispatcher } from '../notifications/dispatcher.service';
import { InsightsRepository } from '../insights/insights.repository';
import { JobsRepository } from './jobs.repository';

/**
 * Background jobs run by every instance on a timer, but each job's work is done by exactly one
 * instance at a time (advisory lock). State lives only in the database, so restarts and
 * downtime are caught up on the next run.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsRepository,
    private readonly series: SeriesService,
    private readonly waitlist: WaitlistService,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly outbox: OutboxDispatcher,
    private readonly insights: InsightsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsIntervalSeconds <= 0) return;
    // Jitter keeps many instances from waking in lockstep.
    const every = this.config.jobsIntervalSeconds * 1000;
    this.timer = setInterval(() => void this.tick(), every + Math.floor(Math.random() * 1000));
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = Promise.all([
      this.releaseNoShows(),
      this.purge(),
      this.extendSeries(),
      this.serveWaitlists(),
      this.sendNotifications(),
      this.flushInsights(),
    ]).catch((e) => this.logger.error('background job failed', e instanceof Error ? e.stack : String(e)));
    await this.running;
    this.running = null;
  }

  /** Returns the released booking ids, or null if another instance holds the job right now. */
  async releaseNoShows(): Promise<string[] | null> {
    const now = this.clock.now();
    const released = await this.metrics.job('release-no-shows', () => this.jobs.releaseNoShowsExclusively(now));
    if (released?.length) this.logger.log(`released ${released.length} booking(s) without check-in`);
    this.metrics.booking('released', released?.length ?? 0);
    return released?.map((r) => r.id) ?? null;
  }

  /** Writes the check-in reminders due now and sends what the outbox holds; returns the reminders written. */
  sendNotifications(): Promise<number> {
    return this.outbox.tick(this.clock.now());
  }

  /**
   * Regroups the insight rollups of the days whose bookings changed since the last run (reports
   * also do this for their building first; this keeps the work small when they do).
   */
  async flushInsights(): Promise<number> {
    return (await this.metrics.job('insight-rollups', () => this.insights.flushAll())) ?? 0;
  }

  /** Books the days that came into the horizon for every recurring series (see SeriesService). */
  async extendSeries(): Promise<number> {
    const booked = await this.series.extendDue();
    if (booked) this.logger.log(`booked ${booked} new occurrence(s) of recurring series`);
    return booked;
  }

  /** Serves every day someone waits for a space, and ends the waiting whose slot has begun (see WaitlistService). */
  async serveWaitlists(): Promise<number> {
    const booked = await this.waitlist.sweep();
    if (booked) this.logger.log(`booked ${booked} space(s) for people on the waiting list`);
    return booked;
  }

  async purge(): Promise<{ bookings: number; sessions: number; backgrounds: number } | null> {
    const now = this.clock.now();
    const result = await this.metrics.job('purge', () =>
      this.jobs.purgeExclusively(now, this.config.retentionDays, this.config.notifications.keepSentDays),
    );
    if (result && (result.bookings || result.sessions)) {
      this.logger.log(`purged personal data of ${result.bookings} booking(s) and ${result.sessions} session(s)`);
    }
    if (result?.backgrounds) this.logger.log(`deleted ${result.backgrounds} unused floor background(s)`);
    return result;
  }
}
