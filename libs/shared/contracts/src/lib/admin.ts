import type { Closure, OpeningHours, Point, PolicyOverride } from './models';
import type { SpaceKind } from './enums';

/** Create or replace a building's settings (facility managers and admins). */
export interface BuildingInput {
  name: string;
  address: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
}

export interface ClosuresInput {
  /** Added or, for an existing date, given the new reason. */
  closures: Closure[];
}

/** Overrides of the default booking rules; `null` removes an override. */
export interface PoliciesInput {
  building?: PolicyOverride | null;
  desk?: PolicyOverride | null;
  room?: PolicyOverride | null;
  parking?: PolicyOverride | null;
}

export interface FloorInput {
  name: string;
  level: number;
  width: number;
  height: number;
}

export interface LayoutZone {
  id: string;
  name: string;
  color: string;
  polygon: Point[];
  restrictedToGroupIds: string[];
}

export interface LayoutSpace {
  id: string;
  zoneId: string | null;
  kind: SpaceKind;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  attributes: string[];
  capacity: number | null;
  bookable: boolean;
  restrictedToGroupIds: string[];
}

/** A whole floor's editable content; also the export/import format (background by reference). */
export interface FloorLayout {
  plan: { width: number; height: number; scale: number | null; backgroundUrl?: string | null };
  zones: LayoutZone[];
  spaces: LayoutSpace[];
}

export interface LayoutDraft {
  floorId: string;
  /** Version of what employees see now. */
  publishedVersion: number;
  /** Version of the draft; send it back when saving, a stale one gets 409 STALE_VERSION. */
  draftVersion: number;
  /** Whether the draft differs from the published layout (saved but not yet published). */
  unpublished: boolean;
  layout: FloorLayout;
  updatedAt: string | null;
  updatedBy: string | null;
  /** When and by whom the version employees see was published (null before the first publish). */
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface SaveDraftRequest {
  draftVersion: number;
  layout: FloorLayout;
}

export interface PublishRequest {
  draftVersion: number;
  /** Required when publishing removes or closes spaces that have future bookings. */
  cancelAffectedBookings?: boolean;
}

export interface AffectedBooking {
  id: string;
  spaceLabel: string;
  start: string;
  end: string;
}

export interface PublishResult {
  publishedVersion: number;
  cancelledBookings: AffectedBooking[];
}

/** What an audit entry is about. */
export const AUDIT_ENTITY_TYPES = [
  'group',
  'building',
  'floor',
  'layout',
  'closures',
  'policies',
  'background',
  'booking',
  'user',
  'space',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** `GET /api/audit` filters (admins); all optional, combined with AND. Dates are UTC days, `to` inclusive. */
export interface AuditFilter {
  limit?: number;
  /** Entries with a smaller id than this (paging backwards). */
  before?: number;
  entityType?: AuditEntityType;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Floor backgrounds a facility manager may upload; SVG is sanitised by the server. */
export const BACKGROUND_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type BackgroundContentType = (typeof BACKGROUND_CONTENT_TYPES)[number];
/** Upload size limit for a floor background. */
export const BACKGROUND_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Answer to `POST /api/floors/:id/backgrounds` (multipart, field `file`). The image is stored but not
 * shown to employees until a draft whose `plan.backgroundUrl` is this URL is published.
 */
export interface BackgroundUpload {
  /** `/api/backgrounds/<id>`; put it into the draft's `plan.backgroundUrl`. */
  backgroundUrl: string;
  contentType: BackgroundContentType;
  /** Intrinsic size in pixels where it could be read (PNG/JPEG header, SVG width/height/viewBox). */
  width: number | null;
  height: number | null;
  bytes: number;
}

/** `GET /api/groups` (facility managers, admins): the groups a zone or space can be restricted to. */
export interface GroupSummary {
  id: string;
  name: string;
}
