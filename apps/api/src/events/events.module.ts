import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { LiveEventsHub } from './live-events.hub';

/** Live booking changes: PostgreSQL NOTIFY in, server-sent events out, filtered per viewer. */
@Module({
  controllers: [EventsController],
  providers: [LiveEventsHub],
  exports: [LiveEventsHub],
})
export class EventsModule {}
