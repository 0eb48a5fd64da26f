import '../admin-messages';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import {
  type BookingPolicy,
  type BuildingInput,
  type Closure,
  type FloorSummary,
  type SpaceKind,
  can,
} from '@flexdesk/shared-contracts';
import { I18n, SessionStore, isProblemError } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { BuildingForm } from './building-form';
import { BuildingsStore } from './buildings.store';
import { ClosuresPanel } from './closures-panel';
import type { Direction } from './floor-order';
import { FloorsPanel } from './floors-panel';
import { PolicyForm } from './policy-form';

/**
 * Facility managers keep their buildings here: name, address, time zone and opening hours,
 * closures and public holidays, booking rules, and floors. The floor plans are drawn in the editor.
 */
@Component({
  selector: 'fd-buildings-page',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    MatTab,
    MatTabGroup,
    InlineAlert,
    PageHeader,
    BuildingForm,
    ClosuresPanel,
    FloorsPanel,
    PolicyForm,
  ],
  providers: [BuildingsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './buildings.page.html',
  styles: `
    .fd-building-picker {
      width: min(100%, 24rem);
    }
    mat-tab-group {
      margin-top: var(--fd-space-2);
    }
    .fd-tab-body {
      padding: var(--fd-space-4) 0;
    }
  `,
})
export class BuildingsPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(BuildingsStore);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);
  protected readonly canEditLayout = computed(() => can(this.session.me(), 'layout:edit'));
  protected readonly loadError = computed(() => {
    const e = this.store.loadError();
    return e ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(e) }) : null;
  });

  constructor() {
    void this.store.load(this.session.me()?.homeBuildingId);
  }

  protected async open(id: string): Promise<void> {
    await this.attempt(() => this.store.open(id));
  }

  protected async save(input: BuildingInput): Promise<void> {
    const isNew = this.store.creating();
    const saved = await this.attempt(() => this.store.save(input));
    if (saved)
      this.notifier.success(this.i18n.t(isNew ? 'buildings.created' : 'buildings.saved', { name: saved.name }));
  }

  protected async remove(): Promise<void> {
    const building = this.store.building();
    if (!building) return;
    const done = await this.confirmation.ask({
      title: this.i18n.t('buildings.deleteTitle', { name: building.name }),
      message: this.i18n.t('buildings.deleteText'),
      confirmLabel: this.i18n.t('buildings.delete'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: () => this.store.remove(),
      errorMessage: (e) => this.errorText(e),
    });
    if (done) this.notifier.success(this.i18n.t('buildings.deleted', { name: building.name }), { focus: true });
  }

  protected async addClosures(closures: Closure[]): Promise<void> {
    if (!closures.length) {
      this.notifier.success(this.i18n.t('buildings.nothingToImport'));
      return;
    }
    const ok = await this.attempt(() => this.store.addClosures(closures));
    if (ok !== undefined) this.notifier.success(this.i18n.t('buildings.closuresAdded', { count: closures.length }));
  }

  protected async removeClosure(date: string): Promise<void> {
    const ok = await this.attempt(() => this.store.removeClosure(date));
    if (ok !== undefined)
      this.notifier.success(this.i18n.t('buildings.closureRemoved', { date: this.i18n.formatDate(date) }));
  }

  protected async savePolicies(policies: Record<SpaceKind, BookingPolicy>): Promise<void> {
    const ok = await this.attempt(() => this.store.setPolicies(policies));
    if (ok !== undefined) this.notifier.success(this.i18n.t('rules.saved'));
  }

  protected async addFloor(floor: { name: string; level: number }): Promise<void> {
    const created = await this.attempt(() => this.store.addFloor(floor.name, floor.level));
    if (created) this.notifier.success(this.i18n.t('floors.added', { name: created.name }));
  }

  protected async renameFloor(change: { floor: FloorSummary; name: string }): Promise<void> {
    const ok = await this.attempt(() => this.store.renameFloor(change.floor, change.name));
    if (ok !== undefined) this.notifier.success(this.i18n.t('floors.renamed', { name: change.name }));
  }

  protected async moveFloor(change: { floor: FloorSummary; direction: Direction }): Promise<void> {
    await this.attempt(() => this.store.moveFloor(change.floor, change.direction));
  }

  protected async deleteFloor(floor: FloorSummary): Promise<void> {
    const done = await this.confirmation.ask({
      title: this.i18n.t('floors.deleteTitle', { name: floor.name }),
      message: this.i18n.t('floors.deleteText', { count: floor.spaceCount }),
      confirmLabel: this.i18n.t('floors.delete'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: () => this.store.deleteFloor(floor),
      errorMessage: (e) => this.errorText(e),
    });
    if (done) this.notifier.success(this.i18n.t('floors.deleted', { name: floor.name }), { focus: true });
  }

  /** Runs a command; a refusal is shown and gives `undefined`, so callers only report success. */
  private async attempt<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      return (await command()) ?? (null as T);
    } catch (e) {
      this.notifier.error(this.errorText(e));
      return undefined;
    }
  }

  /** The API's own text says how many bookings stand in the way, which ours cannot. */
  private errorText(e: unknown): string {
    return isProblemError(e) && e.code === 'HAS_FUTURE_BOOKINGS' && e.detail ? e.detail : this.i18n.errorMessage(e);
  }
}
