import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type FloorLayout, type LayoutDraft, type PublishResult } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { Returns } from '../openapi/returns.decorator';
import { PublishDto, SaveDraftDto } from './floors.dto';
import { LayoutsService } from './layouts.service';

const floorId = uuidParam('FLOOR_NOT_FOUND');

@ApiTags('layouts')
@Controller(`${API_ROUTES.floors}/:id/layout`)
export class LayoutsController {
  constructor(private readonly layouts: LayoutsService) {}

  /** The published layout as JSON: what employees see, and the export format for import elsewhere. */
  @Get()
  @RequirePermission('buildings:read')
  @Returns('FloorLayout')
  published(@Param('id', floorId) id: string): Promise<FloorLayout> {
    return this.layouts.published(id);
  }

  @Get('draft')
  @RequirePermission('layout:edit')
  @Returns('LayoutDraft')
  draft(@Param('id', floorId) id: string): Promise<LayoutDraft> {
    return this.layouts.draft(id);
  }

  /** Saves (or imports) a whole layout as the draft; 409 STALE_VERSION if someone saved since. */
  @Put('draft')
  @RequirePermission('layout:edit')
  @Returns('LayoutDraft')
  saveDraft(
    @CurrentUser() user: AuthUser,
    @Param('id', floorId) id: string,
    @Body() body: SaveDraftDto,
  ): Promise<LayoutDraft> {
    return this.layouts.saveDraft(user, id, body.draftVersion, body.layout);
  }

  @Post('publish')
  @HttpCode(200)
  @RequirePermission('layout:publish')
  @Returns('PublishResult')
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', floorId) id: string,
    @Body() body: PublishDto,
  ): Promise<PublishResult> {
    return this.layouts.publish(user, id, body.draftVersion, body.cancelAffectedBookings ?? false);
  }
}
