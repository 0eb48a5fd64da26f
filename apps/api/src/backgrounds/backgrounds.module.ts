import { Module } from '@nestjs/common';
import { BackgroundUploadInterceptor } from './background-upload.interceptor';
import { BackgroundsController } from './backgrounds.controller';
import { BackgroundsRepository } from './backgrounds.repository';
import { BackgroundsService } from './backgrounds.service';
import { SvgSanitiser } from './svg-sanitiser';

/** Floor background images: uploaded, sniffed, SVG sanitised, stored in the database, served. */
@Module({
  controllers: [BackgroundsController],
  providers: [BackgroundsRepository, BackgroundsService, SvgSanitiser, BackgroundUploadInterceptor],
  exports: [BackgroundsRepository],
})
export class BackgroundsModule {}
