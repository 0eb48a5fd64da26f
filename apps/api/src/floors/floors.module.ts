import { Module } from '@nestjs/common';
import { BackgroundsModule } from '../backgrounds/backgrounds.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { BookableSpacesCache } from './bookable-spaces.cache';
import { FloorsController } from './floors.controller';
import { FloorsRepository } from './floors.repository';
import { FloorsService } from './floors.service';
import { LayoutsController } from './layouts.controller';
import { LayoutsRepository } from './layouts.repository';
import { LayoutsService } from './layouts.service';

/** Floors and their layouts: read by everyone, drafted and published by facility managers. */
@Module({
  imports: [BuildingsModule, BackgroundsModule],
  controllers: [FloorsController, LayoutsController],
  providers: [FloorsRepository, FloorsService, LayoutsRepository, LayoutsService, BookableSpacesCache],
  exports: [FloorsRepository, BookableSpacesCache],
})
export class FloorsModule {}
