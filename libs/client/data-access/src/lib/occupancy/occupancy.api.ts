import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type BuildingOccupancy } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** A building's day for the front desk: totals per floor and kind, and who is expected where. */
@Injectable({ providedIn: 'root' })
export class OccupancyApi {
  private readonly http = inject(HttpClient);

  /** `date` is a local date of the building, `YYYY-MM-DD`. Receptionists and admins only (else 403). */
  forDay(buildingId: string, date: string): Observable<BuildingOccupancy> {
    return this.http.get<BuildingOccupancy>(apiUrl(API_ROUTES.buildings, buildingId, 'occupancy'), {
      params: { date },
    });
  }

  /** A plain link (the session cookie authenticates it), so the browser downloads the file itself. */
  dayListCsvUrl(buildingId: string, date: string): string {
    return `${apiUrl(API_ROUTES.buildings, buildingId, 'day-list.csv')}?${new URLSearchParams({ date })}`;
  }
}
