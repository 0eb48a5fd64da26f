import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { RateLimitRepository } from './auth/rate-limit.repository';
import { SessionsRepository } from './auth/sessions.repository';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilityService } from './availability/availability.service';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import { SpacesController } from './bookings/spaces.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarRepository } from './calendar/calendar.repository';
import { CalendarService } from './calendar/calendar.service';
import { BuildingsController } from './buildings/buildings.controller';
import { BuildingsRepository } from './buildings/buildings.repository';
import { BuildingsService } from './buildings/buildings.service';
import { FloorsRepository } from './buildings/floors.repository';
import { Clock } from './common/clock';
import { DATABASE_INFO, type DatabaseHandle } from './database/database';
import { EventsController } from './events/events.controller';
import { LiveEventsHub } from './events/live-events.hub';
import { JobsRepository } from './jobs/jobs.repository';
import { OccupancyController } from './occupancy/occupancy.controller';
import { AuditRepository } from './editing/audit.repository';
import { BackgroundsController } from './backgrounds/backgrounds.controller';
import { BackgroundsRepository } from './backgrounds/backgrounds.repository';
import { BackgroundsService } from './backgrounds/backgrounds.service';
import { SvgSanitiser } from './backgrounds/svg-sanitiser';
import { GroupsController } from './groups/groups.controller';
import { GroupsRepository } from './groups/groups.repository';
import { EditingController } from './editing/editing.controller';
import { EditingRepository } from './editing/editing.repository';
import { EditingService } from './editing/editing.service';
import { LayoutRepository } from './editing/layout.repository';
import { LayoutService } from './editing/layout.service';
import { OccupancyRepository } from './occupancy/occupancy.repository';
import { OccupancyService } from './occupancy/occupancy.service';
import { JobsService } from './jobs/jobs.service';
import { ProblemFilter } from './common/problem.filter';
import { HealthController } from './health/health.controller';
import { UsersRepository } from './users/users.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { ReceptionAdminController } from './admin/reception-admin.controller';
import { ReceptionAdminRepository } from './admin/reception-admin.repository';
import { ReceptionAdminService } from './admin/reception-admin.service';

@Module({})
export class AppModule {
  static register(config: AppConfig, database: DatabaseHandle, clock: Clock = new Clock()): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot({ ...database.options, migrationsRun: false })],
      controllers: [HealthController, AuthController, BuildingsController, AvailabilityController, BookingsController, EventsController, OccupancyController, CalendarController, EditingController, SpacesController, BackgroundsController, GroupsController, UsersController, ReceptionAdminController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_INFO, useValue: { embedded: database.embedded, url: database.url } },
        LiveEventsHub,
        JobsRepository,
        JobsService,
        OccupancyRepository,
        OccupancyService,
        AuditRepository,
        EditingRepository,
        EditingService,
        LayoutRepository,
        LayoutService,
        BackgroundsRepository,
        BackgroundsService,
        SvgSanitiser,
        GroupsRepository,
        // Deny by default: every route needs a session unless it is marked @Public().
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: Clock, useValue: clock },
        AuthService,
        SessionsRepository,
        RateLimitRepository,
        UsersRepository,
        UsersService,
        ReceptionAdminRepository,
        ReceptionAdminService,
        BuildingsRepository,
        FloorsRepository,
        BuildingsService,
        AvailabilityService,
        BookingsRepository,
        BookingsService,
        CalendarRepository,
        CalendarService,
      ],
    };
  }
}
