import { Injectable } from '@nestjs/common';
import type { FloorLayout, LayoutDraft, PublishResult } from '@flexdesk/shared-contracts';
import { validateLayout } from '@flexdesk/shared-domain';
import { backgroundIdOf, backgroundUrl } from '../backgrounds/background-url';
import { BackgroundsRepository } from '../backgrounds/backgrounds.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { isoInZone } from '../common/time-format';
import { invalid } from '../common/validation';
import { type AffectedRow, type DraftRow, LayoutsRepository } from './layouts.repository';

/**
 * Draft and publish: facility managers save whole layouts as drafts (optimistic concurrency on the
 * draft version) while employees keep seeing the published floor until someone publishes.
 */
@Injectable()
export class LayoutsService {
  constructor(
    private readonly layouts: LayoutsRepository,
    private readonly backgrounds: BackgroundsRepository,
    private readonly clock: Clock,
  ) {}

  /** The published layout: what employees see, and the export format. */
  async published(floorId: string): Promise<FloorLayout> {
    const row = await this.layouts.findDraft(floorId);
    if (!row) throw new DomainError('FLOOR_NOT_FOUND');
    return this.publishedOf(row);
  }

  async draft(floorId: string): Promise<LayoutDraft> {
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
      publishedAt: row.publishedAt?.toISOString() ?? null,
      publishedBy: row.publishedBy,
    };
  }

  async saveDraft(user: AuthUser, floorId: string, draftVersion: number, layout: unknown): Promise<LayoutDraft> {
    const valid = await this.validate(floorId, layout);
    if ((await this.layouts.saveDraft(user.id, floorId, draftVersion, valid)) === null) {
      throw new DomainError((await this.layouts.findDraft(floorId)) ? 'STALE_VERSION' : 'FLOOR_NOT_FOUND');
    }
    return this.draft(floorId);
  }

  /**
   * Publishes the draft. Spaces it removes or closes may have future bookings: without explicit
   * confirmation the answer lists them (409 AFFECTED_BOOKINGS) and nothing changes; with it, they
   * are cancelled in the same transaction (their calendar invites and the live stream follow).
   */
  async publish(
    user: AuthUser,
    floorId: string,
    draftVersion: number,
    cancelAffected: boolean,
  ): Promise<PublishResult> {
    const outcome = await this.layouts.publish(user.id, floorId, draftVersion, this.clock.now(), cancelAffected);
    switch (outcome.kind) {
      case 'not-found':
        throw new DomainError('FLOOR_NOT_FOUND');
      case 'stale':
        throw new DomainError('STALE_VERSION');
      case 'affected': {
        const affected = outcome.affected.map((b) => affectedBooking(b, outcome.timeZone));
        throw new DomainError('AFFECTED_BOOKINGS', { count: affected.length }, { affectedBookings: affected });
      }
      case 'published':
        return {
          publishedVersion: outcome.publishedVersion,
          cancelledBookings: outcome.cancelled.map((b) => affectedBooking(b, outcome.timeZone)),
        };
    }
  }

  private async validate(floorId: string, layout: unknown): Promise<FloorLayout> {
    const errors = validateLayout(layout).map((e) => ({ ...e, path: e.path ? `layout.${e.path}` : 'layout' }));
    if (errors.length) throw invalid(errors);
    const valid = layout as FloorLayout;
    const foreign = new Set(
      await this.layouts.foreignIds(
        floorId,
        [...valid.spaces, ...valid.zones].map((x) => x.id),
      ),
    );
    const clashes = [
      ...valid.zones.flatMap((z, i) =>
        foreign.has(z.id) ? [{ path: `layout.zones[${i}].id`, message: 'belongs to another floor' }] : [],
      ),
      ...valid.spaces.flatMap((s, i) =>
        foreign.has(s.id) ? [{ path: `layout.spaces[${i}].id`, message: 'belongs to another floor' }] : [],
      ),
    ];
    if (clashes.length) throw invalid(clashes);
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
    const errors = [
      {
        path: 'layout.plan.backgroundUrl',
        message: 'must be /api/backgrounds/<id> of an image uploaded for this floor',
      },
    ];
    throw new DomainError('BACKGROUND_NOT_ON_FLOOR', {}, { errors });
  }

  private async publishedOf(row: DraftRow): Promise<FloorLayout> {
    const [zones, spaces] = await Promise.all([
      this.layouts.publishedZones(row.floorId),
      this.layouts.publishedSpaces(row.floorId),
    ]);
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

function affectedBooking(b: AffectedRow, timeZone: string) {
  return { id: b.id, spaceLabel: b.spaceLabel, start: isoInZone(b.start, timeZone), end: isoInZone(b.end, timeZone) };
}
