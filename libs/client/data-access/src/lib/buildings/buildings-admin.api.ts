import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type Building,
  type BuildingInput,
  type Closure,
  type Floor,
  type FloorInput,
  type FloorSummary,
  type PoliciesInput,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Building settings for facility managers: the building, its closures, booking rules and floors. */
@Injectable({ providedIn: 'root' })
export class BuildingsAdminApi {
  private readonly http = inject(HttpClient);

  create(input: BuildingInput): Observable<Building> {
    return this.http.post<Building>(apiUrl(API_ROUTES.buildings), input);
  }

  update(id: string, input: BuildingInput): Observable<Building> {
    return this.http.put<Building>(apiUrl(API_ROUTES.buildings, id), input);
  }

  /** Refused with 409 HAS_FUTURE_BOOKINGS (`count`) while bookings there have not ended. */
  delete(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.buildings, id));
  }

  /** Adds closures; an existing date gets the new reason. Dates must not repeat within one call. */
  addClosures(id: string, closures: Closure[]): Observable<Building> {
    return this.http.post<Building>(apiUrl(API_ROUTES.buildings, id, 'closures'), { closures });
  }

  deleteClosure(id: string, date: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.buildings, id, 'closures', date));
  }

  /** Overrides of the default rules; `null` removes one, a missing scope keeps what is stored. */
  setPolicies(id: string, input: PoliciesInput): Observable<Building> {
    return this.http.put<Building>(apiUrl(API_ROUTES.buildings, id, 'policies'), input);
  }

  createFloor(buildingId: string, input: FloorInput): Observable<FloorSummary> {
    return this.http.post<FloorSummary>(apiUrl(API_ROUTES.buildings, buildingId, 'floors'), input);
  }

  /** The floor with its plan size, which an update must repeat. */
  floor(id: string): Observable<Floor> {
    return this.http.get<Floor>(apiUrl(API_ROUTES.floors, id));
  }

  updateFloor(id: string, input: FloorInput): Observable<FloorSummary> {
    return this.http.put<FloorSummary>(apiUrl(API_ROUTES.floors, id), input);
  }

  /** Refused with 409 HAS_FUTURE_BOOKINGS (`count`) while bookings there have not ended. */
  deleteFloor(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.floors, id));
  }
}
