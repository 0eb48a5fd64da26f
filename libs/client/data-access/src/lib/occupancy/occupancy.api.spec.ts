import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BuildingOccupancy } from '@flexdesk/shared-contracts';
import { firstValueFrom } from 'rxjs';
import { OccupancyApi } from './occupancy.api';

describe('OccupancyApi', () => {
  let api: OccupancyApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(OccupancyApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it("asks for a building's day", async () => {
    const result = firstValueFrom(api.forDay('b-1', '2026-05-04'));
    const req = backend.expectOne((r) => r.url === '/api/buildings/b-1/occupancy');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('date')).toBe('2026-05-04');
    const body = { buildingId: 'b-1', date: '2026-05-04' } as BuildingOccupancy;
    req.flush(body);
    expect(await result).toEqual(body);
  });

  it('builds the link to the day list as CSV', () => {
    expect(api.dayListCsvUrl('b 1', '2026-05-04')).toBe('/api/buildings/b%201/day-list.csv?date=2026-05-04');
  });
});
