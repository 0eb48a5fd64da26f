import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { BookingsApi } from '../bookings/bookings.api';
import { PeopleApi, ReceptionAdminApi, checkInPageUrl } from './reception.api';

describe('reception APIs', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('searches people by a query parameter', async () => {
    const result = firstValueFrom(TestBed.inject(PeopleApi).search('Mül ler'));
    const req = backend.expectOne((r) => r.url === '/api/users');
    expect(req.request.params.get('query')).toBe('Mül ler');
    req.flush([{ id: 'u1', displayName: 'Max Müller', email: 'max@example.com' }]);
    expect((await result)[0].displayName).toBe('Max Müller');
  });

  it("lists and sets receptionists' buildings", async () => {
    const api = TestBed.inject(ReceptionAdminApi);
    const listed = firstValueFrom(api.list());
    backend.expectOne({ method: 'GET', url: '/api/admin/receptionists' }).flush([]);
    expect(await listed).toEqual([]);
    const saved = firstValueFrom(api.set('u 1', { allBuildings: false, buildingIds: ['b1'] }));
    const req = backend.expectOne({ method: 'PUT', url: '/api/admin/receptionists/u%201' });
    expect(req.request.body).toEqual({ allBuildings: false, buildingIds: ['b1'] });
    req.flush({ id: 'u 1' });
    expect((await saved).id).toBe('u 1');
  });

  it('takes a check-in back with DELETE', async () => {
    const result = firstValueFrom(TestBed.inject(BookingsApi).undoCheckIn('b-1'));
    backend
      .expectOne({ method: 'DELETE', url: '/api/bookings/b-1/check-in' })
      .flush({ id: 'b-1', status: 'confirmed' });
    expect((await result).status).toBe('confirmed');
  });

  it('builds the absolute check-in address a QR code encodes', () => {
    expect(checkInPageUrl('https://desk.example.org', '8c1f')).toBe('https://desk.example.org/check-in/8c1f');
    expect(checkInPageUrl('http://127.0.0.1:3000/', 'a b')).toBe('http://127.0.0.1:3000/check-in/a%20b');
  });
});
