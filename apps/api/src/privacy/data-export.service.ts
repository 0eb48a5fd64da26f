import { Inject, Injectable } from '@nestjs/common';
import {
  NOTIFICATION_KINDS,
  type Locale,
  type NotificationPreferences,
  type PersonalDataExport,
} from '@flexdesk/shared-contracts';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { isoInZone } from '../common/time-format';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { auditEntryForExport } from './data-export';
import { DataExportRepository, signInCounterKeys } from './data-export.repository';
import { exportAbout, storedItems } from './privacy-texts';
import { privacyFacts } from './privacy.service';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A person's own data, all of it, as one JSON file (right of access and portability). Reads are
 * not audited: the audit log records changes, and this reads only what the reader may see anyway.
 */
@Injectable()
export class DataExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exports: DataExportRepository,
    private readonly clock: Clock,
  ) {}

  async export(user: AuthUser, locale: Locale): Promise<PersonalDataExport> {
    const rows = await this.exports.collect(user.id);
    if (!rows) throw new DomainError('USER_NOT_FOUND');
    const facts = privacyFacts(this.config);
    const p = rows.person;
    const keys = signInCounterKeys(p.id, p.email);
    return {
      format: 'flexdesk-personal-data',
      version: 1,
      generatedAt: this.clock.now().toISOString(),
      about: {
        locale,
        ...exportAbout(locale, facts),
        stored: storedItems(locale, facts),
        retentionDays: facts.retentionDays,
        sentMessagesDays: facts.sentMessagesDays,
        sessionHours: facts.sessionHours,
      },
      person: {
        id: p.id,
        email: p.email,
        displayName: p.displayName,
        roles: p.roles,
        locale: p.locale,
        showNameToColleagues: p.showNameToColleagues,
        active: p.active,
        deactivatedAt: isoOrNull(p.deactivatedAt),
        scimDeletedAt: isoOrNull(p.scimDeletedAt),
        externalId: p.externalId,
        hasPassword: p.hasPassword,
        createdAt: iso(p.createdAt),
        updatedAt: iso(p.updatedAt),
        homeBuilding: p.homeBuildingId ? { id: p.homeBuildingId, name: p.homeBuildingName ?? '' } : null,
        defaultFloor: p.defaultFloorId
          ? { id: p.defaultFloorId, name: p.defaultFloorName ?? '', buildingName: p.defaultFloorBuildingName ?? '' }
          : null,
        groups: rows.groups,
        identityLinks: rows.identityLinks.map((l) => ({ ...l, createdAt: iso(l.createdAt) })),
        notificationPreferences: Object.fromEntries(
          NOTIFICATION_KINDS.map((k) => [k, p.notificationPreferences[k] !== false]),
        ) as NotificationPreferences,
        calendarFeed: { active: p.calendarFeed },
        reception: { allBuildings: p.receptionAllBuildings, buildings: rows.receptionBuildings },
      },
      sessions: rows.sessions.map((s) => ({
        createdAt: iso(s.createdAt),
        expiresAt: iso(s.expiresAt),
        issuer: s.issuer,
        current: s.id === user.sessionId,
      })),
      passwordLinks: rows.passwordLinks.map((l) => ({
        purpose: l.purpose,
        createdAt: iso(l.createdAt),
        expiresAt: iso(l.expiresAt),
        usedAt: isoOrNull(l.usedAt),
        byYou: l.byYou,
      })),
      signInCounters: rows.signInCounters.map((c) => ({
        kind: c.key === keys.failedSignIn ? 'failed_sign_in' : 'failed_password_change',
        windowStart: iso(c.windowStart),
        count: c.count,
      })),
      bookings: rows.bookings.map((b) => {
        const tz = b.timeZone;
        const inZone = (d: Date | null) => (d ? isoInZone(d, tz) : null);
        return {
          id: b.id,
          spaceId: b.spaceId,
          spaceLabel: b.spaceLabel,
          spaceKind: b.spaceKind,
          floorName: b.floorName,
          buildingName: b.buildingName,
          timeZone: tz,
          date: b.date,
          slot: b.slot,
          start: isoInZone(b.start, tz),
          end: isoInZone(b.end, tz),
          status: b.status,
          forYou: b.forYou,
          madeByYou: b.madeByYou,
          checkedInAt: inZone(b.checkedInAt),
          cancelledAt: inZone(b.cancelledAt),
          releasedAt: inZone(b.releasedAt),
          createdAt: isoInZone(b.createdAt, tz),
          updatedAt: isoInZone(b.updatedAt, tz),
          seriesId: b.seriesId,
        };
      }),
      series: rows.series.map((s) => ({ ...s, endedAt: isoOrNull(s.endedAt), createdAt: iso(s.createdAt) })),
      favourites: rows.favourites.map((f) => ({ ...f, since: iso(f.since) })),
      following: rows.following.map((f) => ({ displayName: f.displayName, since: iso(f.since) })),
      followedBy: rows.followedBy,
      absences: rows.absences.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
      assignedDesks: rows.assignedDesks,
      waitlist: rows.waitlist.map((w) => ({ ...w, createdAt: iso(w.createdAt), servedAt: isoOrNull(w.servedAt) })),
      messages: rows.messages.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })),
      auditLog: rows.audit.map((a) => auditEntryForExport(a, p.id)),
      administration: {
        floorsPublished: rows.floorsPublished.map((f) => ({ ...f, publishedAt: isoOrNull(f.publishedAt) })),
        floorDrafts: rows.floorDrafts.map((f) => ({ ...f, updatedAt: isoOrNull(f.updatedAt) })),
        floorBackgrounds: rows.floorBackgrounds.map((b) => ({ ...b, createdAt: iso(b.createdAt) })),
        webhooks: rows.webhooks.map((w) => ({ ...w, createdAt: iso(w.createdAt) })),
        passwordLinksIssued: rows.passwordLinksIssued.map((l) => ({ ...l, createdAt: iso(l.createdAt) })),
      },
    };
  }
}
