import type { InsightMeasures } from '@flexdesk/shared-contracts';
import { gridOption, trendOption } from './insights-charts';

const m = (share: number | null, suppressed = false): InsightMeasures => ({
  suppressed,
  capacity: 10,
  booked: null,
  checkedIn: null,
  bookedShare: share,
  checkedInShare: share === null ? null : share / 2,
  noShowRate: null,
  bookings: null,
  cancellations: null,
  cancellationRate: null,
  leadTimeHours: null,
});
const texts = { booked: 'Booked', checkedIn: 'Checked in', fewer: '< 5', percent: (s: number) => `${Math.round(s * 100)} %` };

describe('chart options', () => {
  it('trend: percentages per week, suppressed weeks as gaps', () => {
    const o = trendOption(
      [
        { week: '2026-W45', monday: '2026-11-02', measures: m(0.4567) },
        { week: '2026-W46', monday: '2026-11-09', measures: m(null, true) },
      ],
      texts,
    ) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(o.xAxis.data).toEqual(['2026-W45', '2026-W46']);
    expect(o.series[0].data).toEqual([45.7, null]);
    expect(o.series[1].data).toEqual([22.8, null]);
  });

  it('grid: one cell per weekday and half, labelled with its number or the suppression note', () => {
    const o = gridOption(
      [
        { weekday: 1, half: 'am', measures: m(0.5) },
        { weekday: 1, half: 'pm', measures: m(null, true) },
        { weekday: 3, half: 'am', measures: m(0.25) },
      ],
      ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
      ['am', 'pm'],
      texts,
    ) as {
      yAxis: { data: string[] };
      series: { data: unknown[]; label: { formatter: (p: { value: [number, number, number | null] }) => string } }[];
    };
    expect(o.yAxis.data).toEqual(['Mo', 'Mi']);
    expect(o.series[0].data).toEqual([
      [0, 0, 50],
      [1, 0, null],
      [0, 1, 25],
    ]);
    expect(o.series[0].label.formatter({ value: [1, 0, null] })).toBe('< 5');
    expect(o.series[0].label.formatter({ value: [0, 0, 50] })).toBe('50 %');
  });
});
