import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_INFO, type DatabaseHandle } from '../database/database';
import { Clock } from './clock';

/** What every feature may inject: the validated configuration, the clock, and facts about the database. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, database: DatabaseHandle, clock: Clock): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DATABASE_INFO, useValue: { embedded: database.embedded, url: database.url } },
      { provide: Clock, useValue: clock },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
