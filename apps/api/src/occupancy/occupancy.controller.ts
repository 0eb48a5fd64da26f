import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type BuildingOccupancy } from '@flexdesk/shared-contracts';
import { AvailabilityQuery } from '../bookings/bookings.dto';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import { type AppRequest, type AuthUser, requestLocale } from '../common/request-context';
import { OccupancyService } from './occupancy.service';

const buildingId = uuidParam('BUILDING_NOT_FOUND');

@ApiTags('occupancy')
@Controller(API_ROUTES.buildings)
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  @Get(':id/occupancy')
  forDay(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Query() query: AvailabilityQuery,
  ): Promise<BuildingOccupancy> {
    return this.occupancy.forBuilding(user, id, query.date);
  }

  @Get(':id/day-list.csv')
  @Header('Cache-Control', 'no-store')
  async dayList(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Query() query: AvailabilityQuery,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.occupancy.dayListCsv(user, id, query.date, requestLocale(req));
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="flexdesk-${query.date}.csv"`);
    return csv;
  }
}
