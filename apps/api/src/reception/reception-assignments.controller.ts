import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type ReceptionAssignment } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { SetReceptionAssignmentDto } from './reception-assignments.dto';
import { ReceptionAssignmentsService } from './reception-assignments.service';

/** Which buildings' names each receptionist sees (admins; every change audited). */
@ApiTags('reception')
@Controller(API_ROUTES.adminReceptionists)
export class ReceptionAssignmentsController {
  constructor(private readonly assignments: ReceptionAssignmentsService) {}

  @Get()
  @RequirePermission('reception:assign')
  @Returns('ReceptionAssignment', { array: true })
  list(): Promise<ReceptionAssignment[]> {
    return this.assignments.list();
  }

  @Put(':id')
  @RequirePermission('reception:assign')
  @Returns('ReceptionAssignment')
  set(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('USER_NOT_FOUND')) id: string,
    @Body() body: SetReceptionAssignmentDto,
  ): Promise<ReceptionAssignment> {
    return this.assignments.set(user, id, body);
  }
}
