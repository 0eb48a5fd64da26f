import { Module } from '@nestjs/common';
import { GroupsController } from './groups.controller';
import { GroupsRepository } from './groups.repository';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** People and groups: one's own settings, the front desk's person search, groups for restrictions. */
@Module({
  controllers: [MeController, UsersController, GroupsController],
  providers: [UsersRepository, UsersService, GroupsRepository],
  exports: [UsersRepository],
})
export class UsersModule {}
