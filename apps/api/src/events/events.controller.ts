import { Controller, Inject, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { concat, filter, finalize, interval, map, merge, type Observable, of, takeUntil } from 'rxjs';
import { API_ROUTES, LIVE_EVENT_CHANGE, LIVE_EVENT_READY } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import type { AuthUser } from '../common/request-context';
import { ReturnsEventStream } from '../openapi/returns.decorator';
import { eventFor } from './event-visibility';
import { EventsQuery } from './events.dto';
import { LiveEventsHub } from './live-events.hub';

const HEARTBEAT_MS = 25_000;

@ApiTags('events')
@Controller()
export class EventsController {
  /** Open streams per person on this instance: one person held 1,000 before there was a cap. */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly hub: LiveEventsHub,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Server-sent events of booking changes, optionally for one floor or building. Events name
   * what changed, never who, so any signed-in person may follow any floor; each stream gets the
   * events as its user may see them (`eventFor`).
   */
  @Sse(API_ROUTES.events)
  @RequirePermission('buildings:read')
  @ReturnsEventStream()
  events(@CurrentUser() user: AuthUser, @Query() query: EventsQuery): Observable<MessageEvent> {
    const max = this.config.eventStreamsPerPerson;
    const held = this.open.get(user.id) ?? 0;
    if (held >= max) throw new DomainError('TOO_MANY_STREAMS', { max });
    this.open.set(user.id, held + 1);
    this.metrics.streamOpened();
    const changes = this.hub.events$.pipe(
      filter(
        (e) =>
          e.type === 'resync' ||
          ((!query.floorId || e.floorId === query.floorId) && (!query.buildingId || e.buildingId === query.buildingId)),
      ),
      map((e): MessageEvent => ({ type: LIVE_EVENT_CHANGE, data: eventFor(user, e) })),
    );
    // Heartbeats keep proxies from closing an idle stream and let clients notice a dead one.
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    return concat(
      of<MessageEvent>({ type: LIVE_EVENT_READY, data: { at: new Date().toISOString() }, retry: 2000 }),
      merge(changes, heartbeat),
    ).pipe(
      takeUntil(this.hub.shutdown$),
      finalize(() => {
        const left = (this.open.get(user.id) ?? 1) - 1;
        if (left > 0) this.open.set(user.id, left);
        else this.open.delete(user.id);
        this.metrics.streamClosed();
      }),
    );
  }
}
