import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type AuditEntry, type AuditFilter } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Query parameters without the empty ones (the API refuses an empty `entityType`). */
export function queryParams(filter: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** Who changed what, newest first (admins). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** Pages backwards: pass the smallest `id` of a page as `before` for the next one. */
  list(filter: AuditFilter): Observable<AuditEntry[]> {
    return this.http.get<AuditEntry[]>(apiUrl(API_ROUTES.audit), { params: queryParams(filter) });
  }
}
