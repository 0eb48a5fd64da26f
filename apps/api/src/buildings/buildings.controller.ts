import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Building, type BuildingSummary } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { BuildingDto, ClosuresDto, PoliciesDto } from './buildings.dto';
import { BuildingsService } from './buildings.service';

const buildingId = uuidParam('BUILDING_NOT_FOUND');

@ApiTags('buildings')
@Controller(API_ROUTES.buildings)
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Get()
  @RequirePermission('buildings:read')
  @Returns('BuildingSummary', { array: true })
  list(): Promise<BuildingSummary[]> {
    return this.buildings.list();
  }

  @Get(':id')
  @RequirePermission('buildings:read')
  @Returns('Building')
  get(@Param('id', buildingId) id: string): Promise<Building> {
    return this.buildings.get(id);
  }

  @Post()
  @RequirePermission('buildings:write')
  @Returns('Building')
  create(@CurrentUser() user: AuthUser, @Body() body: BuildingDto): Promise<Building> {
    return this.buildings.create(user, body);
  }

  @Put(':id')
  @RequirePermission('buildings:write')
  @Returns('Building')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Body() body: BuildingDto,
  ): Promise<Building> {
    return this.buildings.update(user, id, body);
  }

  /** Refused with 409 HAS_FUTURE_BOOKINGS while any booking there has not ended. */
  @Delete(':id')
  @RequirePermission('buildings:write')
  @NoContent()
  delete(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string): Promise<void> {
    return this.buildings.delete(user, id);
  }

  @Post(':id/closures')
  @HttpCode(200)
  @RequirePermission('buildings:write')
  @Returns('Building')
  addClosures(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Body() body: ClosuresDto,
  ): Promise<Building> {
    return this.buildings.addClosures(user, id, body);
  }

  @Delete(':id/closures/:date')
  @RequirePermission('buildings:write')
  @NoContent()
  deleteClosure(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Param('date') date: string,
  ): Promise<void> {
    return this.buildings.deleteClosure(user, id, date);
  }

  @Put(':id/policies')
  @RequirePermission('buildings:write')
  @Returns('Building')
  setPolicies(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Body() body: PoliciesDto,
  ): Promise<Building> {
    return this.buildings.setPolicies(user, id, body);
  }
}
