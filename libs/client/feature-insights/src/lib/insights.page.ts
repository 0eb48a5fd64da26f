import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { INSIGHT_TABLES, SPACE_KINDS, type IsoWeekday, type SpaceKind } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { InsightsApi } from './insights.api';
import { InsightsStore } from './insights.store';
import { heatLevel, RANGE_PRESETS, type RangePreset } from './insights-range';
import { InsightValuePipe } from './measure-format';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Utilisation for facility managers: a thin shell over InsightsStore; every chart is a table with bars. */
@Component({
  selector: 'fd-insights-page',
  imports: [MatButton, InlineAlert, PageHeader, InsightValuePipe],
  providers: [InsightsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './insights.page.html',
  styleUrl: './insights.page.css',
})
export class InsightsPage implements OnInit {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(InsightsStore);
  private readonly api = inject(InsightsApi);
  protected readonly presets = RANGE_PRESETS;
  protected readonly kinds = SPACE_KINDS;
  protected readonly tables = INSIGHT_TABLES;
  protected readonly heatLevel = heatLevel;

  protected readonly building = computed(() => this.store.buildings().find((b) => b.id === this.store.buildingId()));
  protected readonly minGroup = computed(() => this.store.report()?.minGroupSize ?? 5);
  /** Weekday rows of the grid that have any open half day. */
  protected readonly gridRows = computed(() => {
    const grid = this.store.report()?.grid ?? [];
    return WEEKDAYS.filter((wd) => grid.some((c) => c.weekday === wd)).map((wd) => ({
      weekday: wd,
      am: grid.find((c) => c.weekday === wd && c.half === 'am')?.measures ?? null,
      pm: grid.find((c) => c.weekday === wd && c.half === 'pm')?.measures ?? null,
    }));
  });

  ngOnInit(): void {
    void this.store.init().then(() => this.store.load());
  }

  protected weekdayName(wd: IsoWeekday): string {
    // 2026-11-02 is a Monday.
    return this.i18n.formatDate(`2026-11-0${wd + 1}`, { weekday: 'long' });
  }

  protected kindLabel(kind: SpaceKind): string {
    return this.i18n.t(`kind.${kind}`);
  }

  protected percent(share: number | null): string {
    return share === null ? '0%' : `${Math.round(Math.min(1, share) * 100)}%`;
  }

  protected presetLabel(p: RangePreset): string {
    return this.i18n.t(`insights.preset.${p}`);
  }

  protected onPreset(value: string): void {
    this.store.applyPreset(value as RangePreset);
  }

  protected onKind(value: string): void {
    this.store.kind.set(value as SpaceKind | '');
  }

  protected csvUrl(table: (typeof INSIGHT_TABLES)[number]): string {
    return this.api.csvUrl(this.store.query(), table, this.i18n.locale());
  }

  protected xlsxUrl(): string {
    return this.api.xlsxUrl(this.store.query(), this.i18n.locale());
  }
}
