import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module';
import { OccupancyController } from './occupancy.controller';
import { OccupancyRepository } from './occupancy.repository';
import { OccupancyService } from './occupancy.service';
import { ReceptionAssignmentsController } from './reception-assignments.controller';
import { ReceptionAssignmentsRepository } from './reception-assignments.repository';
import { ReceptionAssignmentsService } from './reception-assignments.service';

/** The front desk: a building's day (totals, named day list, CSV) and who works which desk. */
@Module({
  imports: [BuildingsModule],
  controllers: [OccupancyController, ReceptionAssignmentsController],
  providers: [OccupancyRepository, OccupancyService, ReceptionAssignmentsRepository, ReceptionAssignmentsService],
})
export class ReceptionModule {}
