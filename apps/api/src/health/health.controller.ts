import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { API_ROUTES, type Health } from '@flexdesk/shared-contracts';
import { Public } from '../common/public.decorator';

@ApiTags('health')
@Controller(API_ROUTES.health)
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers: 503 while the database is unreachable, so traffic moves elsewhere. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503);
      return { status: 'degraded', database: 'down' };
    }
  }
}
