import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, type Favourite } from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** The spaces the signed-in person starred. */
@Injectable({ providedIn: 'root' })
export class FavouritesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Favourite[]> {
    return this.http.get<Favourite[]>(apiUrl(API_ROUTES.favourites));
  }

  /** Stars a space; answers with the whole list. */
  add(spaceId: string): Observable<Favourite[]> {
    return this.http.put<Favourite[]>(apiUrl(API_ROUTES.favourites, spaceId), null);
  }

  remove(spaceId: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.favourites, spaceId));
  }
}
