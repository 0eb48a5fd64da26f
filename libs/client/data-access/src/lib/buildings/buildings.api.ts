import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type Building,
  type BuildingSummary,
  type Floor,
  type FloorAvailability,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Buildings, their floors, and what is free on a floor on a given day. */
@Injectable({ providedIn: 'root' })
export class BuildingsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<BuildingSummary[]> {
    return this.http.get<BuildingSummary[]>(apiUrl(API_ROUTES.buildings));
  }

  get(buildingId: string): Observable<Building> {
    return this.http.get<Building>(apiUrl(API_ROUTES.buildings, buildingId));
  }

  floor(floorId: string): Observable<Floor> {
    return this.http.get<Floor>(apiUrl(API_ROUTES.floors, floorId));
  }

  /** `date` is a local date of the building, `YYYY-MM-DD`. */
  availability(floorId: string, date: string): Observable<FloorAvailability> {
    return this.http.get<FloorAvailability>(apiUrl(API_ROUTES.floors, floorId, 'availability'), {
      params: { date },
    });
  }
}
