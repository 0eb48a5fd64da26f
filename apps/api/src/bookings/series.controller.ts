import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type BookingSeries, type SeriesResult } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { EndSeriesQuery, SeriesDto } from './series.dto';
import { SeriesService } from './series.service';

const SERIES_EXAMPLES = {
  preview: {
    summary: 'Tuesdays and Thursdays for four weeks, previewed',
    value: { spaceId: '3f2c1d9e-7a4b-4c1e-9d2a-5b6c7d8e9f01', slot: 'day', from: '2026-12-08', until: '2027-01-03', weekdays: [2, 4], preview: true },
  },
  room: {
    summary: 'A room every other Monday, 09:00–10:30, ten times',
    value: { spaceId: '3f2c1d9e-7a4b-4c1e-9d2a-5b6c7d8e9f01', startTime: '09:00', endTime: '10:30', from: '2026-12-07', count: 10, weekdays: [1], interval: 2 },
  },
};

/** Recurring bookings. Registered before the bookings controller, so `/bookings/series` is not read as a booking id. */
@ApiTags('bookings')
@Controller(API_ROUTES.bookingSeries)
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  /**
   * Every day of the series with its outcome; with `preview: true` nothing changes, otherwise the
   * bookable days are booked (each its own booking) and later days follow as the horizon moves.
   */
  @Post()
  @RequirePermission('bookings:self')
  @ApiBody({ type: SeriesDto, examples: SERIES_EXAMPLES })
  @Returns('SeriesResult')
  book(@CurrentUser() user: AuthUser, @Body() body: SeriesDto): Promise<SeriesResult> {
    return this.series.book(user, body);
  }

  @Get()
  @RequirePermission('bookings:self')
  @Returns('BookingSeries', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<BookingSeries[]> {
    return this.series.list(user);
  }

  /** Ends the series: this day (`from`, default today) and later occurrences are cancelled. */
  @Delete(':id')
  @RequirePermission('bookings:self')
  @NoContent()
  end(@CurrentUser() user: AuthUser, @Param('id', uuidParam('SERIES_NOT_FOUND')) id: string, @Query() query: EndSeriesQuery): Promise<void> {
    return this.series.end(user, id, query.from);
  }
}
