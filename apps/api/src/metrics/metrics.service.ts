import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

export type BookingEvent = 'created' | 'cancelled' | 'released';

/**
 * This instance's Prometheus metrics, on a registry of its own (several apps in one test process
 * must not share one). Counters count what this instance did; sum them over instances.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'flexdesk_http_request_duration_seconds',
    help: 'API request latency by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly bookings = new Counter({
    name: 'flexdesk_bookings_total',
    help: 'Bookings created, cancelled and released (no-shows) by this instance',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });
  private readonly streams = new Gauge({
    name: 'flexdesk_live_event_streams',
    help: 'Open live-event (server-sent events) streams',
    registers: [this.registry],
  });
  private readonly jobRuns = new Counter({
    name: 'flexdesk_job_runs_total',
    help: 'Background job runs by job and outcome (done, skipped: another instance held it, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'flexdesk_job_duration_seconds',
    help: 'Background job run time',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  constructor(@Inject(DataSource) dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'flexdesk_' });
    const pool = () => (dataSource.driver as unknown as { master?: pg.Pool }).master;
    new Gauge({
      name: 'flexdesk_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting requests)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  booking(event: BookingEvent, count = 1): void {
    if (count > 0) this.bookings.inc({ event }, count);
  }

  streamOpened(): void {
    this.streams.inc();
  }

  streamClosed(): void {
    this.streams.dec();
  }

  /** Runs and times a job; `null` from the job means another instance held its lock. */
  async job<T>(job: string, run: () => Promise<T | null>): Promise<T | null> {
    const end = this.jobDuration.startTimer({ job });
    try {
      const result = await run();
      this.jobRuns.inc({ job, outcome: result === null ? 'skipped' : 'done' });
      return result;
    } catch (e) {
      this.jobRuns.inc({ job, outcome: 'failed' });
      throw e;
    } finally {
      end();
    }
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
