import { Injectable, inject } from '@angular/core';
import { type AffectedBooking, type FieldError } from '@flexdesk/shared-contracts';
import { localDateOf, validateLayout } from '@flexdesk/shared-domain';
import { type MessageKey, isProblemError } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';
import { errorTarget, exportLayout, fieldIdOf, importLayout } from './layout-io';

import { EditorStore } from './editor.store';
/** Checking, saving and publishing the draft, conflicts with other editors, JSON export and import. */
@Injectable()
export class EditorPersistence {
  private readonly s = inject(EditorStore);

  // Validation, saving, publishing.

  showErrors(errors: FieldError[]): void {
    const layout = this.s.layout();
    this.s.errors.set(
      errors.map((e) => {
        const t = errorTarget(e.path);
        const space = t.table === 'spaces' && t.index !== null ? layout?.spaces[t.index] : undefined;
        const zone = t.table === 'zones' && t.index !== null ? layout?.zones[t.index] : undefined;
        const where = space
          ? this.s.i18n.t('editor.errors.space', { row: (t.index ?? 0) + 1, label: space.label })
          : zone
            ? this.s.i18n.t('editor.errors.zone', { row: (t.index ?? 0) + 1, name: zone.name })
            : e.path;
        const field = t.field ? this.fieldName(t.field) : '';
        return {
          fieldId: fieldIdOf(e.path),
          text: field ? `${where}, ${field}: ${e.message}` : `${where}: ${e.message}`,
        };
      }),
    );
    if (errors.length) this.s.focusAfterRender('error-summary');
  }

  fieldName(field: string): string {
    const known: Record<string, MessageKey> = {
      label: 'editor.col.label',
      kind: 'editor.col.kind',
      x: 'editor.col.x',
      y: 'editor.col.y',
      width: 'editor.col.width',
      height: 'editor.col.height',
      rotation: 'editor.col.rotation',
      capacity: 'editor.col.capacity',
      bookable: 'editor.col.bookable',
      attributes: 'editor.col.attributes',
      zoneId: 'editor.col.zone',
      name: 'editor.zones.name',
      color: 'editor.zones.color',
    };
    return known[field] ? this.s.i18n.t(known[field]) : field;
  }

  focusField(event: Event, id: string | null): void {
    if (!id) return;
    event.preventDefault();
    this.s.focusAfterRender(id);
  }

  validate(): boolean {
    const layout = this.s.layout();
    if (!layout) return false;
    const errors = validateLayout(layout);
    this.showErrors(errors);
    if (!errors.length) this.s.announce(this.s.i18n.t('editor.valid'));
    return errors.length === 0;
  }

  async save(): Promise<void> {
    const floorId = this.s.floorId();
    const draft = this.s.draft();
    const layout = this.s.layout();
    if (!floorId || !draft || !layout || this.s.busy()) return;
    this.s.resetMessages();
    if (!this.validate()) return;
    this.s.busy.set(true);
    try {
      const saved = await firstValueFrom(this.s.api.saveDraft(floorId, { draftVersion: draft.draftVersion, layout }));
      this.s.draft.set(saved);
      this.s.savedLayout.set(layout);
      this.s.announce(this.s.i18n.t('editor.saved', { version: saved.draftVersion }));
    } catch (e) {
      this.handleWriteError(e);
    } finally {
      this.s.busy.set(false);
    }
  }

  /** Someone saved since: throw my changes away and take theirs. */
  reloadDraft(): void {
    this.s.stale.set(false);
    this.s.draftResource.reload();
    this.s.announce(this.s.i18n.t('editor.stale.reloaded'));
  }

  /** Someone saved since: take their version number, keep my layout, and save it over theirs. */
  async keepMine(): Promise<void> {
    const floorId = this.s.floorId();
    const draft = this.s.draft();
    if (!floorId || !draft) return;
    this.s.busy.set(true);
    try {
      const server = await firstValueFrom(this.s.api.draft(floorId));
      this.s.draft.set({ ...draft, draftVersion: server.draftVersion });
    } catch (e) {
      this.s.notifier.error(this.s.i18n.errorMessage(e));
      return;
    } finally {
      this.s.busy.set(false);
    }
    this.s.stale.set(false);
    await this.save();
  }

