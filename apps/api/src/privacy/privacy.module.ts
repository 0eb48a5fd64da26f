import { Module } from '@nestjs/common';
import { DataExportController } from './data-export.controller';
import { DataExportRepository } from './data-export.repository';
import { DataExportService } from './data-export.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/** The privacy sheet generated from the running configuration, and each person's export of their own data. */
@Module({
  controllers: [PrivacyController, DataExportController],
  providers: [PrivacyRepository, PrivacyService, DataExportRepository, DataExportService],
})
export class PrivacyModule {}
