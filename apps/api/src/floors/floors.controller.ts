import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Floor, type FloorSummary } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { FloorDto } from './floors.dto';
import { FloorsService } from './floors.service';

const buildingId = uuidParam('BUILDING_NOT_FOUND');
const floorId = uuidParam('FLOOR_NOT_FOUND');

@ApiTags('floors')
@Controller()
export class FloorsController {
  constructor(private readonly floors: FloorsService) {}

  /** The floor with its published plan, zones and spaces. */
  @Get(`${API_ROUTES.floors}/:id`)
  @RequirePermission('buildings:read')
  @Returns('Floor')
  get(@Param('id', floorId) id: string): Promise<Floor> {
    return this.floors.get(id);
  }

  @Post(`${API_ROUTES.buildings}/:id/floors`)
  @RequirePermission('floors:write')
  @Returns('FloorSummary')
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Body() body: FloorDto,
  ): Promise<FloorSummary> {
    return this.floors.create(user, id, body);
  }

  @Put(`${API_ROUTES.floors}/:id`)
  @RequirePermission('floors:write')
  @Returns('FloorSummary')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', floorId) id: string,
    @Body() body: FloorDto,
  ): Promise<FloorSummary> {
    return this.floors.update(user, id, body);
  }

  /** Refused with 409 HAS_FUTURE_BOOKINGS while any booking there has not ended. */
  @Delete(`${API_ROUTES.floors}/:id`)
  @RequirePermission('floors:write')
  @NoContent()
  delete(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string): Promise<void> {
    return this.floors.delete(user, id);
  }
}
