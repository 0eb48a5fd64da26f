import { Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Favourite } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { FavouritesService } from './favourites.service';

const spaceId = uuidParam('SPACE_NOT_FOUND');

@ApiTags('me')
@Controller(API_ROUTES.favourites)
export class FavouritesController {
  constructor(private readonly favourites: FavouritesService) {}

  @Get()
  @RequirePermission('bookings:self')
  @Returns('Favourite', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<Favourite[]> {
    return this.favourites.list(user);
  }

  /** Stars a space (idempotent); answers with all favourites. */
  @Put(':spaceId')
  @RequirePermission('bookings:self')
  @Returns('Favourite', { array: true })
  add(@CurrentUser() user: AuthUser, @Param('spaceId', spaceId) id: string): Promise<Favourite[]> {
    return this.favourites.add(user, id);
  }

  @Delete(':spaceId')
  @RequirePermission('bookings:self')
  @NoContent()
  remove(@CurrentUser() user: AuthUser, @Param('spaceId', spaceId) id: string): Promise<void> {
    return this.favourites.remove(user, id);
  }
}
