import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type PersonSearchResult } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { PersonSearchQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller(API_ROUTES.users)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Front desk and admins: active people by name or e-mail, for booking on their behalf. */
  @Get()
  @RequirePermission('people:search')
  @Header('Cache-Control', 'no-store')
  @Returns('PersonSearchResult', { array: true })
  search(@CurrentUser() user: AuthUser, @Query() query: PersonSearchQuery): Promise<PersonSearchResult[]> {
    return this.users.search(user, query.query);
  }
}
