import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type FloorAvailability } from '@flexdesk/shared-contracts';
import { AvailabilityQuery } from '../bookings/bookings.dto';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { AvailabilityService } from './availability.service';

@ApiTags('availability')
@Controller(API_ROUTES.floors)
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get(':id/availability')
  forFloor(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('FLOOR_NOT_FOUND')) id: string,
    @Query() query: AvailabilityQuery,
  ): Promise<FloorAvailability> {
    return this.availability.forFloor(user, id, query.date);
  }
}
