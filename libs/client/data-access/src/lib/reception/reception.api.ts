import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  CHECK_IN_PAGE_PATH,
  type PersonSearchResult,
  type ReceptionAssignment,
  type SetReceptionAssignmentRequest,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** People to book for, at the front desk (for the buildings one works the front desk of). */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** At least `PERSON_SEARCH_MIN_LENGTH` characters (else 400); at most 20 active people. */
  search(query: string): Observable<PersonSearchResult[]> {
    return this.http.get<PersonSearchResult[]>(apiUrl(API_ROUTES.users), { params: { query } });
  }
}

/** Which buildings' names each member of the front desk sees (see `reception:assign`). */
@Injectable({ providedIn: 'root' })
export class ReceptionAdminApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ReceptionAssignment[]> {
    return this.http.get<ReceptionAssignment[]>(apiUrl(API_ROUTES.adminReceptionists));
  }

  set(userId: string, body: SetReceptionAssignmentRequest): Observable<ReceptionAssignment> {
    return this.http.put<ReceptionAssignment>(apiUrl(API_ROUTES.adminReceptionists, userId), body);
  }
}

/**
 * The absolute address a desk's QR code encodes: the client's check-in page for that space, on
 * the origin the labels were printed from (`origin` like `https://flexdesk.example.org`).
 */
export function checkInPageUrl(origin: string, spaceId: string): string {
  return `${origin.replace(/\/+$/, '')}/${CHECK_IN_PAGE_PATH}/${encodeURIComponent(spaceId)}`;
}
