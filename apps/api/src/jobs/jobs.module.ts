import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { InsightsModule } from '../insights/insights.module';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/** Background jobs on every instance's timer, each run by one instance at a time (advisory locks). */
@Module({
  imports: [BookingsModule, WaitlistModule, NotificationsModule, InsightsModule],
  providers: [JobsRepository, JobsService],
  exports: [JobsService],
})
export class JobsModule {}
