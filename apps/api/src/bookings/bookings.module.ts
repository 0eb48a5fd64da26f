import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { SeriesController } from './series.controller';
import { SeriesRepository } from './series.repository';
import { SeriesService } from './series.service';
import { SpaceCheckInController } from './space-check-in.controller';
import { SpaceContextsCache } from './space-contexts.cache';

/** The booking engine: create, read, cancel, check in, under every rule and the database's invariants. */
@Module({
  imports: [UsersModule],
  // Series first: its GET /bookings/series must not be taken for GET /bookings/:id.
  controllers: [SeriesController, BookingsController, SpaceCheckInController],
  providers: [BookingsRepository, SpaceContextsCache, BookingsService, SeriesRepository, SeriesService],
  exports: [BookingsRepository, BookingsService, SeriesService],
})
export class BookingsModule {}
