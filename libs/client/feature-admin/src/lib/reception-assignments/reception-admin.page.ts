import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import type { BuildingSummary, ReceptionAssignment } from '@flexdesk/shared-contracts';
import { BuildingsApi, I18n, ReceptionAdminApi } from '@flexdesk/client-data-access';
import { InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';

/** The edit of one person's row, before it is saved. */
interface Draft {
  allBuildings: boolean;
  buildingIds: string[];
}

/**
 * Administrators decide, per member of the front desk, in which buildings they see booker names:
 * all, or the buildings ticked. Elsewhere the board shows totals only.
 */
@Component({
  selector: 'fd-reception-admin-page',
  imports: [MatButton, MatCheckbox, InlineAlert, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reception-admin.page.html',
})
export class ReceptionAdminPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ReceptionAdminApi);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly notifier = inject(Notifier);

  private readonly peopleResource = rxResource({ stream: () => this.api.list() });
  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly people = computed<ReceptionAssignment[]>(() =>
    this.peopleResource.hasValue() ? this.peopleResource.value() : [],
  );
  protected readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );
  protected readonly loading = computed(() => this.peopleResource.isLoading() || this.buildingsResource.isLoading());
  protected readonly loadError = computed(() => {
    for (const r of [this.peopleResource, this.buildingsResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  private readonly drafts = signal<Record<string, Draft>>({});
  protected readonly savingId = signal<string | null>(null);

  protected draftOf(p: ReceptionAssignment): Draft {
    return this.drafts()[p.id] ?? { allBuildings: p.allBuildings, buildingIds: p.buildingIds };
  }

  protected changed(p: ReceptionAssignment): boolean {
    const d = this.drafts()[p.id];
    return (
      !!d &&
      (d.allBuildings !== p.allBuildings || [...d.buildingIds].sort().join() !== [...p.buildingIds].sort().join())
    );
  }

  protected setAll(p: ReceptionAssignment, change: MatCheckboxChange): void {
    const allBuildings = change.checked;
    this.drafts.update((d) => ({ ...d, [p.id]: { ...this.draftOf(p), allBuildings } }));
  }

  protected toggleBuilding(p: ReceptionAssignment, buildingId: string, change: MatCheckboxChange): void {
    const on = change.checked;
    const current = this.draftOf(p);
    const buildingIds = on
      ? [...new Set([...current.buildingIds, buildingId])]
      : current.buildingIds.filter((id) => id !== buildingId);
    this.drafts.update((d) => ({ ...d, [p.id]: { ...current, buildingIds } }));
  }

  protected summary(p: ReceptionAssignment): string {
    if (p.allBuildings) return this.i18n.t('admin.reception.seesAll');
    const names = this.buildings()
      .filter((b) => p.buildingIds.includes(b.id))
      .map((b) => b.name);
    return names.length
      ? this.i18n.t('admin.reception.seesSome', { buildings: names.join(', ') })
      : this.i18n.t('admin.reception.seesNone');
  }

  protected async save(p: ReceptionAssignment): Promise<void> {
    const draft = this.draftOf(p);
    this.savingId.set(p.id);
    try {
      const saved = await firstValueFrom(this.api.set(p.id, draft));
      this.peopleResource.update((list) => list?.map((x) => (x.id === saved.id ? saved : x)));
      this.drafts.update((d) => {
        const rest = { ...d };
        delete rest[p.id];
        return rest;
      });
      this.notifier.success(this.i18n.t('admin.reception.saved', { name: saved.displayName }));
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.savingId.set(null);
    }
  }

  protected retry(): void {
    for (const r of [this.peopleResource, this.buildingsResource]) {
      if (r.status() === 'error') r.reload();
    }
  }
}
