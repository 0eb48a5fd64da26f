import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { LIVE_EVENT_CHANGE, LIVE_EVENT_READY, type LiveEvent } from '@flexdesk/shared-contracts';
import { apiUrl } from '../http/api-url';

/** What a live stream delivers: a change, or `ready` after every (re)connect (refetch then). */
export type LiveSignal = LiveEvent | { type: 'ready' };

export type EventSourceFactory = (url: string) => EventSource | null;

/** Overridable in tests; null where the browser has no EventSource (then pages fall back to polling). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url) => (typeof EventSource === 'undefined' ? null : new EventSource(url)),
});

/**
 * Server-sent booking changes (`GET /api/events`). The browser's EventSource reconnects by itself;
 * each reconnect yields `ready`, on which callers refetch to catch up on what they missed.
 */
@Injectable({ providedIn: 'root' })
export class LiveEventsClient {
  private readonly create = inject(EVENT_SOURCE_FACTORY);

  changes(filter: { floorId?: string; buildingId?: string }): Observable<LiveSignal> {
    const params = new URLSearchParams();
    if (filter.floorId) params.set('floorId', filter.floorId);
    if (filter.buildingId) params.set('buildingId', filter.buildingId);
    const query = params.toString();
    const url = `${apiUrl('events')}${query ? `?${query}` : ''}`;
    return new Observable<LiveSignal>((subscriber) => {
      const source = this.create(url);
      if (!source) {
        subscriber.complete();
        return undefined;
      }
      const onReady = () => subscriber.next({ type: 'ready' });
      const onChange = (e: MessageEvent<string>) => {
        try {
          subscriber.next(JSON.parse(e.data) as LiveEvent);
        } catch {
          /* a malformed frame is skipped; the next `ready` refetches anyway */
        }
      };
      source.addEventListener(LIVE_EVENT_READY, onReady);
      source.addEventListener(LIVE_EVENT_CHANGE, onChange as EventListener);
      return () => source.close();
    });
  }
}
