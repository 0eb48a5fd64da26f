import { TestBed } from '@angular/core/testing';
import { EVENT_SOURCE_FACTORY, LiveEventsClient, type LiveSignal } from './live-events';

/** A stand-in for the browser's EventSource: the network is outside our control in unit tests. */
class FakeEventSource extends EventTarget {
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  emit(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  close() {
    this.closed = true;
  }
}

describe('LiveEventsClient', () => {
  let created: FakeEventSource[];
  beforeEach(() => {
    created = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string) => {
            const s = new FakeEventSource(url);
            created.push(s);
            return s as unknown as EventSource;
          },
        },
      ],
    });
  });

  it('opens a filtered stream, relays ready and change frames, and closes on unsubscribe', () => {
    const got: LiveSignal[] = [];
    const sub = TestBed.inject(LiveEventsClient).changes({ floorId: 'f-1' }).subscribe((s) => got.push(s));
    expect(created[0].url).toBe('/api/events?floorId=f-1');
    created[0].emit('ready', '{}');
    created[0].emit('change', JSON.stringify({ type: 'booking', spaceId: 's-1', floorId: 'f-1', date: '2026-12-08', status: 'confirmed' }));
    created[0].emit('change', 'not json');
    created[0].emit('ping', '');
    expect(got).toEqual([
      { type: 'ready' },
      { type: 'booking', spaceId: 's-1', floorId: 'f-1', date: '2026-12-08', status: 'confirmed' },
    ]);
    sub.unsubscribe();
    expect(created[0].closed).toBe(true);
  });

  it('completes at once where the browser has no EventSource', () => {
    TestBed.overrideProvider(EVENT_SOURCE_FACTORY, { useValue: () => null });
    let completed = false;
    TestBed.inject(LiveEventsClient).changes({}).subscribe({ complete: () => (completed = true) });
    expect(completed).toBe(true);
  });
});
