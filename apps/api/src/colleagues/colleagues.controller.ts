import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Colleague, type ColleaguePlace } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DateQuery } from '../common/date-query.dto';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { ColleagueSearchQuery } from './colleagues.dto';
import { ColleaguesService } from './colleagues.service';

const userId = uuidParam('USER_NOT_FOUND');

@ApiTags('colleagues')
@Controller(API_ROUTES.colleagues)
export class ColleaguesController {
  constructor(private readonly colleagues: ColleaguesService) {}

  /** Where the people I follow, and my groups' members, sit that day (only those who show their name). */
  @Get()
  @RequirePermission('bookings:self')
  @Returns('ColleaguePlace', { array: true })
  places(@CurrentUser() user: AuthUser, @Query() query: DateQuery): Promise<ColleaguePlace[]> {
    return this.colleagues.places(user, query.date);
  }

  /** People one may follow, by name. */
  @Get('search')
  @RequirePermission('bookings:self')
  @Returns('Colleague', { array: true })
  search(@CurrentUser() user: AuthUser, @Query() query: ColleagueSearchQuery): Promise<Colleague[]> {
    return this.colleagues.search(user, query.query);
  }
}

@ApiTags('me')
@Controller(API_ROUTES.following)
export class FollowingController {
  constructor(private readonly colleagues: ColleaguesService) {}

  @Get()
  @RequirePermission('bookings:self')
  @Returns('Colleague', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<Colleague[]> {
    return this.colleagues.followed(user);
  }

  /** Follows a colleague (idempotent); answers with everyone followed. */
  @Put(':userId')
  @RequirePermission('bookings:self')
  @Returns('Colleague', { array: true })
  follow(@CurrentUser() user: AuthUser, @Param('userId', userId) id: string): Promise<Colleague[]> {
    return this.colleagues.follow(user, id);
  }

  @Delete(':userId')
  @RequirePermission('bookings:self')
  @NoContent()
  unfollow(@CurrentUser() user: AuthUser, @Param('userId', userId) id: string): Promise<void> {
    return this.colleagues.unfollow(user, id);
  }
}
