import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics.service';

/** Infrastructure: any feature may count what it does (see README "Operations"). */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
