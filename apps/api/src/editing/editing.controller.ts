import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type AuditEntry, type Building, type FloorLayout, type FloorSummary, type LayoutDraft, type PublishResult } from '@flexdesk/shared-contracts';
import { CurrentUser } from '../common/current-user.decorator';
import { DomainError } from '../common/domain-error';
import { uuidParam } from '../common/params';
import { type AuthUser, hasRole } from '../common/request-context';
import { AuditRepository } from './audit.repository';
import { AuditQuery, BuildingDto, ClosuresDto, FloorDto, PoliciesDto, PublishDto, SaveDraftDto } from './editing.dto';
import { EditingService } from './editing.service';
import { LayoutService } from './layout.service';

const buildingId = uuidParam('BUILDING_NOT_FOUND');
const floorId = uuidParam('FLOOR_NOT_FOUND');

@ApiTags('editing')
@Controller()
export class EditingController {
  constructor(
    private readonly editing: EditingService,
    private readonly layouts: LayoutService,
    private readonly audit: AuditRepository,
  ) {}

  @Post(API_ROUTES.buildings)
  createBuilding(@CurrentUser() user: AuthUser, @Body() body: BuildingDto): Promise<Building> {
    return this.editing.createBuilding(user, body);
  }

  @Put(`${API_ROUTES.buildings}/:id`)
  updateBuilding(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string, @Body() body: BuildingDto): Promise<Building> {
    return this.editing.updateBuilding(user, id, body);
  }

  @Delete(`${API_ROUTES.buildings}/:id`)
  @HttpCode(204)
  deleteBuilding(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string): Promise<void> {
    return this.editing.deleteBuilding(user, id);
  }

  @Post(`${API_ROUTES.buildings}/:id/closures`)
  @HttpCode(200)
  addClosures(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string, @Body() body: ClosuresDto): Promise<Building> {
    return this.editing.addClosures(user, id, body);
  }

  @Delete(`${API_ROUTES.buildings}/:id/closures/:date`)
  @HttpCode(204)
  deleteClosure(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string, @Param('date') date: string): Promise<void> {
    return this.editing.deleteClosure(user, id, date);
  }

  @Put(`${API_ROUTES.buildings}/:id/policies`)
  setPolicies(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string, @Body() body: PoliciesDto): Promise<Building> {
    return this.editing.setPolicies(user, id, body);
  }

  @Post(`${API_ROUTES.buildings}/:id/floors`)
  createFloor(@CurrentUser() user: AuthUser, @Param('id', buildingId) id: string, @Body() body: FloorDto): Promise<FloorSummary> {
    return this.editing.createFloor(user, id, body);
  }

  @Put(`${API_ROUTES.floors}/:id`)
  updateFloor(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string, @Body() body: FloorDto): Promise<FloorSummary> {
    return this.editing.updateFloor(user, id, body);
  }

  @Delete(`${API_ROUTES.floors}/:id`)
  @HttpCode(204)
  deleteFloor(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string): Promise<void> {
    return this.editing.deleteFloor(user, id);
  }

  /** The published layout as JSON: what employees see, and the export format for import elsewhere. */
  @Get(`${API_ROUTES.floors}/:id/layout`)
  layout(@Param('id', floorId) id: string): Promise<FloorLayout> {
    return this.layouts.published(id);
  }

  @Get(`${API_ROUTES.floors}/:id/layout/draft`)
  draft(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string): Promise<LayoutDraft> {
    return this.layouts.draft(user, id);
  }

  @Put(`${API_ROUTES.floors}/:id/layout/draft`)
  saveDraft(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string, @Body() body: SaveDraftDto): Promise<LayoutDraft> {
    return this.layouts.saveDraft(user, id, body.draftVersion, body.layout);
  }

  @Post(`${API_ROUTES.floors}/:id/layout/publish`)
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', floorId) id: string, @Body() body: PublishDto): Promise<PublishResult> {
    return this.layouts.publish(user, id, body.draftVersion, body.cancelAffectedBookings ?? false);
  }

  @Get('audit')
  auditLog(@CurrentUser() user: AuthUser, @Query() query: AuditQuery): Promise<AuditEntry[]> {
    if (!hasRole(user, 'admin')) throw new DomainError('FORBIDDEN');
    return this.audit.list(query.limit ?? 100, query.before ?? null);
  }
}
