import type { FieldError } from './errors';
import type { Role } from './enums';

/** A person as administrators see them (`/api/admin/people`). */
export interface PersonAdminView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  groupIds: string[];
  homeBuildingId: string | null;
  active: boolean;
  /** Whether the person can sign in with a password (others use single sign-on or an open invitation). */
  hasPassword: boolean;
  /** Identity providers the account is linked to (issuer URLs). */
  identityProviders: string[];
  /** Set by SCIM provisioning. */
  externalId: string | null;
  createdAt: string;
  deactivatedAt: string | null;
}

export const PERSON_STATUSES = ['active', 'inactive'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** `GET /api/admin/people` filters, combined with AND; pages by the opaque `after` cursor. */
export interface PeopleQuery {
  query?: string;
  role?: Role;
  groupId?: string;
  status?: PersonStatus;
  after?: string;
  limit?: number;
}

export interface PeoplePage {
  items: PersonAdminView[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

export interface CreatePersonRequest {
  email: string;
  displayName: string;
  roles: Role[];
  groupIds?: string[];
  homeBuildingId?: string | null;
}

export interface UpdatePersonRequest {
  email?: string;
  displayName?: string;
  roles?: Role[];
  groupIds?: string[];
  homeBuildingId?: string | null;
}

/** A one-time link to set a password (invitation or reset), to pass on to the person. */
export interface PasswordLink {
  url: string;
  expiresAt: string;
}

export interface CreatedPerson {
  person: PersonAdminView;
  setPassword: PasswordLink;
}

export interface DeactivationResult {
  person: PersonAdminView;
  /** Future bookings cancelled (their calendar invites are cancelled too). */
  cancelledBookings: number;
  endedSessions: number;
}

export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'invalid'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface PeopleImportRow {
  /** Line in the file, counting the header as line 1. */
  line: number;
  email: string;
  outcome: ImportOutcome;
  errors: FieldError[];
}

export interface PeopleImportResult {
  dryRun: boolean;
  rows: PeopleImportRow[];
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Invitation links of the people created (only when not a dry run). */
  invitations: { email: string; setPassword: PasswordLink }[];
}

/** A group as administrators see it. */
export interface GroupAdminView {
  id: string;
  name: string;
  memberCount: number;
  externalId: string | null;
}

export interface GroupInput {
  name: string;
}

/** `POST /api/auth/password-link { token }`: whose link this is, before they choose a password. */
export interface PasswordTokenInfo {
  email: string;
  displayName: string;
  purpose: 'invite' | 'reset';
  expiresAt: string;
}

export interface SetPasswordRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Passwords: long rather than complicated (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;
/** How long an invitation or reset link works. */
export const PASSWORD_LINK_DAYS = 7;

/** `GET /api/auth/providers` (public): how the login page offers to sign in. */
export interface SignInOptions {
  /** E-mail and password. */
  localLogin: boolean;
  /** The organisation's identity provider, if configured: a link the browser follows. */
  sso: { label: string; loginUrl: string } | null;
}

/** `POST /api/auth/logout`: where to go to end the identity provider's session too, if anywhere. */
export interface LogoutResult {
  endSessionUrl: string | null;
}

/** Why a single sign-on came back to the login page (`/login?sso=<reason>`). */
export const SSO_FAILURES = ['failed', 'inactive', 'conflict', 'expired', 'unavailable'] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];
