import { heatLevel, presetRange } from './insights-range';

describe('presetRange', () => {
  it('the previous ISO week, month and quarter', () => {
    expect(presetRange('week', '2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('week', '2026-12-13')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('month', '2026-12-07')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetRange('month', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('month', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('quarter', '2026-12-07')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('quarter', '2027-02-01')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('heat levels', () => {
    expect([null, 0, 0.1, 0.25, 0.26, 0.99, 1, 1.5].map(heatLevel)).toEqual([0, 0, 1, 1, 2, 4, 4, 4]);
  });
});
