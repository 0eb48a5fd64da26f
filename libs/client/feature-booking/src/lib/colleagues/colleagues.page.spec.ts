import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Colleague, ColleaguePlace, Floor, FloorAvailability, Space } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced } from '@flexdesk/client-ui/testing';
import { ColleaguesPage } from './colleagues.page';

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

const IDA: Colleague = { id: 'u9', displayName: 'Ida Meier', initials: 'IM', following: true };
const desk = (id: string, x: number): Space => ({
  id,
  floorId: 'eg',
  zoneId: null,
  kind: 'desk',
  label: id,
  x,
  y: 0,
  width: 10,
  height: 10,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
});

describe('ColleaguesPage', () => {
  let backend: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ColleaguesPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('shows where followed colleagues sit and books the nearest free desk', async () => {
    const fixture = TestBed.createComponent(ColleaguesPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    const places = backend.expectOne((r) => r.url === '/api/colleagues');
    const date = places.request.params.get('date') ?? '';
    const place: ColleaguePlace = {
      colleague: IDA,
      via: 'following',
      places: [
        {
          spaceId: 'd1',
          spaceLabel: '0.01',
          floorId: 'eg',
          floorName: 'Erdgeschoss',
          buildingId: 'b1',
          buildingName: 'Rathaus',
          start: null,
          end: null,
        },
      ],
    };
    places.flush([place]);
    backend.expectOne('/api/me/following').flush([IDA]);
    await settle(fixture);
    expect(el.textContent).toContain('Ida Meier');
    expect(el.textContent).toContain('0.01, Erdgeschoss, Rathaus · fester Platz');

    el.querySelector<HTMLButtonElement>('button[aria-label^="In der Nähe buchen: neben Ida Meier"]')?.click();
    await settle(fixture);
    const floor = { id: 'eg', spaces: [desk('d1', 0), desk('d2', 12), desk('d3', 40)] } as Floor;
    backend.expectOne('/api/floors/eg').flush(floor);
    const availability: FloorAvailability = {
      floorId: 'eg',
      date,
      open: null,
      closedReason: null,
      spaces: [
        { spaceId: 'd1', state: 'booked', bookings: [] },
        { spaceId: 'd2', state: 'booked', bookings: [] },
        { spaceId: 'd3', state: 'free', bookings: [] },
      ],
    };
    backend.expectOne((r) => r.url === '/api/floors/eg/availability').flush(availability);
    await settle(fixture);
    const post = backend.expectOne({ method: 'POST', url: '/api/bookings' });
    expect(post.request.body).toEqual({ spaceId: 'd3', date, slot: 'day' });
    post.flush({ id: 'b', spaceLabel: 'd3', date });
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('Gebucht: d3 in der Nähe von Ida Meier');
  });

  it('finds people by name and follows them', async () => {
    const fixture = TestBed.createComponent(ColleaguesPage);
    const el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/colleagues').flush([]);
    backend.expectOne('/api/me/following').flush([]);
    await settle(fixture);
    expect(el.textContent).toContain('Sie folgen noch niemandem.');
    const search = el.querySelector<HTMLInputElement>('#colleagues-search');
    if (!search) throw new Error('no search field');
    search.value = 'Ida';
    search.dispatchEvent(new Event('input'));
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/colleagues/search' && r.params.get('query') === 'Ida').flush([
      { ...IDA, following: false },
    ]);
    await settle(fixture);
    el.querySelector<HTMLButtonElement>('button[aria-label="Ida Meier folgen"]')?.click();
    backend.expectOne({ method: 'PUT', url: '/api/me/following/u9' }).flush([IDA]);
    await settle(fixture);
    expect(await announced('polite', () => fixture.detectChanges())).toContain('Sie folgen jetzt Ida Meier.');
    backend.expectOne((r) => r.url === '/api/colleagues').flush([]);
    backend.expectOne((r) => r.url === '/api/colleagues/search').flush([IDA]);
    await settle(fixture);
    expect(el.querySelector('[aria-labelledby="following-heading"]')?.textContent).toContain('Ida Meier');
  });
});
