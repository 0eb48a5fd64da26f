import { Body, Controller, Get, Header, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Me } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { UpdateMeDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller(API_ROUTES.me)
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('profile:self')
  @Header('Cache-Control', 'no-store')
  @Returns('Me')
  me(@CurrentUser() user: AuthUser): Promise<Me> {
    return this.users.me(user);
  }

  /** Language, name visibility to colleagues, the home building and floor the booking page opens on. */
  @Patch()
  @RequirePermission('profile:self')
  @Returns('Me')
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<Me> {
    return this.users.updateMe(user, body);
  }
}
