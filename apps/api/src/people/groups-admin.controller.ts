import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type GroupAdminView } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { GroupDto } from './people.dto';
import { PeopleService } from './people.service';

const groupId = uuidParam('GROUP_NOT_FOUND');
const userId = uuidParam('USER_NOT_FOUND');

/** Groups (teams, departments) with their member counts; for zone restrictions and sign-in mapping. */
@ApiTags('people')
@Controller(API_ROUTES.adminGroups)
export class GroupsAdminController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('people:admin')
  @Returns('GroupAdminView', { array: true })
  list(): Promise<GroupAdminView[]> {
    return this.people.groups();
  }

  @Post()
  @RequirePermission('people:admin')
  @Returns('GroupAdminView')
  create(@CurrentUser() user: AuthUser, @Body() body: GroupDto): Promise<GroupAdminView> {
    return this.people.createGroup(user, body.name);
  }

  @Put(':id')
  @RequirePermission('people:admin')
  @Returns('GroupAdminView')
  rename(
    @CurrentUser() user: AuthUser,
    @Param('id', groupId) id: string,
    @Body() body: GroupDto,
  ): Promise<GroupAdminView> {
    return this.people.renameGroup(user, id, body.name);
  }

  /** Zones and spaces restricted to the group lose that restriction. */
  @Delete(':id')
  @RequirePermission('people:admin')
  @NoContent()
  delete(@CurrentUser() user: AuthUser, @Param('id', groupId) id: string): Promise<void> {
    return this.people.deleteGroup(user, id);
  }

  @Put(':id/members/:userId')
  @RequirePermission('people:admin')
  @Returns('GroupAdminView')
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id', groupId) id: string,
    @Param('userId', userId) member: string,
  ): Promise<GroupAdminView> {
    return this.people.setMembership(user, id, member, true);
  }

  @Delete(':id/members/:userId')
  @RequirePermission('people:admin')
  @Returns('GroupAdminView')
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('id', groupId) id: string,
    @Param('userId', userId) member: string,
  ): Promise<GroupAdminView> {
    return this.people.setMembership(user, id, member, false);
  }
}
