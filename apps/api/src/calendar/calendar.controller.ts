import { Controller, Delete, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type CalendarFeed, type CalendarFeedStatus } from '@flexdesk/shared-contracts';
import { Public, RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { uuidParam } from '../common/params';
import { DownloadQuery } from '../common/date-query.dto';
import { type AppRequest, type AuthUser, downloadLocale } from '../common/request-context';
import { NoContent, Returns, ReturnsText } from '../openapi/returns.decorator';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';
const bookingId = uuidParam('BOOKING_NOT_FOUND');

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The booking as a calendar invite (METHOD:REQUEST, or CANCEL once cancelled), same UID on every change. */
  @Get(`${API_ROUTES.bookings}/:id/invite.ics`)
  @RequirePermission('bookings:self')
  @ReturnsText('text/calendar')
  async invite(
    @CurrentUser() user: AuthUser,
    @Param('id', bookingId) id: string,
    @Query() query: DownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.calendar.invite(user, id, downloadLocale(user, query.lang));
    res.attachment(file.filename).type(ICS).setHeader('Cache-Control', 'private, no-store');
    return file.body;
  }

  @Get(API_ROUTES.calendarFeed)
  @RequirePermission('profile:self')
  @Returns('CalendarFeedStatus')
  feedStatus(@CurrentUser() user: AuthUser): Promise<CalendarFeedStatus> {
    return this.calendar.feedStatus(user);
  }

  /** Links are built from PUBLIC_URL: the request's Host header is the caller's to choose. */
  @Post(API_ROUTES.calendarFeed)
  @RequirePermission('profile:self')
  @Returns('CalendarFeed')
  createFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeed> {
    return this.calendar.createFeed(user, this.config.publicUrl);
  }

  @Delete(API_ROUTES.calendarFeed)
  @RequirePermission('profile:self')
  @NoContent()
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendar.revokeFeed(user);
  }

  /** Calendar apps cannot sign in: the unguessable secret in the path is the credential. */
  @Public()
  @Get(`${API_ROUTES.calendar}/:file`)
  @ReturnsText('text/calendar')
  async feed(
    @Param('file') file: string,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.calendar.feed(file, req.ip ?? 'unknown');
    res.type(ICS).setHeader('Cache-Control', 'private, no-cache');
    return body;
  }
}
