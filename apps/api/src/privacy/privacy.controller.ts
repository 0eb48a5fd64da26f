import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type PrivacySheet } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DownloadQuery } from '../common/date-query.dto';
import { type AuthUser, downloadLocale } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { PrivacyService } from './privacy.service';

/**
 * For every signed-in person, not public: the people it is about (employees) must be able to read
 * it, but it describes the inside of the installation (buildings, how many receptionists work
 * where, which integrations are on), which is nobody else's business.
 */
@ApiTags('privacy')
@Controller(API_ROUTES.privacy)
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get()
  @RequirePermission('profile:self')
  @Returns('PrivacySheet')
  sheet(@CurrentUser() user: AuthUser, @Query() query: DownloadQuery): Promise<PrivacySheet> {
    return this.privacy.sheet(downloadLocale(user, query.lang));
  }
}
