import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type CreateWebhookRequest,
  type CreatedWebhook,
  type OutboxMessage,
  type OutboxStatus,
  type Webhook,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** Messages of the outbox that could not be sent, and webhook endpoints (admins). */
@Injectable({ providedIn: 'root' })
export class NotificationsAdminApi {
  private readonly http = inject(HttpClient);

  messages(status: Exclude<OutboxStatus, 'skipped'>): Observable<OutboxMessage[]> {
    return this.http.get<OutboxMessage[]>(apiUrl(API_ROUTES.adminNotifications), { params: { status } });
  }

  retry(id: string): Observable<OutboxMessage> {
    return this.http.post<OutboxMessage>(apiUrl(`${API_ROUTES.adminNotifications}/${id}/retry`), null);
  }

  discard(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`${API_ROUTES.adminNotifications}/${id}`));
  }

  webhooks(): Observable<Webhook[]> {
    return this.http.get<Webhook[]>(apiUrl(API_ROUTES.adminWebhooks));
  }

  createWebhook(input: CreateWebhookRequest): Observable<CreatedWebhook> {
    return this.http.post<CreatedWebhook>(apiUrl(API_ROUTES.adminWebhooks), input);
  }

  deleteWebhook(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`${API_ROUTES.adminWebhooks}/${id}`));
  }

  deliveries(id: string): Observable<OutboxMessage[]> {
    return this.http.get<OutboxMessage[]>(apiUrl(`${API_ROUTES.adminWebhooks}/${id}/deliveries`));
  }
}
