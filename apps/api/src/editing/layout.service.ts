import { Injectable } from '@nestjs/common';
import type { FloorLayout, LayoutDraft, PublishResult } from '@flexdesk/shared-contracts';
import { validateLayout } from '@flexdesk/shared-domain';
import { backgroundIdOf, backgroundUrl } from '../backgrounds/background-url';
import { BackgroundsRepository } from '../backgrounds/backgrounds.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { isoInZone } from '../common/time-format';
import { AuditRepository } from './audit.repository';
import { requireFacilityManager } from './editing.service';
import { type DraftRow, LayoutRepository } from './layout.repository';

/**
 * Draft and publish: facility managers save whole layouts as drafts (optimistic concurrency on the
 * draft version) while employees keep seeing the published floor until someone publishes.
 */
@Injectable()
export class LayoutService {
  constructor(
    private readonly layouts: LayoutRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly backgrounds: BackgroundsRepository,
  ) {}

  /** The published layout: what employees see, and the export format. */
  async published(floorId: string): Promise<FloorLayout> {
    const row = await this.layouts.findDraft(floorId);
    if (!row) throw new DomainError('FLOOR_NOT_FOUND');
    return this.publishedOf(row);
  }

  async draft(user: AuthUser, floorId: string): Promise<LayoutDraft> {
    requireFacilityManager(user);
    const row = await this.layouts.findDraft(floorId);
    if (!row) throw new DomainError('FLOOR_NOT_FOUND');
    return {
      floorId,
      publishedVersion: row.version,
      draftVersion: row.draftVersion,
      unpublished: row.draftLayout !== null,
      layout: row.draftLayout ?? (await this.publishedOf(row)),
      updatedAt: row.draftUpdatedAt?.toISOString() ?? null,
      updatedBy: row.draftUpdatedBy,
    };
  }

  async saveDraft(user: AuthUser, floorId: string, draftVersion: number, layout: unknown): Promise<LayoutDraft> {
    requireFacilityManager(user);
    const valid = await this.validate(floorId, layout);
    const saved = await this.layouts.transaction(async (m) => {
      const version = await this.layouts.saveDraft(floorId, draftVersion, valid, user.id, m);
      if (version === null) return null;
      await this.audit.record(
        { actorId: user.id, action: 'save-draft', entityType: 'layout', entityId: floorId, details: { draftVersion: version, spaces: valid.spaces.length, zones: valid.zones.length } },
        m,
      );
      return version;
    });
    if (saved === null) throw new DomainError('STALE_VERSION');
    return this.draft(user, floorId);
  }

  /**
   * Publishes the draft. Spaces it removes or closes may have future bookings: without explicit
   * confirmation the answer lists them (409 AFFECTED_BOOKINGS) and nothing changes; with it, they
   * are cancelled in the same transaction (their calendar invites and the live stream follow).
   */
  async publish(user: AuthUser, floorId: string, draftVersion: number, cancelAffected: boolean): Promise<PublishResult> {
    requireFacilityManager(user);
    return this.layouts.transaction(async (m) => {
      const row = await this.layouts.findDraft(floorId, m, true);
      if (!row) throw new DomainError('FLOOR_NOT_FOUND');
      if (row.draftVersion !== draftVersion) throw new DomainError('STALE_VERSION');
      if (!row.draftLayout) return { publishedVersion: row.version, cancelledBookings: [] };
      const affected = (await this.layouts.affectedBookings(m, floorId, row.draftLayout, this.clock.now())).map((b) => ({
        id: b.id,
        spaceLabel: b.spaceLabel,
        start: isoInZone(b.start, row.timeZone),
        end: isoInZone(b.end, row.timeZone),
      }));
      if (affected.length && !cancelAffected) {
        throw new DomainError('AFFECTED_BOOKINGS', { count: affected.length }, { affectedBookings: affected });
      }
      await this.layouts.cancelBookings(m, affected.map((a) => a.id));
      const publishedVersion = await this.layouts.apply(m, floorId, row.draftLayout);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'publish',
          entityType: 'layout',
          entityId: floorId,
          details: { publishedVersion, cancelledBookings: affected.length, spaces: row.draftLayout.spaces.length },
        },
        m,
      );
      return { publishedVersion, cancelledBookings: affected };
    });
  }

  private async validate(floorId: string, layout: unknown): Promise<FloorLayout> {
    const errors = validateLayout(layout).map((e) => ({ ...e, path: e.path ? `layout.${e.path}` : 'layout' }));
    if (errors.length) throw new DomainError('VALIDATION_FAILED', {}, { errors });
    const valid = layout as FloorLayout;
    const foreign = new Set(await this.layouts.foreignIds(floorId, [...valid.spaces, ...valid.zones].map((x) => x.id)));
    const clashes = [
      ...valid.zones.flatMap((z, i) => (foreign.has(z.id) ? [{ path: `layout.zones[${i}].id`, message: 'belongs to another floor' }] : [])),
      ...valid.spaces.flatMap((s, i) => (foreign.has(s.id) ? [{ path: `layout.spaces[${i}].id`, message: 'belongs to another floor' }] : [])),
    ];
    if (clashes.length) throw new DomainError('VALIDATION_FAILED', {}, { errors: clashes });
    await this.checkBackground(floorId, valid.plan.backgroundUrl);
    return valid;
  }

  /**
   * A draft may only show a background uploaded for its own floor. An import from another floor
   * therefore fails here with the path, rather than silently losing the image: the facility manager
   * removes it or uploads the image for this floor. A missing `backgroundUrl` means no background.
   */
  private async checkBackground(floorId: string, url: unknown): Promise<void> {
    if (url === null || url === undefined) return;
    const id = backgroundIdOf(typeof url === 'string' ? url : null);
    if (id && (await this.backgrounds.belongsTo(id, floorId))) return;
    const errors = [{ path: 'layout.plan.backgroundUrl', message: 'must be /api/backgrounds/<id> of an image uploaded for this floor' }];
    throw new DomainError('BACKGROUND_NOT_ON_FLOOR', {}, { errors });
  }

  private async publishedOf(row: DraftRow): Promise<FloorLayout> {
    const [zones, spaces] = await Promise.all([this.layouts.publishedZones(row.floorId), this.layouts.publishedSpaces(row.floorId)]);
    return {
      plan: {
        width: row.planWidth,
        height: row.planHeight,
        scale: row.planScale,
        backgroundUrl: row.backgroundId ? backgroundUrl(row.backgroundId) : null,
      },
      zones,
      spaces,
    };
  }
}
