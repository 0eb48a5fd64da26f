import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { BuildingSummary, Floor, InsightsQuery, InsightsReport, SpaceKind } from '@flexdesk/shared-contracts';
import { BuildingsApi, I18n, SessionStore } from '@flexdesk/client-data-access';
import { InsightsApi } from './insights.api';
import { presetRange, type RangePreset } from './insights-range';

/** The insights page's state: the selection, the floor's zones, and the last report. */
@Injectable()
export class InsightsStore {
  private readonly api = inject(InsightsApi);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);

  readonly buildings = signal<BuildingSummary[]>([]);
  readonly floor = signal<Floor | null>(null);
  readonly buildingId = signal('');
  readonly floorId = signal('');
  readonly zoneId = signal('');
  readonly kind = signal<SpaceKind | ''>('');
  readonly preset = signal<RangePreset>('month');
  readonly from = signal('');
  readonly to = signal('');
  readonly report = signal<InsightsReport | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  constructor() {
    this.applyPreset('month');
  }

  async init(): Promise<void> {
    const list = await firstValueFrom(this.buildingsApi.list());
    this.buildings.set(list);
    // The person's home building first, else the first one.
    const home = list.find((b) => b.id === this.session.me()?.homeBuildingId);
    if (list.length && !this.buildingId()) this.buildingId.set((home ?? list[0]).id);
  }

  applyPreset(preset: RangePreset): void {
    this.preset.set(preset);
    if (preset === 'custom') return;
    const today = new Date().toISOString().slice(0, 10);
    const r = presetRange(preset, today);
    this.from.set(r.from);
    this.to.set(r.to);
  }

  async selectFloor(floorId: string): Promise<void> {
    this.floorId.set(floorId);
    this.zoneId.set('');
    this.floor.set(floorId ? await firstValueFrom(this.buildingsApi.floor(floorId)) : null);
  }

  selectBuilding(id: string): void {
    this.buildingId.set(id);
    this.floorId.set('');
    this.zoneId.set('');
    this.floor.set(null);
  }

  query(): InsightsQuery {
    const q: InsightsQuery = { buildingId: this.buildingId(), from: this.from(), to: this.to() };
    if (this.floorId()) q.floorId = this.floorId();
    if (this.zoneId()) q.zoneId = this.zoneId();
    const kind = this.kind();
    if (kind) q.kind = kind;
    return q;
  }

  async load(): Promise<void> {
    if (!this.buildingId()) return;
    this.loading.set(true);
    this.error.set(null);
    // Nothing from the previous selection stays on screen next to the new one.
    this.report.set(null);
    try {
      this.report.set(await firstValueFrom(this.api.utilisation(this.query())));
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.loading.set(false);
    }
  }
}
