import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import type { Building, BuildingSummary, Me } from '@flexdesk/shared-contracts';
import { SessionStore, apiInterceptor } from '@flexdesk/client-data-access';
import { of } from 'rxjs';
import { BookStore } from './book.store';
import { preferencesKey } from './book-preferences';

const summary = (id: string, name: string): BuildingSummary => ({
  id,
  name,
  address: '',
  timeZone: 'Europe/Berlin',
  floors: [{ id: `${id}-eg`, buildingId: id, name: 'EG', level: 0, spaceCount: 1 }],
});
const BUILDINGS = [summary('london', 'London'), summary('rathaus', 'Rathaus')];
const building = (id: string): Building => ({
  ...summary(id, id),
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, open: '07:00', close: '19:00' })),
  midday: '12:00',
  closures: [],
  policies: {
    desk: { horizonDays: 7 } as Building['policies']['desk'],
    room: { horizonDays: 7 } as Building['policies']['room'],
    parking: { horizonDays: 7 } as Building['policies']['parking'],
  },
});

const ME = { id: 'u1', homeBuildingId: 'rathaus', suggestedHomeBuildingId: null, defaultFloorId: null } as Me;

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }
}

describe('BookStore', () => {
  let backend: HttpTestingController;

  function setUp(options: { wide: boolean; me?: Me | null; now: string }) {
    jest.useFakeTimers({
      now: new Date(options.now),
      doNotFake: ['setTimeout', 'clearTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'],
    });
    TestBed.configureTestingModule({
      providers: [
        BookStore,
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { me: () => options.me ?? ME } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: options.wide, breakpoints: {} }) } },
        { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap({}) } } },
        { provide: Router, useValue: { navigate: jest.fn() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    return TestBed.inject(BookStore);
  }

  async function load(store: BookStore, buildingId: string) {
    await settle();
    backend.expectOne('/api/buildings').flush(BUILDINGS);
    await settle();
    backend.expectOne(`/api/buildings/${buildingId}`).flush(building(buildingId));
    backend.expectOne(`/api/floors/${buildingId}-eg`);
    await settle();
    return store;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => jest.useRealTimers());

  it('opens on the home building, not the first in the list, and on the plan where there is room', async () => {
    // Monday 2026-05-04, 10:00 in Berlin.
    const store = await load(setUp({ wide: true, now: '2026-05-04T08:00:00Z' }), 'rathaus');
    expect(store.buildingId()).toBe('rathaus');
    expect(store.view()).toBe('plan');
    expect(store.date()).toBe('2026-05-04');
  });

  it('opens a receptionist without a home building on a building where they see the names', async () => {
    const receptionist = { ...ME, homeBuildingId: null, receptionBuildingIds: ['rathaus'] } as Me;
    const store = await load(setUp({ wide: true, now: '2026-05-04T08:00:00Z', me: receptionist }), 'rathaus');
    expect(store.buildingId()).toBe('rathaus');
  });

  it('starts with the list on a narrow screen', async () => {
    const store = await load(setUp({ wide: false, now: '2026-05-04T08:00:00Z' }), 'rathaus');
    expect(store.view()).toBe('list');
  });

  it('after closing time defaults to the next open day (Friday evening: Monday)', async () => {
    const store = await load(setUp({ wide: true, now: '2026-05-08T17:30:00Z' }), 'rathaus');
    expect(store.bookableDates()[0]).toBe('2026-05-11');
    expect(store.date()).toBe('2026-05-11');
  });

  it("remembers the person's view, building and day across visits", async () => {
    const store = await load(setUp({ wide: true, now: '2026-05-04T08:00:00Z' }), 'rathaus');
    store.setView('list');
    store.selectDate('2026-05-06');
    store.selectBuilding('london');
    expect(JSON.parse(localStorage.getItem(preferencesKey('u1')) ?? '{}')).toMatchObject({
      view: 'list',
      date: '2026-05-06',
      buildingId: 'london',
    });
    TestBed.resetTestingModule();

    const again = await load(setUp({ wide: true, now: '2026-05-04T09:00:00Z' }), 'london');
    expect(again.view()).toBe('list');
    expect(again.buildingId()).toBe('london');
    expect(again.date()).toBe('2026-05-06');
    // Another person on the same device starts from their own defaults.
    TestBed.resetTestingModule();
    const other = await load(setUp({ wide: true, now: '2026-05-04T09:00:00Z', me: { ...ME, id: 'u2' } }), 'rathaus');
    expect(other.view()).toBe('plan');
  });

  it('forgets a remembered day that has passed', async () => {
    localStorage.setItem(preferencesKey('u1'), JSON.stringify({ date: '2026-05-01' }));
    const store = await load(setUp({ wide: true, now: '2026-05-04T08:00:00Z' }), 'rathaus');
    expect(store.date()).toBe('2026-05-04');
  });
});
