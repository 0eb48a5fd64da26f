import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { API_ROUTES, type Health, type Liveness, type Readiness } from '@flexdesk/shared-contracts';
import { Public } from '../access/permission.decorator';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../common/database-errors';
import { MIGRATIONS } from '../database/migrations';
import { Returns } from '../openapi/returns.decorator';

/** A probe that cannot answer in this time counts as down: probes must not hang with the database. */
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller(API_ROUTES.health)
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers: 503 while the database is unreachable, so traffic moves elsewhere. */
  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @Returns('Health')
  @ApiResponse({
    status: 503,
    description: 'The database is unreachable',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), PROBE_TIMEOUT_MS);
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503).setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
      return { status: 'degraded', database: 'down' };
    }
  }

  /** Liveness: the process and its event loop answer. Never touches the database, so an outage restarts nothing. */
  @Public()
  @Get('live')
  @Header('Cache-Control', 'no-store')
  @Returns('Liveness')
  live(): Liveness {
    return { status: 'ok' };
  }

  /** Readiness: send traffic here only when the schema is migrated and the database answers. */
  @Public()
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @Returns('Readiness')
  @ApiResponse({
    status: 503,
    description: 'Not ready: the database is unreachable or migrations are pending',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } },
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    let answer: Readiness;
    try {
      const [{ applied }] = await withTimeout<{ applied: number }[]>(
        this.dataSource.query('SELECT count(*)::int AS applied FROM migrations'),
        PROBE_TIMEOUT_MS,
      );
      const done = applied >= MIGRATIONS.length;
      answer = { status: done ? 'ready' : 'not_ready', database: 'up', migrations: done ? 'done' : 'pending' };
    } catch {
      answer = { status: 'not_ready', database: 'down', migrations: 'unknown' };
    }
    if (answer.status !== 'ready') res.status(503).setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    return answer;
  }
}
