import type { InsightGridCell, InsightWeek } from '@flexdesk/shared-contracts';

/**
 * ECharts options built from a report, as plain data (no ECharts import), so they are unit-tested
 * without a canvas. Suppressed values are gaps (null), never zeros.
 */
export interface ChartTexts {
  booked: string;
  checkedIn: string;
  fewer: string;
  percent: (share: number) => string;
}

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function trendOption(weeks: readonly InsightWeek[], t: ChartTexts): Record<string, unknown> {
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? t.fewer : `${v} %`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: weeks.map((w) => w.week) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: t.booked, type: 'bar', data: weeks.map((w) => (w.measures.suppressed ? null : pct(w.measures.bookedShare))) },
      {
        name: t.checkedIn,
        type: 'line',
        connectNulls: false,
        data: weeks.map((w) => (w.measures.suppressed ? null : pct(w.measures.checkedInShare))),
      },
    ],
  };
}

/** Weekday x half day as a heatmap; every cell carries its number as a label. */
export function gridOption(
  cells: readonly InsightGridCell[],
  weekdays: readonly string[],
  halves: readonly [string, string],
  t: ChartTexts,
): Record<string, unknown> {
  const present = [...new Set(cells.map((c) => c.weekday))].sort();
  const data = cells.map((c) => [
    c.half === 'am' ? 0 : 1,
    present.indexOf(c.weekday),
    c.measures.suppressed ? null : pct(c.measures.bookedShare),
  ]);
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 96, right: 16, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: [...halves] },
    yAxis: { type: 'category', data: present.map((wd) => weekdays[wd - 1]), inverse: true },
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#e8eef7', '#1f4e99'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          // A white halo keeps the number readable on every shade.
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
          color: '#000000',
          formatter: (p: { value: [number, number, number | null] }) =>
            p.value[2] === null ? t.fewer : t.percent(p.value[2] / 100),
        },
      },
    ],
  };
}
