import { Module } from '@nestjs/common';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/** Background jobs on every instance's timer, each run by one instance at a time (advisory locks). */
@Module({
  providers: [JobsRepository, JobsService],
  exports: [JobsService],
})
export class JobsModule {}
