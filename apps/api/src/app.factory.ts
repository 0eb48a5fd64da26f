import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { NextFunction, Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { API_PREFIX, SCIM_PREFIX } from '@flexdesk/shared-contracts';
import { AppModule } from './app.module';
import { type AppConfig, LOG_LEVELS } from './config/app-config';
import type { Clock } from './common/clock';
import { createLogger } from './common/app-logger';
import { type AppRequest, requestScope } from './common/request-context';
import { answerClientErrors } from './common/client-errors';
import { deferredJsonBody } from './common/deferred-body';
import { staticClient } from './common/static-client';
import { stringCookies } from './common/input-limits';
import { createValidationPipe } from './common/validation';
import { type DatabaseHandle, migrate } from './database/database';
import { guardPoolConnections } from './database/pool-guard';
import { metricsRoute, metricsServer } from './metrics/metrics-endpoint';
import { Metrics } from './metrics/metrics.service';
import { buildOpenApiDocument } from './openapi/document';
import { seedDemoIfEmpty } from './seed/demo-seed';

export interface CreatedApp {
  app: NestExpressApplication;
  /** Closes HTTP, the pool, and the embedded database, in that order. */
  close(): Promise<void>;
}

/** Builds the whole API (used by main.ts, the integration tests and the benchmarks alike). */
export async function createApp(config: AppConfig, database: DatabaseHandle, clock?: Clock): Promise<CreatedApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database, clock), {
    bufferLogs: false,
    // Our own JSON parser below; Nest's default would answer a malformed body before the guards.
    bodyParser: false,
    logger: createLogger(config.logFormat, [...LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1)]),
  });
  const dataSource = app.get(DataSource);
  guardPoolConnections(dataSource);
  await migrate(dataSource, database.embedded);
  if (config.seedDemo) await seedDemoIfEmpty(dataSource, clock?.now(), { history: true });

  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No automatic ETags: API answers are `no-store` (nothing may keep them to revalidate), and hashing
  // every body cost each availability answer (57 kB) a SHA-1; the client's files carry their own.
  app.set('etag', false);
  const metrics = app.get(Metrics);
  app.use((req: AppRequest, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    req.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (req.path.startsWith(`/${API_PREFIX}/`)) {
      // API answers are personal (bookings, names, sessions) unless a handler says otherwise:
      // no shared cache and no browser history may keep them.
      res.setHeader('Cache-Control', 'no-store');
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const route = (req as AppRequest & { route?: { path?: string } }).route?.path;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.observeRequest(req.method, route ? `${req.baseUrl}${route}` : 'unmatched', res.statusCode, seconds);
      });
    }
    requestScope.run({ requestId }, next);
  });
  if (config.metricsToken) app.use(metricsRoute(metrics, config.metricsToken));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular and Swagger UI set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // Upgrading would break every asset of an installation served over plain HTTP.
          'upgrade-insecure-requests': config.publicUrl.startsWith('https:') ? [] : null,
        },
      },
    }),
  );
  // JSON answers are compressed (an availability answer shrinks about tenfold); event streams are
  // not, or events would wait in the compressor's buffer. The client's files come precompressed.
  app.use(
    compression({
      threshold: 1024,
      filter: (req, res) =>
        !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  app.use(stringCookies());
  app.use(deferredJsonBody(['application/json', 'application/scim+json']));
  // SCIM lives at /scim/v2, where provisioning clients expect it (the route table knows too).
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: `${SCIM_PREFIX}/*path`, method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());

  const openApi = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, openApi, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });

  if (config.clientDir && existsSync(join(config.clientDir, 'index.html'))) {
    serveClient(app, config.clientDir);
  }

  await app.init();
  answerClientErrors(app.getHttpServer());
  const metricsPort = config.metricsPort ? metricsServer(metrics) : null;
  if (metricsPort) {
    await new Promise<void>((resolve, reject) => {
      metricsPort.once('error', reject).listen(config.metricsPort as number, config.host, () => resolve());
    });
    new Logger('Metrics').log(`metrics on http://${config.host}:${config.metricsPort}/metrics`);
  }
  return {
    app,
    async close() {
      if (metricsPort) await new Promise((resolve) => metricsPort.close(resolve));
      await app.close();
      await database.stop();
    },
  };
}

/** The built Angular client on the same port, precompressed and cached (see static-client.ts). */
function serveClient(app: NestExpressApplication, dir: string): void {
  app.use(staticClient(dir, [API_PREFIX, SCIM_PREFIX]));
  new Logger('Client').log(`serving the client from ${dir}`);
}
