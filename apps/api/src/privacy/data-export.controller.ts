import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type PersonalDataExport } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DownloadQuery } from '../common/date-query.dto';
import { type AuthUser, downloadLocale } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { exportFileName } from './data-export';
import { DataExportService } from './data-export.service';

/** Everything stored about the signed-in person, as a file to keep or take elsewhere (GDPR Art. 15, 20). */
@ApiTags('me')
@Controller(API_ROUTES.myDataExport)
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Get()
  @RequirePermission('profile:self')
  @Header('Cache-Control', 'no-store')
  @Returns('PersonalDataExport')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: DownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport> {
    const file = await this.exports.export(user, downloadLocale(user, query.lang));
    res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(file.generatedAt)}"`);
    return file;
  }
}
