import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type GroupSummary } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { Returns } from '../openapi/returns.decorator';
import { GroupsRepository } from './groups.repository';

/** The groups a zone or space can be restricted to, for the layout editor. */
@ApiTags('users')
@Controller(API_ROUTES.groups)
export class GroupsController {
  constructor(private readonly groups: GroupsRepository) {}

  @Get()
  @RequirePermission('groups:read')
  @Returns('GroupSummary', { array: true })
  list(): Promise<GroupSummary[]> {
    return this.groups.list();
  }
}
