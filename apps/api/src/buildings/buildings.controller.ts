import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type Building, type BuildingSummary, type Floor } from '@flexdesk/shared-contracts';
import { uuidParam } from '../common/params';
import { BuildingsService } from './buildings.service';

@ApiTags('buildings')
@Controller()
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Get(API_ROUTES.buildings)
  list(): Promise<BuildingSummary[]> {
    return this.buildings.list();
  }

  @Get(`${API_ROUTES.buildings}/:id`)
  get(@Param('id', uuidParam('BUILDING_NOT_FOUND')) id: string): Promise<Building> {
    return this.buildings.get(id);
  }

  @Get(`${API_ROUTES.floors}/:id`)
  floor(@Param('id', uuidParam('FLOOR_NOT_FOUND')) id: string): Promise<Floor> {
    return this.buildings.floor(id);
  }
}
