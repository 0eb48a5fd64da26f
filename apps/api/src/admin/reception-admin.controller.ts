import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type ReceptionAssignment } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { SetReceptionAssignmentDto } from './reception-admin.dto';
import { ReceptionAdminService } from './reception-admin.service';

@ApiTags('admin')
@Controller(API_ROUTES.adminReceptionists)
export class ReceptionAdminController {
  constructor(private readonly service: ReceptionAdminService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ReceptionAssignment[]> {
    return this.service.list(user);
  }

  @Put(':id')
  set(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('USER_NOT_FOUND')) id: string,
    @Body() body: SetReceptionAssignmentDto,
  ): Promise<ReceptionAssignment> {
    return this.service.set(user, id, body);
  }
}