  /** Publishes the draft; unsaved changes are saved first (a failed save stops here with its message). */
  async publish(confirmed = false): Promise<void> {
    if (this.s.busy()) return;
    if (this.s.dirty()) {
      await this.save();
      if (this.s.dirty()) return;
    }
    const floorId = this.s.floorId();
    const draft = this.s.draft();
    if (!floorId || !draft) return;
    this.s.resetMessages();
    this.s.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.s.api.publish(floorId, {
          draftVersion: draft.draftVersion,
          ...(confirmed ? { cancelAffectedBookings: true } : {}),
        }),
      );
      this.s.draft.set({
        ...draft,
        publishedVersion: result.publishedVersion,
        unpublished: false,
        publishedAt: new Date().toISOString(),
        publishedBy: this.s.myName(),
      });
      this.s.announce(
        result.cancelledBookings.length
          ? this.s.i18n.t('editor.published.withCancellations', {
              version: result.publishedVersion,
              count: result.cancelledBookings.length,
            })
          : this.s.i18n.t('editor.published', { version: result.publishedVersion }),
      );
    } catch (e) {
      if (isProblemError(e) && e.code === 'AFFECTED_BOOKINGS' && !confirmed) {
        this.s.busy.set(false);
        void this.askPublishAnyway(e.problem.affectedBookings ?? []);
      } else {
        this.handleWriteError(e);
      }
    } finally {
      this.s.busy.set(false);
    }
  }

  /** Publishing would cancel bookings: say which, and publish only if the person agrees. */
  async askPublishAnyway(affected: AffectedBooking[]): Promise<void> {
    const confirmed = await this.s.confirmation.ask({
      title: this.s.i18n.t('editor.affected.title'),
      message: this.s.i18n.t('editor.affected.text', { count: affected.length }),
      items: affected.map((b) => `${b.spaceLabel}: ${this.bookingWhen(b)}`),
      confirmLabel: this.s.i18n.t('editor.affected.confirm'),
      cancelLabel: this.s.i18n.t('common.cancel'),
      danger: true,
    });
    if (confirmed) await this.publish(true);
  }

  bookingWhen(b: AffectedBooking): string {
    const tz = this.s.building()?.timeZone ?? 'UTC';
    return `${this.s.i18n.formatDate(localDateOf(new Date(b.start), tz))}, ${this.s.i18n.formatTimeRange(b.start, b.end, tz)}`;
  }

  handleWriteError(e: unknown): void {
    if (isProblemError(e) && e.code === 'STALE_VERSION') {
      this.s.stale.set(true);
      this.s.focusAfterRender('stale-region');
    } else if (isProblemError(e) && e.code === 'VALIDATION_FAILED' && e.errors.length) {
      this.showErrors(e.errors);
    } else {
      this.s.notifier.error(this.s.i18n.errorMessage(e));
    }
  }

  // Export and import.

  exportJson(): void {
    const layout = this.s.layout();
    const view = this.s.document.defaultView;
    if (!layout || !view) return;
    const url = view.URL.createObjectURL(new Blob([exportLayout(layout)], { type: 'application/json' }));
    const link = this.s.document.createElement('a');
    link.href = url;
    link.download = `${this.s.floor()?.name ?? 'layout'}.layout.json`;
    this.s.document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start the download only after the click handler returns.
    setTimeout(() => view.URL.revokeObjectURL(url), 1000);
  }

  async importJson(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.s.history()) return;
    this.s.resetMessages();
    const result = importLayout(await file.text());
    if (!result.ok) {
      this.s.notifier.error(
        this.s.i18n.t(result.reason === 'json' ? 'editor.import.notJson' : 'editor.import.notLayout'),
      );
      return;
    }
    this.s.edit(() => result.layout);
    this.s.selectedIds.set([]);
    this.s.selectedZoneId.set(null);
    const errors = validateLayout(result.layout);
    this.showErrors(errors);
    this.s.announce(
      this.s.i18n.t(errors.length ? 'editor.import.doneWithErrors' : 'editor.import.done', {
        spaces: result.layout.spaces.length,
        zones: result.layout.zones.length,
        errors: errors.length,
      }),
    );
  }
}
