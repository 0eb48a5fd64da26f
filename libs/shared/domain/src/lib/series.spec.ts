import { MAX_SERIES_COUNT, seriesDates, validateSeries, type SeriesRule } from './series';

const rule = (r: Partial<SeriesRule>): SeriesRule => ({ from: '2026-12-07', until: null, count: null, weekdays: [2, 4], interval: 1, ...r });

describe('seriesDates', () => {
  it('books Tuesdays and Thursdays for four weeks', () => {
    expect(seriesDates(rule({ until: '2027-01-03' }))).toEqual([
      '2026-12-08', '2026-12-10', '2026-12-15', '2026-12-17', '2026-12-22', '2026-12-24', '2026-12-29', '2026-12-31',
    ]);
  });

  it('counts every other week from the week of the first day, even when it starts mid-week', () => {
    // Thursday 10 December: its week counts as the first, so the next Monday's week is skipped.
    expect(seriesDates(rule({ from: '2026-12-10', weekdays: [1, 4], interval: 2, count: 4 }))).toEqual([
      '2026-12-10', '2026-12-21', '2026-12-24', '2027-01-04',
    ]);
  });

  it('stops at the count, at until, and at the given end of the horizon', () => {
    expect(seriesDates(rule({ count: 3 }))).toEqual(['2026-12-08', '2026-12-10', '2026-12-15']);
    expect(seriesDates(rule({ until: '2026-12-10' }))).toEqual(['2026-12-08', '2026-12-10']);
    expect(seriesDates(rule({ count: 10 }), '2026-12-16')).toEqual(['2026-12-08', '2026-12-10', '2026-12-15']);
    expect(seriesDates(rule({ from: '2026-12-09', until: '2026-12-09' }))).toEqual([]);
  });

  it('crosses the change to summer time on whole days', () => {
    expect(seriesDates(rule({ from: '2027-03-26', weekdays: [5, 1], count: 3 }))).toEqual(['2027-03-26', '2027-03-29', '2027-04-02']);
  });
});

describe('validateSeries', () => {
  const paths = (r: Partial<SeriesRule>) => validateSeries(rule(r)).map((e) => e.path);

  it('accepts a rule with until or with count', () => {
    expect(paths({ until: '2027-01-31' })).toEqual([]);
    expect(paths({ count: 8 })).toEqual([]);
  });

  it('refuses what cannot be a series, naming the field', () => {
    expect(paths({})).toEqual(['until']);
    expect(paths({ until: '2027-01-01', count: 3 })).toEqual(['until']);
    expect(paths({ until: '2026-12-01' })).toEqual(['until']);
    expect(paths({ until: '2028-12-31' })).toEqual(['until']);
    expect(paths({ count: 0 })).toEqual(['count']);
    expect(paths({ count: MAX_SERIES_COUNT + 1 })).toEqual(['count']);
    expect(paths({ count: 2, weekdays: [] })).toEqual(['weekdays']);
    expect(paths({ count: 2, weekdays: [2, 2] })).toEqual(['weekdays']);
    expect(paths({ count: 2, weekdays: [0 as never] })).toEqual(['weekdays']);
    expect(paths({ count: 2, interval: 3 as never })).toEqual(['interval']);
    expect(paths({ from: '2026-02-30', count: 2 })).toEqual(['from']);
  });
});
