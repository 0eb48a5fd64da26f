/** Kinds of e-mail a person can switch on and off (all on unless switched off). */
export const NOTIFICATION_KINDS = [
  /** A booking made by oneself or for one, with the calendar invitation; a restored booking too. */
  'booking_confirmed',
  /** A booking cancelled: by oneself, the front desk, a new floor plan, an absence, an ended series. */
  'booking_cancelled',
  /** A booking released because nobody checked in. */
  'booking_released',
  /** Before a booking that needs a check-in starts. */
  'checkin_reminder',
  /** A space booked from the waiting list. */
  'waitlist_booked',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `GET/PUT /api/me/notification-preferences`: each kind on or off. */
export type NotificationPreferences = Record<NotificationKind, boolean>;

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'booking.created',
  'booking.cancelled',
  'booking.checked_in',
  'booking.released',
  'layout.published',
  'building.closed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type OutboxStatus = 'pending' | 'sent' | 'parked' | 'skipped';

/** A message of the outbox as admins see it (`/api/admin/notifications`): no content, no address. */
export interface OutboxMessage {
  id: string;
  channel: 'mail' | 'webhook';
  /** A notification kind (mail) or a webhook event type. */
  kind: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  bookingId: string | null;
  webhookId: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

/** `POST /api/admin/webhooks`. */
export interface CreateWebhookRequest {
  url: string;
  eventTypes: WebhookEventType[];
}

export interface Webhook {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  createdAt: string;
}

/** The answer to creating a webhook: the signing secret (`whsec_…`), shown this once only. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}
