import { Module } from '@nestjs/common';
import { AbsencesController, MyAssignedDesksController, SpaceAssigneeController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';

/** Desks assigned to people, the days they release them, and absences. */
@Module({
  controllers: [SpaceAssigneeController, MyAssignedDesksController, AbsencesController],
  providers: [AssignmentsRepository, AssignmentsService],
})
export class AssignmentsModule {}
