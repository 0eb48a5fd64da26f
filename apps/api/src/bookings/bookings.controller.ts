import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Booking } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { CreateBookingDto, ListBookingsQuery } from './bookings.dto';
import { BookingsService } from './bookings.service';

const bookingId = uuidParam('BOOKING_NOT_FOUND');

@ApiTags('bookings')
@Controller(API_ROUTES.bookings)
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateBookingDto): Promise<Booking> {
    return this.bookings.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListBookingsQuery): Promise<Booking[]> {
    return this.bookings.listMine(user, query.from, query.to);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.get(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  cancel(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<void> {
    return this.bookings.cancel(user, id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.checkIn(user, id);
  }

  @Delete(':id/check-in')
  @HttpCode(200)
  undoCheckIn(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.undoCheckIn(user, id);
  }
}
