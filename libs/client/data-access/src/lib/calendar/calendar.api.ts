import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type CalendarFeed, type CalendarFeedStatus } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Calendar invites per booking, and the signed-in person's subscription feed. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  /** Whether a feed exists; its URL is never shown again after creation. */
  feedStatus(): Observable<CalendarFeedStatus> {
    return this.http.get<CalendarFeedStatus>(apiUrl(API_ROUTES.calendarFeed));
  }

  /** Creates the feed, or regenerates it: the previous URL stops working at once. */
  createFeed(): Observable<CalendarFeed> {
    return this.http.post<CalendarFeed>(apiUrl(API_ROUTES.calendarFeed), null);
  }

  revokeFeed(): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.calendarFeed));
  }

  /** A plain link for `<a download>`: the session cookie authenticates it. */
  inviteUrl(bookingId: string): string {
    return apiUrl(API_ROUTES.bookings, bookingId, 'invite.ics');
  }
}
