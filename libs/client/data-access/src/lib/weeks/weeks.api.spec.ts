import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiInterceptor } from '../http/api.interceptor';
import { ColleaguesApi } from './colleagues.api';
import { FavouritesApi } from './favourites.api';
import { PresenceApi } from './presence.api';
import { SeriesApi } from './series.api';
import { WaitlistApi } from './waitlist.api';

describe('working-weeks clients', () => {
  let backend: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('previews a series without booking, then books it and ends it from a day', async () => {
    const api = TestBed.inject(SeriesApi);
    const rule = { spaceId: 's1', slot: 'day' as const, from: '2026-05-05', count: 8, weekdays: [2, 4] as (2 | 4)[], interval: 1 as const };
    const preview = firstValueFrom(api.preview(rule));
    const req = backend.expectOne({ method: 'POST', url: '/api/bookings/series' });
    expect(req.request.body).toEqual({ ...rule, preview: true });
    req.flush({ seriesId: null, occurrences: [] });
    await preview;
    void firstValueFrom(api.book(rule));
    expect(backend.expectOne({ method: 'POST', url: '/api/bookings/series' }).request.body.preview).toBeUndefined();
    void firstValueFrom(api.end('x1', '2026-05-12'));
    expect(backend.expectOne({ method: 'DELETE', url: '/api/bookings/series/x1?from=2026-05-12' })).toBeTruthy();
  });

  it('speaks the favourites, colleagues, presence and waitlist routes', () => {
    void firstValueFrom(TestBed.inject(FavouritesApi).add('s1'));
    backend.expectOne({ method: 'PUT', url: '/api/me/favourites/s1' });
    void firstValueFrom(TestBed.inject(ColleaguesApi).places('2026-05-05'));
    backend.expectOne({ method: 'GET', url: '/api/colleagues?date=2026-05-05' });
    void firstValueFrom(TestBed.inject(ColleaguesApi).follow('u2'));
    backend.expectOne({ method: 'PUT', url: '/api/me/following/u2' });
    void firstValueFrom(TestBed.inject(PresenceApi).release('s1', '2026-05-05'));
    backend.expectOne({ method: 'PUT', url: '/api/me/assigned-desks/s1/releases/2026-05-05' });
    void firstValueFrom(TestBed.inject(PresenceApi).addAbsence({ from: '2026-05-05', to: '2026-05-06' }));
    backend.expectOne({ method: 'POST', url: '/api/me/absences' });
    void firstValueFrom(TestBed.inject(WaitlistApi).leave('w1'));
    backend.expectOne({ method: 'DELETE', url: '/api/waitlist/w1' });
  });
});
