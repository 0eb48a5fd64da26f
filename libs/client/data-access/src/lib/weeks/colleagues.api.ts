import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type Colleague, type ColleaguePlace } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Colleagues who show their name: whom I follow, where they sit, and finding them. */
@Injectable({ providedIn: 'root' })
export class ColleaguesApi {
  private readonly http = inject(HttpClient);

  /** Where the people I follow (and my groups' members) sit on `date`. */
  places(date: string): Observable<ColleaguePlace[]> {
    return this.http.get<ColleaguePlace[]>(apiUrl(API_ROUTES.colleagues), { params: { date } });
  }

  /** People who opted in to show their name, by name (at least two characters). */
  search(query: string): Observable<Colleague[]> {
    return this.http.get<Colleague[]>(apiUrl(API_ROUTES.colleagues, 'search'), { params: { query } });
  }

  following(): Observable<Colleague[]> {
    return this.http.get<Colleague[]>(apiUrl(API_ROUTES.following));
  }

  follow(userId: string): Observable<Colleague[]> {
    return this.http.put<Colleague[]>(apiUrl(API_ROUTES.following, userId), null);
  }

  unfollow(userId: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.following, userId));
  }
}
