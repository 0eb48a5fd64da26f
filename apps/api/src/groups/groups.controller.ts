import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type GroupSummary } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import type { AuthUser } from '../common/request-context';
import { requireFacilityManager } from '../editing/editing.service';
import { GroupsRepository } from './groups.repository';

/** The groups a zone or space can be restricted to, for the layout editor. */
@ApiTags('groups')
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsRepository) {}

  @Get(API_ROUTES.groups)
  list(@CurrentUser() user: AuthUser): Promise<GroupSummary[]> {
    requireFacilityManager(user);
    return this.groups.list();
  }
}
