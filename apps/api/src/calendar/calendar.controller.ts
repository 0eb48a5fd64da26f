import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type CalendarFeed, type CalendarFeedStatus } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import { Public } from '../common/public.decorator';
import { type AppRequest, type AuthUser, requestLocale } from '../common/request-context';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';
const bookingId = uuidParam('BOOKING_NOT_FOUND');

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(`${API_ROUTES.bookings}/:id/invite.ics`)
  @ApiProduces('text/calendar')
  async invite(
    @CurrentUser() user: AuthUser,
    @Param('id', bookingId) id: string,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.calendar.invite(user, id, requestLocale(req));
    res.attachment(file.filename).type(ICS).setHeader('Cache-Control', 'private, no-store');
    return file.body;
  }

  @Get(API_ROUTES.calendarFeed)
  feedStatus(@CurrentUser() user: AuthUser): Promise<CalendarFeedStatus> {
    return this.calendar.feedStatus(user);
  }

  /** Express resolves protocol and host through `trust proxy`, so links are right behind a proxy. */
  @Post(API_ROUTES.calendarFeed)
  createFeed(@CurrentUser() user: AuthUser, @Req() req: AppRequest): Promise<CalendarFeed> {
    return this.calendar.createFeed(user, `${req.protocol}://${req.host}`);
  }

  @Delete(API_ROUTES.calendarFeed)
  @HttpCode(204)
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendar.revokeFeed(user);
  }

  /** Calendar apps cannot sign in: the unguessable secret in the path is the credential. */
  @Public()
  @Get(`${API_ROUTES.calendar}/:file`)
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.calendar.feed(file, req.ip ?? 'unknown');
    res.type(ICS).setHeader('Cache-Control', 'private, no-cache');
    return body;
  }
}
