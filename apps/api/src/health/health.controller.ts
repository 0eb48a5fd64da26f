import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { API_ROUTES, type Health } from '@flexdesk/shared-contracts';
import { Public } from '../access/permission.decorator';
import { Returns } from '../openapi/returns.decorator';

@ApiTags('health')
@Controller(API_ROUTES.health)
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers: 503 while the database is unreachable, so traffic moves elsewhere. */
  @Public()
  @Get()
  @Returns('Health')
  @ApiResponse({
    status: 503,
    description: 'The database is unreachable',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
  })
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
