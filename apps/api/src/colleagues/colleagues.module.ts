import { Module } from '@nestjs/common';
import { ColleaguesController, FollowingController } from './colleagues.controller';
import { ColleaguesRepository } from './colleagues.repository';
import { ColleaguesService } from './colleagues.service';

/** Following colleagues who show their name, and where they sit on a day. */
@Module({
  controllers: [ColleaguesController, FollowingController],
  providers: [ColleaguesRepository, ColleaguesService],
})
export class ColleaguesModule {}
