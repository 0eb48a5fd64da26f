import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type BuildingOccupancy } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DateQuery, DayDownloadQuery } from '../common/date-query.dto';
import { uuidParam } from '../common/params';
import { type AuthUser, downloadLocale } from '../common/request-context';
import { Returns, ReturnsText } from '../openapi/returns.decorator';
import { OccupancyService } from './occupancy.service';

const buildingId = uuidParam('BUILDING_NOT_FOUND');

@ApiTags('reception')
@Controller(API_ROUTES.buildings)
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  /** Totals per floor and kind; the named day list only for the front desk of this building. */
  @Get(':id/occupancy')
  @RequirePermission('reception:board')
  @Header('Cache-Control', 'no-store')
  @Returns('BuildingOccupancy')
  forDay(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Query() query: DateQuery,
  ): Promise<BuildingOccupancy> {
    return this.occupancy.forBuilding(user, id, query.date);
  }

  /** The day list for Excel; 403 RECEPTION_NOT_ASSIGNED outside one's buildings. */
  @Get(':id/day-list.csv')
  @RequirePermission('reception:names')
  @Header('Cache-Control', 'no-store')
  @ReturnsText('text/csv')
  async dayList(
    @CurrentUser() user: AuthUser,
    @Param('id', buildingId) id: string,
    @Query() query: DayDownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.occupancy.dayListCsv(user, id, query.date, downloadLocale(user, query.lang));
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="flexdesk-${query.date}.csv"`);
    return csv;
  }
}
