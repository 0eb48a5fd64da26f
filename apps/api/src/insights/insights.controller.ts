import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type InsightsReport } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { type AuthUser, downloadLocale } from '../common/request-context';
import { Returns, ReturnsBinary, ReturnsText } from '../openapi/returns.decorator';
import { InsightsExportQueryDto, InsightsQueryDto } from './insights.dto';
import { InsightsService } from './insights.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Aggregated utilisation; never about a person (see InsightsService). */
@ApiTags('insights')
@Controller(API_ROUTES.insights)
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('utilisation')
  @RequirePermission('insights:read')
  @Header('Cache-Control', 'no-store')
  @Returns('InsightsReport')
  utilisation(@Query() query: InsightsQueryDto): Promise<InsightsReport> {
    return this.insights.report(query);
  }

  @Get('utilisation.csv')
  @RequirePermission('insights:read')
  @Header('Cache-Control', 'no-store')
  @ReturnsText('text/csv')
  async csv(
    @CurrentUser() user: AuthUser,
    @Query() query: InsightsExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const table = query.table ?? 'totals';
    const csv = await this.insights.csv(query, table, downloadLocale(user, query.lang));
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="flexdesk-insights-${table}-${query.from}.csv"`);
    return csv;
  }

  @Get('utilisation.xlsx')
  @RequirePermission('insights:read')
  @Header('Cache-Control', 'no-store')
  @ReturnsBinary(XLSX)
  async xlsx(
    @CurrentUser() user: AuthUser,
    @Query() query: InsightsExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.insights.xlsx(query, downloadLocale(user, query.lang));
    res.setHeader('Content-Disposition', `attachment; filename="flexdesk-insights-${query.from}.xlsx"`);
    res.status(200).type(XLSX).send(file);
  }
}
