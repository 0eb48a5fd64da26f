import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import type { FloorLayout } from '@flexdesk/shared-contracts';
import { EditingApi } from './editing.api';

describe('EditingApi', () => {
  let api: EditingApi;
  let backend: HttpTestingController;
  const layout: FloorLayout = { plan: { width: 10, height: 10, scale: null }, zones: [], spaces: [] };

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(EditingApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('creates a floor in a building', async () => {
    const done = firstValueFrom(api.createFloor('b1', { name: 'EG', level: 0, width: 100, height: 50 }));
    const req = backend.expectOne({ method: 'POST', url: '/api/buildings/b1/floors' });
    expect(req.request.body).toEqual({ name: 'EG', level: 0, width: 100, height: 50 });
    req.flush({ id: 'f1' });
    expect(await done).toEqual({ id: 'f1' });
  });

  it('loads, saves and publishes the draft of a floor', async () => {
    const draft = firstValueFrom(api.draft('f1'));
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush({ draftVersion: 3 });
    expect(await draft).toEqual({ draftVersion: 3 });

    const saved = firstValueFrom(api.saveDraft('f1', { draftVersion: 3, layout }));
    const put = backend.expectOne({ method: 'PUT', url: '/api/floors/f1/layout/draft' });
    expect(put.request.body).toEqual({ draftVersion: 3, layout });
    put.flush({ draftVersion: 4 });
    await saved;

    const published = firstValueFrom(api.publish('f1', { draftVersion: 4, cancelAffectedBookings: true }));
    const post = backend.expectOne({ method: 'POST', url: '/api/floors/f1/layout/publish' });
    expect(post.request.body).toEqual({ draftVersion: 4, cancelAffectedBookings: true });
    post.flush({ publishedVersion: 2, cancelledBookings: [] });
    expect(await published).toEqual({ publishedVersion: 2, cancelledBookings: [] });
  });

  it('reads the published layout', async () => {
    const published = firstValueFrom(api.publishedLayout('f1'));
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout' }).flush(layout);
    expect(await published).toEqual(layout);
  });
});
