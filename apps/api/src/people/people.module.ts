import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GroupsAdminController } from './groups-admin.controller';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

/** People and groups administration: invite, edit, offboard, import and export. */
@Module({
  imports: [AuthModule],
  controllers: [PeopleController, GroupsAdminController],
  providers: [PeopleRepository, PeopleService],
  exports: [PeopleRepository],
})
export class PeopleModule {}
