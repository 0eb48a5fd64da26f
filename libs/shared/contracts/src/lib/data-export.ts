import type { BookingSlot, BookingStatus, Locale, Role, SpaceKind } from './enums';
import type { IsoWeekday } from './models';
import type { NotificationPreferences, OutboxStatus } from './notifications';

/**
 * `GET /api/me/export`: everything Flexdesk stores about the signed-in person, as one JSON file
 * (right of access and data portability, GDPR Art. 15 and 20). Never in it: password, token or
 * session hashes, secrets, and other people's personal data — where a row involves someone else,
 * it says only that it was someone else.
 */
export interface PersonalDataExport {
  format: 'flexdesk-personal-data';
  version: 1;
  generatedAt: string;
  /** What the file is, how long each kind of data is kept, and what is deliberately not in it. */
  about: PersonalDataAbout;
  person: PersonalDataPerson;
  /** Open sign-in sessions (expired ones are deleted by the privacy purge). */
  sessions: PersonalDataSession[];
  /** Invitation and password-reset links sent to the person (the links themselves are not stored). */
  passwordLinks: PersonalDataPasswordLink[];
  /** Counters of failed sign-ins and password changes, kept one day against password guessing. */
  signInCounters: { kind: 'failed_sign_in' | 'failed_password_change'; windowStart: string; count: number }[];
  /** Bookings for the person, and bookings they made for someone else, until their names are purged. */
  bookings: PersonalDataBooking[];
  series: PersonalDataSeries[];
  favourites: PersonalDataPlace[];
  /** Colleagues the person follows; a name only while that colleague shows it to colleagues. */
  following: { displayName: string | null; since: string }[];
  /** How many people follow the person (who they are is their own data). */
  followedBy: number;
  absences: { id: string; from: string; to: string; createdAt: string }[];
  assignedDesks: (PersonalDataPlace & { releasedDates: string[] })[];
  waitlist: PersonalDataWaitlistEntry[];
  /** E-mails to the person in the outbox: kind and delivery, not their content. */
  messages: PersonalDataMessage[];
  /** Audit log entries the person made, or that are about them. */
  auditLog: PersonalDataAuditEntry[];
  /** Administrative traces: things the person published, uploaded, created or sent to others. */
  administration: PersonalDataAdministration;
}

export interface PersonalDataAbout {
  locale: Locale;
  summary: string;
  /** The privacy sheet's rows: each kind of data, its purpose, and how long it is kept here. */
  stored: { item: string; purpose: string; kept: string }[];
  retentionDays: number;
  sentMessagesDays: number;
  sessionHours: number;
  /** What is deliberately left out, and why. */
  notIncluded: string[];
}

export interface PersonalDataPerson {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  showNameToColleagues: boolean;
  active: boolean;
  deactivatedAt: string | null;
  /** Deleted by the organisation's provisioning (SCIM) and kept deactivated. */
  scimDeletedAt: string | null;
  /** The identifier the organisation's provisioning knows the person by. */
  externalId: string | null;
  /** Whether a password is set (its hash is never exported). */
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
  homeBuilding: { id: string; name: string } | null;
  defaultFloor: { id: string; name: string; buildingName: string } | null;
  groups: { id: string; name: string }[];
  /** Sign-in with the organisation's identity provider: issuer and subject. */
  identityLinks: { issuer: string; subject: string; createdAt: string }[];
  notificationPreferences: NotificationPreferences;
  /** Whether a calendar subscription feed exists (only a hash of its secret is stored). */
  calendarFeed: { active: boolean };
  /** Front desk: every building, or the ones assigned. */
  reception: { allBuildings: boolean; buildings: { id: string; name: string }[] };
}

export interface PersonalDataSession {
  createdAt: string;
  expiresAt: string;
  /** The identity provider of a single sign-on session. */
  issuer: string | null;
  /** The session this file was downloaded with. */
  current: boolean;
}

export interface PersonalDataPasswordLink {
  purpose: 'invite' | 'reset';
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** Asked for by the person themselves (else by an administrator, who is not named). */
  byYou: boolean;
}

export interface PersonalDataPlace {
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorName: string;
  buildingName: string;
  /** When it was made a favourite (absent for assigned desks). */
  since?: string;
}

export interface PersonalDataBooking {
  id: string;
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorName: string;
  buildingName: string;
  timeZone: string;
  date: string;
  slot: BookingSlot;
  start: string;
  end: string;
  status: BookingStatus;
  /** The booking is the person's (they are its booker). */
  forYou: boolean;
  /** The person made it: for themselves, or for someone else, who is not named. */
  madeByYou: boolean;
  checkedInAt: string | null;
  cancelledAt: string | null;
  releasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  seriesId: string | null;
}

export interface PersonalDataSeries {
  id: string;
  spaceLabel: string;
  floorName: string;
  buildingName: string;
  slot: BookingSlot;
  startTime: string | null;
  endTime: string | null;
  from: string;
  until: string | null;
  count: number | null;
  weekdays: IsoWeekday[];
  interval: number;
  bookedUntil: string;
  endedAt: string | null;
  createdAt: string;
  forYou: boolean;
  madeByYou: boolean;
}

export interface PersonalDataWaitlistEntry {
  id: string;
  floorName: string;
  buildingName: string;
  spaceLabel: string | null;
  kind: SpaceKind;
  attributes: string[];
  date: string;
  slot: 'day' | 'am' | 'pm';
  status: 'waiting' | 'booked' | 'expired' | 'cancelled';
  bookingId: string | null;
  createdAt: string;
  servedAt: string | null;
}

export interface PersonalDataMessage {
  id: string;
  /** A notification kind, or `account_invite` / `password_reset`. */
  kind: string;
  status: OutboxStatus;
  attempts: number;
  bookingId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface PersonalDataAuditEntry {
  at: string;
  action: string;
  entityType: string;
  /** Null where the entry is about another person. */
  entityId: string | null;
  /** Other people in the details are replaced by `"someone else"`. */
  details: Record<string, unknown>;
  /** The person made the change (else an administrator, provisioning or a tool, not named). */
  byYou: boolean;
  /** The entry is about the person. */
  aboutYou: boolean;
}

export interface PersonalDataAdministration {
  /** Floors whose layout the person published last. */
  floorsPublished: { floorId: string; floorName: string; publishedAt: string | null }[];
  /** Floors whose draft the person edited last. */
  floorDrafts: { floorId: string; floorName: string; updatedAt: string | null }[];
  floorBackgrounds: { id: string; floorName: string; createdAt: string }[];
  /** Webhook endpoints the person registered (without address or secret). */
  webhooks: { id: string; eventTypes: string[]; active: boolean; createdAt: string }[];
  /** Invitation and reset links the person sent to others (who is not said). */
  passwordLinksIssued: { purpose: 'invite' | 'reset'; createdAt: string }[];
}
