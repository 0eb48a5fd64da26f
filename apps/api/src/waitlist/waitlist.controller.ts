import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type WaitlistEntry } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { WaitlistDto } from './waitlist.dto';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@Controller(API_ROUTES.waitlist)
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  /**
   * Waits for a space (or any matching one on a floor) on a day. When one is free already, or
   * becomes free before the slot begins, it is booked for the caller in queue order; the entry's
   * status says so (`booked`, with the booking's id).
   */
  @Post()
  @RequirePermission('bookings:self')
  @Returns('WaitlistEntry')
  join(@CurrentUser() user: AuthUser, @Body() body: WaitlistDto): Promise<WaitlistEntry> {
    return this.waitlist.join(user, body);
  }

  /** My entries from today on, with my place in the queue while waiting. */
  @Get()
  @RequirePermission('bookings:self')
  @Returns('WaitlistEntry', { array: true })
  list(@CurrentUser() user: AuthUser): Promise<WaitlistEntry[]> {
    return this.waitlist.list(user);
  }

  @Delete(':id')
  @RequirePermission('bookings:self')
  @NoContent()
  leave(@CurrentUser() user: AuthUser, @Param('id', uuidParam('WAITLIST_ENTRY_NOT_FOUND')) id: string): Promise<void> {
    return this.waitlist.leave(user, id);
  }
}
