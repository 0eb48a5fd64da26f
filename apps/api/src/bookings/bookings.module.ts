import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { SpaceCheckInController } from './space-check-in.controller';

/** The booking engine: create, read, cancel, check in, under every rule and the database's invariants. */
@Module({
  imports: [UsersModule],
  controllers: [BookingsController, SpaceCheckInController],
  providers: [BookingsRepository, BookingsService],
  exports: [BookingsRepository, BookingsService],
})
export class BookingsModule {}
