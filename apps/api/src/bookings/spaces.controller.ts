import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Booking } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { BookingsService } from './bookings.service';

@ApiTags('bookings')
@Controller('spaces')
export class SpacesController {
  constructor(private readonly bookings: BookingsService) {}

  /** Target of the QR code printed on a desk: checks in the caller's current booking of it. */
  @Post(':id/check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() user: AuthUser, @Param('id', uuidParam('SPACE_NOT_FOUND')) id: string): Promise<Booking> {
    return this.bookings.checkInAtSpace(user, id);
  }
}
