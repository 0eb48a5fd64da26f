import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Absence, type AbsenceResult, type MyAssignedDesk, type SpaceAssignee } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { AbsenceDto, AssigneeDto } from './assignments.dto';
import { AssignmentsService } from './assignments.service';

const spaceId = uuidParam('SPACE_NOT_FOUND');

@ApiTags('spaces')
@Controller('spaces')
export class SpaceAssigneeController {
  constructor(private readonly assignments: AssignmentsService) {}

  /** Assigns a desk or parking spot to a person (`userId: null` takes it back). */
  @Put(':id/assignee')
  @RequirePermission('spaces:assign')
  @Returns('SpaceAssignee')
  assign(@CurrentUser() user: AuthUser, @Param('id', spaceId) id: string, @Body() body: AssigneeDto): Promise<SpaceAssignee> {
    return this.assignments.setAssignee(user, id, body.userId);
  }
}

@ApiTags('me')
@Controller(API_ROUTES.myAssignedDesks)
export class MyAssignedDesksController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission('bookings:self')
  @Returns('MyAssignedDesk', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<MyAssignedDesk[]> {
    return this.assignments.myDesks(user);
  }

  /** Releases one day: anyone may book the desk then. */
  @Put(':spaceId/releases/:date')
  @RequirePermission('bookings:self')
  @Returns('MyAssignedDesk', { array: true })
  release(@CurrentUser() user: AuthUser, @Param('spaceId', spaceId) id: string, @Param('date') date: string): Promise<MyAssignedDesk[]> {
    return this.assignments.release(user, id, date);
  }

  /** Takes a released day back (refused once someone else booked the desk that day). */
  @Delete(':spaceId/releases/:date')
  @RequirePermission('bookings:self')
  @NoContent()
  unrelease(@CurrentUser() user: AuthUser, @Param('spaceId', spaceId) id: string, @Param('date') date: string): Promise<void> {
    return this.assignments.unrelease(user, id, date);
  }
}

@ApiTags('me')
@Controller(API_ROUTES.absences)
export class AbsencesController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission('bookings:self')
  @Returns('Absence', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<Absence[]> {
    return this.assignments.absences(user);
  }

  /** Away from `from` to `to`: my bookings then are cancelled, my assigned desks released, my series skip those days. */
  @Post()
  @RequirePermission('bookings:self')
  @Returns('AbsenceResult')
  add(@CurrentUser() user: AuthUser, @Body() body: AbsenceDto): Promise<AbsenceResult> {
    return this.assignments.addAbsence(user, body.from, body.to);
  }

  @Delete(':id')
  @RequirePermission('bookings:self')
  @NoContent()
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam('ABSENCE_NOT_FOUND')) id: string): Promise<void> {
    return this.assignments.removeAbsence(user, id);
  }
}
