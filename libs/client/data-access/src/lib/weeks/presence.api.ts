import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type Absence,
  type AbsenceRequest,
  type AbsenceResult,
  type MyAssignedDesk,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** My absences and my assigned desk with the days I release it. */
@Injectable({ providedIn: 'root' })
export class PresenceApi {
  private readonly http = inject(HttpClient);

  absences(): Observable<Absence[]> {
    return this.http.get<Absence[]>(apiUrl(API_ROUTES.absences));
  }

  /** Also cancels my bookings in the range and releases my assigned desk on those days. */
  addAbsence(body: AbsenceRequest): Observable<AbsenceResult> {
    return this.http.post<AbsenceResult>(apiUrl(API_ROUTES.absences), body);
  }

  removeAbsence(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.absences, id));
  }

  assignedDesks(): Observable<MyAssignedDesk[]> {
    return this.http.get<MyAssignedDesk[]>(apiUrl(API_ROUTES.myAssignedDesks));
  }

  release(spaceId: string, date: string): Observable<MyAssignedDesk[]> {
    return this.http.put<MyAssignedDesk[]>(apiUrl(API_ROUTES.myAssignedDesks, spaceId, 'releases', date), null);
  }

  unrelease(spaceId: string, date: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.myAssignedDesks, spaceId, 'releases', date));
  }
}
