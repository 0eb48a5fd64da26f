import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { BehaviorSubject, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import pg from 'pg';
import { DATABASE_INFO, type DatabaseInfo } from '../database/database';
import { onEveryPoolClient } from '../database/pool-guard';
import type { LiveNotification } from './event-visibility';

export const EVENTS_CHANNEL = 'flexdesk_events';
/** Messages were written to the outbox (migration AddNotificationOutbox): dispatchers wake up. */
export const OUTBOX_CHANNEL = 'flexdesk_outbox';
/** A session or its person changed (migration AddSessionChangeNotices): kept sessions are dropped. */
export const SESSIONS_CHANNEL = 'flexdesk_sessions';
const RECONNECT_MS = [250, 1000, 2000, 5000];

export interface SessionChange {
  people: string;
  committed: boolean;
}

/**
 * Fans the database's `flexdesk_events` notifications out to this instance's SSE clients.
 * Every instance LISTENs on its own connection, so a booking made through any instance reaches
 * clients connected to all of them; nothing is kept in memory that another instance needs.
 */
@Injectable()
export class LiveEventsHub implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveEventsHub.name);
  readonly events$ = new Subject<LiveNotification>();
  /** A commit wrote outbox messages (or the listener reconnected and may have missed some). */
  readonly outbox$ = new Subject<void>();
  /**
   * People whose sessions changed (comma-separated ids, or `*` for anyone): `committed` from the
   * NOTIFY every instance hears after the commit, not yet from the NOTICE the connection making the
   * change gets as its statement runs (see migration AddSessionChangeNotices).
   */
  readonly sessionChanges$ = new Subject<SessionChange>();
  /**
   * Whether every session change is heard now: false while the listener is down, so that nothing is
   * kept that a missed notice should have dropped (see auth/session-cache.ts).
   */
  readonly hearsSessionChanges$ = new BehaviorSubject<boolean>(false);
  /** Completes when the app shuts down, so open event streams end and HTTP can close. */
  readonly shutdown$ = new Subject<void>();
  private listener: pg.Client | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.hearNoticesOfPool();
    if (this.database.embedded) {
      this.listenOnPool();
      this.hearsSessionChanges$.next(true);
    } else {
      await this.listenOnOwnConnection(0);
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.shutdown$.next();
    this.shutdown$.complete();
    this.events$.complete();
    this.outbox$.complete();
    this.hearsSessionChanges$.next(false);
    this.sessionChanges$.complete();
    this.listener?.end().catch(() => undefined);
  }

  private dispatch(n: pg.Notification): void {
    if (n.channel === EVENTS_CHANNEL) this.publish(n.payload);
    else if (n.channel === OUTBOX_CHANNEL && !this.stopping) this.outbox$.next();
    else if (n.channel === SESSIONS_CHANNEL && !this.stopping)
      this.sessionChanges$.next({ people: n.payload || '*', committed: true });
  }

  private publish(payload: string | undefined): void {
    if (!payload) return;
    try {
      this.events$.next(JSON.parse(payload) as LiveNotification);
    } catch {
      this.logger.warn(`ignored a malformed event: ${payload.slice(0, 200)}`);
    }
  }

  /** Server: a dedicated connection outside the pool, re-established after any failure. */
  private async listenOnOwnConnection(attempt: number): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (n) => this.dispatch(n));
    client.on('error', (e) => this.logger.warn(`event listener connection failed: ${e.message}`));
    client.on('end', () => {
      if (this.stopping || this.listener !== client) return;
      this.listener = null;
      this.hearsSessionChanges$.next(false);
      void this.retry(0);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
      this.listener = client;
      this.hearsSessionChanges$.next(true);
      // Anything committed while we were not listening is unknown: clients refetch.
      if (attempt > 0) {
        this.events$.next({ type: 'resync' });
        this.outbox$.next();
      }
    } catch (e) {
      await client.end().catch(() => undefined);
      if (attempt === 0 && !this.stopping) throw e;
      await this.retry(attempt);
    }
  }

  private async retry(attempt: number): Promise<void> {
    if (this.stopping) return;
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
    await new Promise((r) => setTimeout(r, delay));
    await this.listenOnOwnConnection(attempt + 1);
  }

  /**
   * Embedded: PGlite is one backend session behind a single pooled connection, and its socket
   * delivers notifications on that connection only, with the response of the statement that
   * caused them. So the pool's client listens, and re-listens whenever the pool reconnects.
   */
  private listenOnPool(): void {
    const listen = [EVENTS_CHANNEL, OUTBOX_CHANNEL, SESSIONS_CHANNEL].map((c) => `LISTEN ${c}`).join('; ');
    onEveryPoolClient(this.dataSource, (client) => {
      client.on('notification', (n) => this.dispatch(n));
      client.query(listen).catch((e: Error) => this.logger.warn(`LISTEN failed: ${e.message}`));
    });
  }

  /** The NOTICE a connection gets as it changes someone's sessions, before its statement returns. */
  private hearNoticesOfPool(): void {
    onEveryPoolClient(this.dataSource, (client) =>
      client.on('notice', (n) => {
        if (n.message === SESSIONS_CHANNEL && n.detail && !this.stopping)
          this.sessionChanges$.next({ people: n.detail, committed: false });
      }),
    );
  }
}
