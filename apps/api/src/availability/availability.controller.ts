import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type FloorAvailability } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DateQuery } from '../common/date-query.dto';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { AvailabilityService } from './availability.service';

@ApiTags('availability')
@Controller(API_ROUTES.floors)
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /** Each space's state on a day as the caller sees it (`mine`, restricted zones), with names only where visible. */
  @Get(':id/availability')
  @RequirePermission('buildings:read')
  @Returns('FloorAvailability')
  forFloor(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('FLOOR_NOT_FOUND')) id: string,
    @Query() query: DateQuery,
  ): Promise<FloorAvailability> {
    return this.availability.forFloor(user, id, query.date);
  }
}
