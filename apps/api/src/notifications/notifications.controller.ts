import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type NotificationPreferences, type OutboxMessage } from '@flexdesk/shared-contracts';
import { Public, RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import { type AppRequest, type AuthUser, requestLocale } from '../common/request-context';
import { NoContent, Returns, ReturnsText } from '../openapi/returns.decorator';
import { NotificationPreferencesDto, OutboxListQuery, UnsubscribeQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Which kinds of e-mail one receives (all on unless switched off). */
  @Get(API_ROUTES.notificationPreferences)
  @RequirePermission('profile:self')
  @Header('Cache-Control', 'no-store')
  @Returns('NotificationPreferences')
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.notifications.myPreferences(user);
  }

  @Put(API_ROUTES.notificationPreferences)
  @RequirePermission('profile:self')
  @Returns('NotificationPreferences')
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.notifications.updateMyPreferences(user, body);
  }

  /** The page behind the link in every mail: asks before it unsubscribes (mail scanners open links). */
  @Public()
  @Get(API_ROUTES.unsubscribe)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ReturnsText('text/html')
  unsubscribePage(@Query() query: UnsubscribeQuery, @Req() req: AppRequest): Promise<string> {
    return this.notifications.unsubscribePage(query.token, req.ip ?? 'unknown', requestLocale(req));
  }

  /** One-click unsubscribe (RFC 8058 `List-Unsubscribe-Post`), and the page's button. */
  @Public()
  @Post(API_ROUTES.unsubscribe)
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ReturnsText('text/html')
  unsubscribe(@Query() query: UnsubscribeQuery, @Req() req: AppRequest): Promise<string> {
    return this.notifications.unsubscribe(query.token, req.ip ?? 'unknown', requestLocale(req));
  }

  /** Messages that failed `NOTIFY_MAX_ATTEMPTS` times (default), or those pending or sent. No content, no address. */
  @Get(API_ROUTES.adminNotifications)
  @RequirePermission('notifications:admin')
  @Returns('OutboxMessage', { array: true })
  list(@Query() query: OutboxListQuery): Promise<OutboxMessage[]> {
    return this.notifications.listMessages(query.status);
  }

  @Post(`${API_ROUTES.adminNotifications}/:id/retry`)
  @HttpCode(200)
  @RequirePermission('notifications:admin')
  @Returns('OutboxMessage')
  retry(@Param('id', uuidParam('NOTIFICATION_NOT_FOUND')) id: string): Promise<OutboxMessage> {
    return this.notifications.retry(id);
  }

  @Delete(`${API_ROUTES.adminNotifications}/:id`)
  @RequirePermission('notifications:admin')
  @NoContent()
  discard(@Param('id', uuidParam('NOTIFICATION_NOT_FOUND')) id: string): Promise<void> {
    return this.notifications.discard(id);
  }
}
