import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { PermissionGuard } from './access/permission.guard';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AvailabilityModule } from './availability/availability.module';
import { BackgroundsModule } from './backgrounds/backgrounds.module';
import { BookingsModule } from './bookings/bookings.module';
import { BuildingsModule } from './buildings/buildings.module';
import { CalendarModule } from './calendar/calendar.module';
import { ColleaguesModule } from './colleagues/colleagues.module';
import { Clock } from './common/clock';
import { CoreModule } from './common/core.module';
import { ParsedBodyGuard } from './common/deferred-body';
import { ProblemFilter } from './common/problem.filter';
import type { AppConfig } from './config/app-config';
import type { DatabaseHandle } from './database/database';
import { EventsModule } from './events/events.module';
import { FavouritesModule } from './favourites/favourites.module';
import { FloorsModule } from './floors/floors.module';
import { HealthModule } from './health/health.module';
import { InsightsModule } from './insights/insights.module';
import { PrivacyModule } from './privacy/privacy.module';
import { JobsModule } from './jobs/jobs.module';
import { PeopleModule } from './people/people.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReceptionModule } from './reception/reception.module';
import { ScimModule } from './scim/scim.module';
import { UsersModule } from './users/users.module';
import { WaitlistModule } from './waitlist/waitlist.module';

/** Feature modules by noun; cross-cutting pieces (config, clock, guards, errors) are wired here once. */
@Module({})
export class AppModule {
  static register(config: AppConfig, database: DatabaseHandle, clock: Clock = new Clock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...database.options, migrationsRun: false }),
        CoreModule.register(config, database, clock),
        MetricsModule,
        AccessModule,
        HealthModule,
        AuthModule,
        UsersModule,
        PeopleModule,
        ScimModule,
        BuildingsModule,
        FloorsModule,
        BackgroundsModule,
        AvailabilityModule,
        BookingsModule,
        FavouritesModule,
        ColleaguesModule,
        AssignmentsModule,
        WaitlistModule,
        CalendarModule,
        ReceptionModule,
        InsightsModule,
        PrivacyModule,
        EventsModule,
        NotificationsModule,
        AuditModule,
        JobsModule,
      ],
      providers: [
        // Deny by default, in this order: who is it (401), may they (403), is the body readable (400/413),
        // all before any pipe validates it.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_GUARD, useClass: ParsedBodyGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
