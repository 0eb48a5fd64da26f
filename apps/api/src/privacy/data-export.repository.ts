import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Locale,
  PersonalDataBooking,
  PersonalDataMessage,
  PersonalDataPlace,
  PersonalDataSeries,
  PersonalDataWaitlistEntry,
  Role,
} from '@flexdesk/shared-contracts';
import type { AuditRow } from './data-export';

export interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  showNameToColleagues: boolean;
  active: boolean;
  deactivatedAt: Date | null;
  scimDeletedAt: Date | null;
  externalId: string | null;
  hasPassword: boolean;
  calendarFeed: boolean;
  createdAt: Date;
  updatedAt: Date;
  notificationPreferences: Record<string, boolean>;
  receptionAllBuildings: boolean;
  homeBuildingId: string | null;
  homeBuildingName: string | null;
  defaultFloorId: string | null;
  defaultFloorName: string | null;
  defaultFloorBuildingName: string | null;
}

/**
 * A contract type as a query returns it: the named timestamp fields are `Date`s (the service writes
 * them as ISO strings, bookings in their building's zone).
 */
type Stored<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? Date | null : Date };

export type BookingExportRow = Stored<
  PersonalDataBooking,
  'start' | 'end' | 'checkedInAt' | 'cancelledAt' | 'releasedAt' | 'createdAt' | 'updatedAt'
>;

export type SeriesExportRow = Stored<PersonalDataSeries, 'endedAt' | 'createdAt'>;

export type PlaceRow = Omit<PersonalDataPlace, 'since'>;

export type WaitlistExportRow = Stored<PersonalDataWaitlistEntry, 'createdAt' | 'servedAt'>;

/** Everything stored about one person, as rows; `null` when there is no such person. */
export interface PersonalDataRows {
  person: PersonRow;
  groups: { id: string; name: string }[];
  identityLinks: { issuer: string; subject: string; createdAt: Date }[];
  receptionBuildings: { id: string; name: string }[];
  sessions: { id: string; createdAt: Date; expiresAt: Date; issuer: string | null }[];
  passwordLinks: {
    purpose: 'invite' | 'reset';
    createdAt: Date;
    expiresAt: Date;
    usedAt: Date | null;
    byYou: boolean;
  }[];
  signInCounters: { key: string; windowStart: Date; count: number }[];
  bookings: BookingExportRow[];
  series: SeriesExportRow[];
  favourites: (PlaceRow & { since: Date })[];
  following: { displayName: string | null; since: Date }[];
  followedBy: number;
  absences: { id: string; from: string; to: string; createdAt: Date }[];
  assignedDesks: (PlaceRow & { releasedDates: string[] })[];
  waitlist: WaitlistExportRow[];
  messages: Stored<PersonalDataMessage, 'createdAt' | 'sentAt'>[];
  audit: AuditRow[];
  floorsPublished: { floorId: string; floorName: string; publishedAt: Date | null }[];
  floorDrafts: { floorId: string; floorName: string; updatedAt: Date | null }[];
  floorBackgrounds: { id: string; floorName: string; createdAt: Date }[];
  webhooks: { id: string; eventTypes: string[]; active: boolean; createdAt: Date }[];
  passwordLinksIssued: { purpose: 'invite' | 'reset'; createdAt: Date }[];
}

/** The rate-limit keys that name a person (see auth.service.ts): failed sign-ins and password changes. */
export const signInCounterKeys = (userId: string, email: string) => ({
  failedSignIn: `login:fail:${email.toLowerCase()}`,
  failedPasswordChange: `password-change:fail:${userId}`,
});

const PLACE = `s.id AS "spaceId", s.label AS "spaceLabel", s.kind AS "spaceKind", f.name AS "floorName", b.name AS "buildingName"`;
const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * Reads everything stored about one person for their export: one query per table (or two joined
 * ones), each by an indexed person column where the table can grow large (bookings: by booker and,
 * for bookings made for others, a partial index on the creator; the outbox: by recipient), in one
 * read-only snapshot so the sections agree with each other. No column of a hash or secret is read.
 */
