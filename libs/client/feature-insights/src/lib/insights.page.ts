import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { INSIGHT_TABLES, SPACE_KINDS, type InsightSpace, type IsoWeekday, type SpaceKind } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { InsightsApi } from './insights.api';
import { InsightsStore } from './insights.store';
import { heatLevel, RANGE_PRESETS, type RangePreset } from './insights-range';
import { InsightValuePipe } from './measure-format';
import { InsightsChart } from './insights-chart.component';
import { gridOption, trendOption, type ChartTexts } from './insights-charts';
import { InsightsPlan } from './insights-plan.component';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Utilisation for facility managers: a thin shell over InsightsStore; every chart is a table with bars. */
@Component({
  selector: 'fd-insights-page',
  imports: [MatButton, InlineAlert, PageHeader, InsightValuePipe, InsightsChart, InsightsPlan],
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
  /** The floor plan for the heatmap, only when the report shown is about that very floor. */
  protected readonly planFloor = computed(() => {
    const floor = this.store.floor();
    return floor && this.store.report()?.query.floorId === floor.id ? floor : null;
  });
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

  private readonly chartTexts = computed<ChartTexts>(() => ({
    booked: this.i18n.t('insights.m.bookedShare'),
    checkedIn: this.i18n.t('insights.m.checkedInShare'),
    fewer: this.i18n.t('insights.fewer', { k: this.minGroup() }),
    percent: (share) => this.formatShare(share),
  }));
  protected readonly trend = computed(() => trendOption(this.store.report()?.weeks ?? [], this.chartTexts()));
  protected readonly gridChart = computed(() =>
    gridOption(
      this.store.report()?.grid ?? [],
      WEEKDAYS.map((wd) => this.weekdayName(wd)),
      [this.i18n.t('insights.am'), this.i18n.t('insights.pm')],
      this.chartTexts(),
    ),
  );
  protected readonly legend = computed(() => [
    this.formatShare(0),
    ...[0.25, 0.5, 0.75, 1].map((p) => this.i18n.t('insights.upTo', { p: this.formatShare(p) })),
  ]);
  /** The figure written into a space on the plan. */
  protected readonly spaceFigure = computed(() => {
    const fewer = this.i18n.t('insights.fewer', { k: this.minGroup() });
    return (s: InsightSpace | undefined) =>
      !s ? '–' : s.measures.suppressed ? fewer : s.measures.bookedShare === null ? '–' : this.formatShare(s.measures.bookedShare);
  });

  protected formatShare(share: number): string {
    return new Intl.NumberFormat(this.i18n.languageTag(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
  }

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

  protected tableLabel(t: (typeof INSIGHT_TABLES)[number]): string {
    return this.i18n.t(`insights.table.${t}`);
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
