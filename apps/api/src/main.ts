import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { openDatabase } from './database/database';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Flexdesk');
  const config = loadConfig();
  const database = await openDatabase(config);
  const { app, close } = await createApp(config, database).catch(async (e) => {
    await database.stop();
    throw e;
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing requests and closing the database`);
    close()
      .then(() => process.exit(0))
      .catch((e) => {
        logger.error('shutdown failed', e instanceof Error ? e.stack : String(e));
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  logger.log(
    `Flexdesk is running on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')} ` +
      `(${database.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`,
  );
}

bootstrap().catch((e) => {
  new Logger('Flexdesk').error(e instanceof Error ? e.message : String(e), e instanceof Error ? e.stack : undefined);
  process.exit(1);
});