@Injectable()
export class DataExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async collect(userId: string): Promise<PersonalDataRows | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query(`SET TRANSACTION READ ONLY`);
      const [person]: PersonRow[] = await m.query(
        `SELECT u.id, u.email, u.display_name AS "displayName", u.roles, u.locale,
                u.show_name_to_colleagues AS "showNameToColleagues", u.active, u.deactivated_at AS "deactivatedAt",
                u.scim_deleted_at AS "scimDeletedAt", u.external_id AS "externalId",
                u.password_hash IS NOT NULL AS "hasPassword", u.calendar_token_hash IS NOT NULL AS "calendarFeed",
                u.created_at AS "createdAt", u.updated_at AS "updatedAt",
                u.notification_preferences AS "notificationPreferences",
                u.reception_all_buildings AS "receptionAllBuildings",
                hb.id AS "homeBuildingId", hb.name AS "homeBuildingName",
                df.id AS "defaultFloorId", df.name AS "defaultFloorName", dfb.name AS "defaultFloorBuildingName"
           FROM users u
           LEFT JOIN buildings hb ON hb.id = u.home_building_id
           LEFT JOIN floors df ON df.id = u.default_floor_id
           LEFT JOIN buildings dfb ON dfb.id = df.building_id
          WHERE u.id = $1`,
        [userId],
      );
      if (!person) return null;
      const keys = signInCounterKeys(userId, person.email);
      const q = <T>(sql: string, params: unknown[] = [userId]): Promise<T[]> => m.query(sql, params);
      return {
        person,
        groups: await q(
          `SELECT g.id, g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = $1 ORDER BY g.name, g.id`,
        ),
        identityLinks: await q(
          `SELECT issuer, subject, created_at AS "createdAt" FROM identity_links WHERE user_id = $1 ORDER BY created_at`,
        ),
        receptionBuildings: await q(
          `SELECT b.id, b.name FROM reception_assignments ra JOIN buildings b ON b.id = ra.building_id
            WHERE ra.user_id = $1 ORDER BY b.name, b.id`,
        ),
        sessions: await q(
          `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", issuer
             FROM sessions WHERE user_id = $1 ORDER BY created_at, id`,
        ),
        passwordLinks: await q(
          `SELECT purpose, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt",
                  COALESCE(created_by = user_id, false) AS "byYou"
             FROM password_tokens WHERE user_id = $1 ORDER BY created_at, id`,
        ),
        signInCounters: await q(
          `SELECT key, window_start AS "windowStart", count FROM rate_limits WHERE key IN ($1, $2) ORDER BY window_start, key`,
          [keys.failedSignIn, keys.failedPasswordChange],
        ),
        bookings: await this.bookings(m, userId),
        series: await q(
          `SELECT bs.id, s.label AS "spaceLabel", f.name AS "floorName", b.name AS "buildingName", bs.slot,
                  bs.start_time AS "startTime", bs.end_time AS "endTime", ${DAY('bs.from_date')} AS "from",
                  ${DAY('bs.until_date')} AS "until", bs.max_count AS "count", bs.weekdays,
                  bs.interval_weeks AS "interval", ${DAY('bs.booked_until')} AS "bookedUntil",
                  bs.ended_at AS "endedAt", bs.created_at AS "createdAt",
                  bs.booker_id = $1 AS "forYou", COALESCE(bs.creator_id = $1, false) AS "madeByYou"
             FROM booking_series bs
             JOIN spaces s ON s.id = bs.space_id JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE bs.booker_id = $1 OR bs.creator_id = $1
            ORDER BY bs.created_at, bs.id`,
        ),
        favourites: await q(
          `SELECT ${PLACE}, fa.created_at AS since
             FROM favourites fa
             JOIN spaces s ON s.id = fa.space_id JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE fa.user_id = $1 ORDER BY fa.created_at, s.id`,
        ),
        // The name only where the app itself would show it: a colleague who stopped showing it (or
        // left) is still followed, so the row is there, but nameless.
        following: await q(
          `SELECT CASE WHEN u.active AND u.show_name_to_colleagues THEN u.display_name END AS "displayName",
                  fo.created_at AS since
             FROM follows fo JOIN users u ON u.id = fo.followed_id
            WHERE fo.follower_id = $1 ORDER BY fo.created_at, u.id`,
        ),
        followedBy: (await q<{ n: number }>(`SELECT count(*)::int AS n FROM follows WHERE followed_id = $1`))[0].n,
        absences: await q(
          `SELECT id, ${DAY('from_date')} AS "from", ${DAY('to_date')} AS "to", created_at AS "createdAt"
             FROM absences WHERE user_id = $1 ORDER BY from_date, id`,
        ),
        assignedDesks: await q(
          `SELECT ${PLACE},
                  array(SELECT ${DAY('r.date')} FROM assignment_releases r WHERE r.space_id = s.id ORDER BY r.date) AS "releasedDates"
             FROM spaces s JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE s.assignee_id = $1 ORDER BY b.name, f.level, s.label`,
        ),
        waitlist: await q(
          `SELECT w.id, f.name AS "floorName", b.name AS "buildingName", s.label AS "spaceLabel", w.kind, w.attributes,
                  ${DAY('w.local_date')} AS date, w.slot, w.status, w.booking_id AS "bookingId",
                  w.created_at AS "createdAt", w.served_at AS "servedAt"
             FROM waitlist_entries w
             JOIN floors f ON f.id = w.floor_id JOIN buildings b ON b.id = f.building_id
             LEFT JOIN spaces s ON s.id = w.space_id
            WHERE w.user_id = $1 ORDER BY w.created_at, w.id`,
        ),
        // Not the payload (a set-password mail carries its link there until sent), nor the dedupe
        // key (it holds the link's hash), nor the last error (it may quote the mail server).
        messages: await q(
          `SELECT id, kind, status, attempts, booking_id AS "bookingId", created_at AS "createdAt", sent_at AS "sentAt"
             FROM outbox WHERE recipient_id = $1 ORDER BY created_at, id`,
        ),
        audit: await q(
          `SELECT at, actor_id AS "actorId", action, entity_type AS "entityType", entity_id AS "entityId", details
             FROM audit_log
            WHERE actor_id = $1 OR (entity_type = 'user' AND entity_id = $1)
               OR (action = 'space.assign' AND $1::text IN (details->>'from', details->>'to'))
            ORDER BY id`,
        ),
        floorsPublished: await q(
          `SELECT id AS "floorId", name AS "floorName", published_at AS "publishedAt" FROM floors WHERE published_by = $1 ORDER BY name, id`,
        ),
        floorDrafts: await q(
          `SELECT id AS "floorId", name AS "floorName", draft_updated_at AS "updatedAt" FROM floors WHERE draft_updated_by = $1 ORDER BY name, id`,
        ),
        floorBackgrounds: await q(
          `SELECT fb.id, f.name AS "floorName", fb.created_at AS "createdAt"
             FROM floor_backgrounds fb JOIN floors f ON f.id = fb.floor_id WHERE fb.created_by = $1 ORDER BY fb.created_at, fb.id`,
        ),
        webhooks: await q(
          `SELECT id, event_types AS "eventTypes", active, created_at AS "createdAt" FROM webhooks WHERE created_by = $1 ORDER BY created_at, id`,
        ),
        passwordLinksIssued: await q(
          `SELECT purpose, created_at AS "createdAt" FROM password_tokens
            WHERE created_by = $1 AND user_id <> $1 ORDER BY created_at, id`,
        ),
      };
    });
  }

  /**
   * The person's bookings, and those they made for someone else: two index ranges (by booker; by
   * creator where it differs from the booker, a partial index), never a scan of all bookings.
   * The privacy purge removes both names, after which a booking is nobody's and not exported.
   */
  private bookings(m: EntityManager, userId: string): Promise<BookingExportRow[]> {
    return m.query(
      `SELECT bk.id, ${PLACE}, b.time_zone AS "timeZone", ${DAY('bk.local_date')} AS date, bk.slot,
              bk.start_at AS start, bk.end_at AS "end", bk.status,
              COALESCE(bk.booker_id = $1, false) AS "forYou", COALESCE(bk.creator_id = $1, false) AS "madeByYou",
              bk.checked_in_at AS "checkedInAt", bk.cancelled_at AS "cancelledAt", bk.released_at AS "releasedAt",
              bk.created_at AS "createdAt", bk.updated_at AS "updatedAt", bk.series_id AS "seriesId"
         FROM (SELECT * FROM bookings WHERE booker_id = $1
               UNION ALL
               SELECT * FROM bookings WHERE creator_id = $1 AND creator_id IS DISTINCT FROM booker_id) bk
         JOIN spaces s ON s.id = bk.space_id JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        ORDER BY bk.start_at, bk.id`,
      [userId],
    );
  }
}
