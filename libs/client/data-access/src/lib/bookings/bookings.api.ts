import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type Booking, type CreateBookingRequest } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

export interface BookingRange {
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive; at most 366 days after `from`. */
  to?: string;
}

/** The signed-in person's own bookings. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly http = inject(HttpClient);

  list(range: BookingRange = {}): Observable<Booking[]> {
    const params: Record<string, string> = {};
    if (range.from) params['from'] = range.from;
    if (range.to) params['to'] = range.to;
    return this.http.get<Booking[]>(apiUrl(API_ROUTES.bookings), { params });
  }

  get(id: string): Observable<Booking> {
    return this.http.get<Booking>(apiUrl(API_ROUTES.bookings, id));
  }

  create(body: CreateBookingRequest): Observable<Booking> {
    return this.http.post<Booking>(apiUrl(API_ROUTES.bookings), body);
  }

  /** Idempotent: cancelling an already cancelled booking succeeds. */
  cancel(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.bookings, id));
  }

  /** Takes a cancellation back (within minutes of it, while the space is still free). */
  restore(id: string): Observable<Booking> {
    return this.http.post<Booking>(apiUrl(API_ROUTES.bookings, id, 'restore'), null);
  }

  checkIn(id: string): Observable<Booking> {
    return this.http.post<Booking>(apiUrl(API_ROUTES.bookings, id, 'check-in'), null);
  }

  /** Back to `confirmed` (front desk of the building, admins, or the booker within the check-in window). */
  undoCheckIn(id: string): Observable<Booking> {
    return this.http.delete<Booking>(apiUrl(API_ROUTES.bookings, id, 'check-in'));
  }

  /** Check-in by space, as the QR code on a desk does: the caller's current booking of it. */
  checkInAtSpace(spaceId: string): Observable<Booking> {
    return this.http.post<Booking>(apiUrl('spaces', spaceId, 'check-in'), null);
  }
}
