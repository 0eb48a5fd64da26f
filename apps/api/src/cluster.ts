import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { Logger } from '@nestjs/common';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { AppConfig } from './config/app-config';

// A worker that dies this often in this window is not restarted again: something is wrong.
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 30_000;

/**
 * WEB_CONCURRENCY > 1: the primary process forks that many API workers, which share the port
 * (node:cluster hands out connections). Nothing the workers need to agree on is in memory:
 * sessions, rate limits, live events (LISTEN/NOTIFY) and job locks live in PostgreSQL. The primary
 * restarts a worker that dies, stops them all on SIGTERM/SIGINT, and serves METRICS_PORT with the
 * workers' metrics added up (prom-client's cluster aggregation).
 */
export function supervise(config: AppConfig): void {
  const logger = new Logger('Cluster');
  let stopping = false;
  const deaths: number[] = [];
  for (let i = 0; i < config.webConcurrency; i++) cluster.fork();
  logger.log(`started ${config.webConcurrency} API workers`);

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - RESTART_WINDOW_MS) deaths.shift();
    logger.error(`worker ${worker.process.pid} exited (${signal ?? code})`);
    if (deaths.length > MAX_RESTARTS) {
      logger.error(`${deaths.length} workers died within a minute: giving up`);
      stop(1);
      return;
    }
    cluster.fork();
  });

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(exitCode);
    for (const w of workers) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  if (config.metricsPort) {
    const aggregator = new AggregatorRegistry();
    createServer((req, res) => {
      if (req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      aggregator.clusterMetrics().then(
        (text) => res.writeHead(200, { 'Content-Type': aggregator.contentType, 'Cache-Control': 'no-store' }).end(text),
        () => res.writeHead(503).end(),
      );
    }).listen(config.metricsPort, config.host, () => logger.log(`metrics of all workers on port ${config.metricsPort}`));
  }
}

/** In a worker: answer the primary's metrics requests from this app's registry; leave with the primary. */
export function joinCluster(registry: Registry, shutdown: (reason: string) => void): void {
  // Constructing one installs the worker's side of prom-client's IPC protocol.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  // The primary was killed (kill -9 leaves workers behind otherwise): stop too.
  process.on('disconnect', () => shutdown('the cluster primary went away'));
}
