import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type BackgroundUpload,
  type FloorInput,
  type FloorLayout,
  type FloorSummary,
  type GroupSummary,
  type LayoutDraft,
  type PublishRequest,
  type PublishResult,
  type SaveDraftRequest,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Floors and their layouts, for facility managers: draft, save with optimistic concurrency, publish. */
@Injectable({ providedIn: 'root' })
export class EditingApi {
  private readonly http = inject(HttpClient);

  createFloor(buildingId: string, input: FloorInput): Observable<FloorSummary> {
    return this.http.post<FloorSummary>(apiUrl(API_ROUTES.buildings, buildingId, 'floors'), input);
  }

  /** What employees see now, in the export format. */
  publishedLayout(floorId: string): Observable<FloorLayout> {
    return this.http.get<FloorLayout>(apiUrl(API_ROUTES.floors, floorId, 'layout'));
  }

  draft(floorId: string): Observable<LayoutDraft> {
    return this.http.get<LayoutDraft>(apiUrl(API_ROUTES.floors, floorId, 'layout', 'draft'));
  }

  /** Fails with 409 STALE_VERSION when someone saved since `draftVersion`. */
  saveDraft(floorId: string, request: SaveDraftRequest): Observable<LayoutDraft> {
    return this.http.put<LayoutDraft>(apiUrl(API_ROUTES.floors, floorId, 'layout', 'draft'), request);
  }

  /** Fails with 409 AFFECTED_BOOKINGS (listing them) unless `cancelAffectedBookings` is set. */
  publish(floorId: string, request: PublishRequest): Observable<PublishResult> {
    return this.http.post<PublishResult>(apiUrl(API_ROUTES.floors, floorId, 'layout', 'publish'), request);
  }

  /** Stores a background image (PNG, JPEG or SVG, sanitised); it shows once a draft using it is published. */
  uploadBackground(floorId: string, file: File): Observable<BackgroundUpload> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<BackgroundUpload>(apiUrl(API_ROUTES.floors, floorId, 'backgrounds'), form);
  }

  /** Groups a zone or space can be restricted to. */
  groups(): Observable<GroupSummary[]> {
    return this.http.get<GroupSummary[]>(apiUrl('groups'));
  }
}
