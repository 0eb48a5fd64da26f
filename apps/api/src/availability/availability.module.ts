import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { FloorsModule } from '../floors/floors.module';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';

/** A floor's day at a glance: every space's state for the caller. */
@Module({
  imports: [FloorsModule, BuildingsModule, BookingsModule],
  controllers: [AvailabilityController],
  providers: [AvailabilityService],
})
export class AvailabilityModule {}
