import { DOCUMENT, DestroyRef, type Signal, inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { EMPTY, debounceTime, filter, switchMap } from 'rxjs';
import { LiveEventsClient } from './live-events';

/** Live events refresh at once; polling only backs them up (e.g. a proxy that drops SSE). */
const POLL_MS = 60_000;
/** Several changes in a burst (a colleague booking a row of desks) cost one refetch. */
const LIVE_DEBOUNCE_MS = 300;

/**
 * Keeps a page's data current: calls `refresh` on every live (re)connect, on booking changes of
 * the date shown, when the tab becomes visible again, and once a minute as a fallback.
 * Call in an injection context (a constructor); everything stops when the page is destroyed.
 */
export function refreshOnLiveChanges(options: {
  scope: Signal<{ floorId: string } | { buildingId: string } | null>;
  date: Signal<string | null>;
  refresh: () => void;
}): void {
  const document = inject(DOCUMENT);
  const live = inject(LiveEventsClient);
  const poll = setInterval(options.refresh, POLL_MS);
  const onVisibility = () => options.refresh();
  document.addEventListener('visibilitychange', onVisibility);
  const subscription = toObservable(options.scope)
    .pipe(
      switchMap((scope) => (scope ? live.changes(scope) : EMPTY)),
      filter((e) => {
        const date = options.date();
        if (e.type === 'booking') return e.date === date;
        if (e.type === 'availability') return !!date && e.from <= date && date <= e.to;
        return true;
      }),
      debounceTime(LIVE_DEBOUNCE_MS),
    )
    .subscribe(() => options.refresh());
  inject(DestroyRef).onDestroy(() => {
    clearInterval(poll);
    subscription.unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
  });
}
