import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Booking } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { CREATE_BOOKING_EXAMPLES, CreateBookingDto, ListBookingsQuery } from './bookings.dto';
import { BookingsService } from './bookings.service';

const bookingId = uuidParam('BOOKING_NOT_FOUND');

@ApiTags('bookings')
@Controller(API_ROUTES.bookings)
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /**
   * Books a space for a named slot of a day, or for explicit times. Every rule is checked; the
   * loser of a race gets 409 BOOKING_CONFLICT. `bookerId` books on someone's behalf (front desk,
   * facility managers).
   */
  @Post()
  @RequirePermission('bookings:self')
  @ApiBody({ type: CreateBookingDto, examples: CREATE_BOOKING_EXAMPLES })
  @Returns('Booking')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateBookingDto): Promise<Booking> {
    return this.bookings.create(user, body);
  }

  /** The caller's own bookings (cancelled and released ones included), by local date. */
  @Get()
  @RequirePermission('bookings:self')
  @Returns('Booking', { array: true })
  list(@CurrentUser() user: AuthUser, @Query() query: ListBookingsQuery): Promise<Booking[]> {
    return this.bookings.listMine(user, query.from, query.to);
  }

  @Get(':id')
  @RequirePermission('bookings:self')
  @Returns('Booking')
  get(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.get(user, id);
  }

  /** Cancels; idempotent (a cancelled booking stays cancelled, 204 again). */
  @Delete(':id')
  @RequirePermission('bookings:self')
  @NoContent()
  cancel(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<void> {
    return this.bookings.cancel(user, id);
  }

  /** Takes a cancellation back within ten minutes, if the space is still free (the Undo of the notice). */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('bookings:self')
  @Returns('Booking')
  restore(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.restore(user, id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @RequirePermission('bookings:self')
  @Returns('Booking')
  checkIn(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.checkIn(user, id);
  }

  /** Takes a check-in back (front desk while the booking runs; the booker within the check-in window). */
  @Delete(':id/check-in')
  @HttpCode(200)
  @RequirePermission('bookings:self')
  @Returns('Booking')
  undoCheckIn(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<Booking> {
    return this.bookings.undoCheckIn(user, id);
  }
}
