import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type WaitlistEntry, type WaitlistRequest } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Waiting for a space that is taken: booked automatically when it frees up. */
@Injectable({ providedIn: 'root' })
export class WaitlistApi {
  private readonly http = inject(HttpClient);

  join(body: WaitlistRequest): Observable<WaitlistEntry> {
    return this.http.post<WaitlistEntry>(apiUrl(API_ROUTES.waitlist), body);
  }

  list(): Observable<WaitlistEntry[]> {
    return this.http.get<WaitlistEntry[]>(apiUrl(API_ROUTES.waitlist));
  }

  leave(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.waitlist, id));
  }
}
