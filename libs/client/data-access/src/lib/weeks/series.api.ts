import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type BookingSeries, type SeriesRequest, type SeriesResult } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Recurring bookings: preview a series, book it, list and end one's series. */
@Injectable({ providedIn: 'root' })
export class SeriesApi {
  private readonly http = inject(HttpClient);

  /** Every occurrence with its outcome; changes nothing. */
  preview(request: Omit<SeriesRequest, 'preview'>): Observable<SeriesResult> {
    return this.http.post<SeriesResult>(apiUrl(API_ROUTES.bookingSeries), { ...request, preview: true });
  }

  /** Books the bookable occurrences; the answer lists what happened on each day. */
  book(request: Omit<SeriesRequest, 'preview'>): Observable<SeriesResult> {
    return this.http.post<SeriesResult>(apiUrl(API_ROUTES.bookingSeries), request);
  }

  list(): Observable<BookingSeries[]> {
    return this.http.get<BookingSeries[]>(apiUrl(API_ROUTES.bookingSeries));
  }

  /** Cancels the occurrences from `from` on (`YYYY-MM-DD`) and ends the rule. */
  end(id: string, from: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.bookingSeries, id), { params: { from } });
  }
}
