import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type CreatedWebhook, type OutboxMessage, type Webhook } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { NoContent, Returns } from '../openapi/returns.decorator';
import { CreateWebhookDto } from './notifications.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller(API_ROUTES.adminWebhooks)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('notifications:admin')
  @Returns('Webhook', { array: true })
  list(): Promise<Webhook[]> {
    return this.webhooks.list();
  }

  /** Registers an endpoint; the answer holds its signing secret, shown this once only. */
  @Post()
  @RequirePermission('notifications:admin')
  @Returns('CreatedWebhook')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWebhookDto): Promise<CreatedWebhook> {
    return this.webhooks.create(user, body);
  }

  /** Removes the endpoint and its delivery log. */
  @Delete(':id')
  @RequirePermission('notifications:admin')
  @NoContent()
  delete(@Param('id', uuidParam('WEBHOOK_NOT_FOUND')) id: string): Promise<void> {
    return this.webhooks.delete(id);
  }

  /** The latest deliveries to the endpoint: status, attempts, last error. */
  @Get(':id/deliveries')
  @RequirePermission('notifications:admin')
  @Returns('OutboxMessage', { array: true })
  deliveries(@Param('id', uuidParam('WEBHOOK_NOT_FOUND')) id: string): Promise<OutboxMessage[]> {
    return this.webhooks.deliveries(id);
  }
}
