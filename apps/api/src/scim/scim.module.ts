import { Module } from '@nestjs/common';
import { ScimController } from './scim.controller';
import { ScimRepository } from './scim.repository';
import { ScimService } from './scim.service';

/** SCIM 2.0 provisioning of people and groups by the organisation's directory. */
@Module({
  controllers: [ScimController],
  providers: [ScimRepository, ScimService],
})
export class ScimModule {}
