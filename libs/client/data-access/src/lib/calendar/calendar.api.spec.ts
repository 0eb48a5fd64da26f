import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CalendarApi } from './calendar.api';

describe('CalendarApi', () => {
  let api: CalendarApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CalendarApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads, creates and revokes the personal feed', async () => {
    const status = firstValueFrom(api.feedStatus());
    backend.expectOne({ method: 'GET', url: '/api/me/calendar-feed' }).flush({ active: false });
    expect(await status).toEqual({ active: false });

    const created = firstValueFrom(api.createFeed());
    const feed = { url: 'https://x/api/calendar/s.ics', webcalUrl: 'webcal://x/api/calendar/s.ics' };
    backend.expectOne({ method: 'POST', url: '/api/me/calendar-feed' }).flush(feed);
    expect(await created).toEqual(feed);

    const revoked = firstValueFrom(api.revokeFeed(), { defaultValue: undefined });
    backend
      .expectOne({ method: 'DELETE', url: '/api/me/calendar-feed' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await revoked;
  });

  it("links a booking's invite", () => {
    expect(api.inviteUrl('abc')).toBe('/api/bookings/abc/invite.ics');
  });
});
