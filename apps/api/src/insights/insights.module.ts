import { Module } from '@nestjs/common';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';

/** Utilisation reports from the name-free booking facts (k-anonymous; see shared-domain insights). */
@Module({
  controllers: [InsightsController],
  providers: [InsightsRepository, InsightsService],
  exports: [InsightsRepository],
})
export class InsightsModule {}
