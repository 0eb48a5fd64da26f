import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Booking } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { BookingsService } from './bookings.service';

@ApiTags('bookings')
@Controller(API_ROUTES.spaces)
export class SpaceCheckInController {
  constructor(private readonly bookings: BookingsService) {}

  /** Target of the QR code printed on a desk: checks in the caller's current booking of it. */
  @Post(':id/check-in')
  @HttpCode(200)
  @RequirePermission('bookings:self')
  @Returns('Booking')
  checkIn(@CurrentUser() user: AuthUser, @Param('id', uuidParam('SPACE_NOT_FOUND')) id: string): Promise<Booking> {
    return this.bookings.checkInAtSpace(user, id);
  }
}
