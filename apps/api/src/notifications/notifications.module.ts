import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { PreferencesRepository } from './preferences.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { BookingMails } from './booking-mails';
import { OutboxDispatcher } from './dispatcher.service';
import { Mailer } from './mailer';
import { OutboxRepository } from './outbox.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';
import { WebhookDelivery } from './webhook-delivery';
import { WebhooksRepository } from './webhooks.repository';

/**
 * E-mail and webhooks through the transactional outbox: messages are rows written with the change
 * that causes them (mostly by a database trigger), sent by a dispatcher on every instance.
 */
@Module({
  imports: [EventsModule, AuthModule],
  controllers: [NotificationsController, WebhooksController],
  providers: [
    NotificationsService,
    WebhooksService,
    PreferencesRepository,
    OutboxRepository,
    OutboxDispatcher,
    Mailer,
    BookingMails,
    UnsubscribeTokens,
    WebhookDelivery,
    WebhooksRepository,
  ],
  exports: [OutboxDispatcher, OutboxRepository],
})
export class NotificationsModule {}
