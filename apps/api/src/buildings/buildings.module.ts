import { Module } from '@nestjs/common';
import { BuildingsController } from './buildings.controller';
import { BuildingsRepository } from './buildings.repository';
import { BuildingsService } from './buildings.service';

/** Buildings: opening hours, closures and booking rules. */
@Module({
  controllers: [BuildingsController],
  providers: [BuildingsRepository, BuildingsService],
  exports: [BuildingsRepository],
})
export class BuildingsModule {}
