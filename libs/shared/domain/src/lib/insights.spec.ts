import type { BookingStatus, SpaceKind } from '@flexdesk/shared-contracts';
import {
  aggregateFacts,
  computeInsights,
  datesBetween,
  isoWeekOf,
  nearestRank,
  openHalves,
  wholeMonths,
  type BookingFact,
  type InsightSpaceInfo,
  type InsightsInput,
} from './insights';
import type { BuildingCalendar } from './slots';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const cal: BuildingCalendar = {
  timeZone: 'Europe/Berlin',
  midday: '12:00',
  openingHours: WEEKDAYS.map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
  closures: [{ date: '2026-12-24', reason: 'Heiligabend' }],
};
const always: BuildingCalendar = {
  ...cal,
  openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, open: '00:00', close: '24:00' })),
  closures: [],
};

const space = (id: string, zoneId: string | null, kind: SpaceKind = 'desk', floorId = 'F1'): InsightSpaceInfo => ({
  spaceId: id,
  label: id,
  kind,
  floorId,
  zoneId,
  bookable: true,
});
const fact = (
  spaceId: string,
  date: string,
  person: string | null,
  more: Partial<BookingFact> = {},
): BookingFact => ({
  spaceId,
  floorId: 'F1',
  zoneId: null,
  kind: 'desk',
  date,
  am: true,
  pm: true,
  status: 'confirmed' as BookingStatus,
  checkedIn: false,
  leadMinutes: 60 * 24,
  person,
  ...more,
});

/** Zone A: desks a1..a6; zone B: b1..b6 (same floor). */
const SPACES = [
  ...[1, 2, 3, 4, 5, 6].map((i) => space(`a${i}`, 'A')),
  ...[1, 2, 3, 4, 5, 6].map((i) => space(`b${i}`, 'B')),
];
const input = (facts: BookingFact[], more: Partial<InsightsInput> = {}): InsightsInput => ({
  calendar: cal,
  from: '2026-12-07',
  to: '2026-12-11',
  spaces: SPACES,
  ...aggregateFacts(facts, more.spaces ?? SPACES),
  scope: {},
  minGroup: 5,
  ...more,
});
/** `n` people, one desk each in zone `zone`, all day on `date`. */
const crowd = (zone: 'a' | 'b', date: string, n: number, prefix = zone): BookingFact[] =>
  Array.from({ length: n }, (_, i) => fact(`${zone}${i + 1}`, date, `${prefix}-person-${i}`));

describe('calendar helpers', () => {
  it('open half days follow opening hours, closures and midday, DST included', () => {
    expect(openHalves(cal, '2026-12-07')).toEqual(['am', 'pm']);
    expect(openHalves(cal, '2026-12-12')).toEqual([]); // Saturday
    expect(openHalves(cal, '2026-12-24')).toEqual([]); // closure
    expect(openHalves({ ...cal, midday: '08:00' }, '2026-12-07')).toEqual(['pm']);
    expect(openHalves({ ...cal, midday: '18:00' }, '2026-12-07')).toEqual(['am']);
    // 23- and 25-hour days still have both halves.
    expect(openHalves(always, '2026-03-29')).toEqual(['am', 'pm']);
    expect(openHalves(always, '2026-10-25')).toEqual(['am', 'pm']);
  });

  it('ISO weeks across year ends', () => {
    expect(isoWeekOf('2026-12-31')).toEqual({ week: '2026-W53', monday: '2026-12-28' });
    expect(isoWeekOf('2027-01-03')).toEqual({ week: '2026-W53', monday: '2026-12-28' });
    expect(isoWeekOf('2027-01-04').week).toBe('2027-W01');
    expect(isoWeekOf('2026-01-01').week).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03').week).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30').week).toBe('2025-W01');
  });

  it('ranges, months and percentiles', () => {
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(wholeMonths('2026-02-10', '2026-03-02')).toEqual({ from: '2026-02-01', to: '2026-03-31' });
    expect(wholeMonths('2026-12-10', '2026-12-11')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(nearestRank([], 0.95)).toBeNull();
    expect(nearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 0.95)).toBe(19);
    expect(nearestRank(Array.from({ length: 20 }, (_, i) => 20 - i), 1)).toBe(20);
    expect(nearestRank([3], 0.95)).toBe(3);
  });
});

describe('computeInsights', () => {
  it('computes shares, no-shows, cancellations, lead time and peaks from a hand-counted week', () => {
    const facts = [
      ...crowd('a', '2026-12-07', 6),
      // Tuesday: five people in A, mornings only; one checks in, one is released, one cancels.
      fact('a1', '2026-12-08', 'p1', { pm: false, checkedIn: true, status: 'checked_in', leadMinutes: 120 }),
      fact('a2', '2026-12-08', 'p2', { pm: false, status: 'released', leadMinutes: 240 }),
      fact('a3', '2026-12-08', 'p3', { pm: false, status: 'cancelled', leadMinutes: 9999 }),
      fact('a4', '2026-12-08', 'p4', { pm: false, leadMinutes: 60 }),
      fact('a5', '2026-12-08', 'p5', { pm: false, leadMinutes: 60 }),
    ];
    const r = computeInsights(input(facts, { scope: { zoneId: 'A' } }));
    // Capacity: 6 desks x 5 days x 2 halves.
    expect(r.totals.capacity).toBe(60);
    // Booked: Monday 6 x 2 halves, Tuesday 4 mornings (the cancelled one does not count).
    expect(r.totals.booked).toBe(16);
    expect(r.totals.bookedShare).toBeCloseTo(16 / 60);
    expect(r.totals.checkedIn).toBe(1);
    expect(r.totals.noShowRate).toBe(0.5);
    expect(r.totals.bookings).toBe(11);
    expect(r.totals.cancellations).toBe(1);
    expect(r.totals.cancellationRate).toBeCloseTo(1 / 11);
    // Lead time: six of 24 h, then 2 h, 4 h, 1 h, 1 h (cancelled excluded) → 152 h / 10.
    expect(r.totals.leadTimeHours).toBeCloseTo((6 * 24 + 2 + 4 + 1 + 1) / 10);
    expect(r.days.map((d) => d.peak)).toEqual([6, 4, 0, 0, 0]);
    expect(r.rightSizing).toEqual({ existing: 6, cover95: 6, cover100: 6, days: 5 });
    const mondayPm = r.grid.find((c) => c.weekday === 1 && c.half === 'pm');
    expect(mondayPm?.measures.bookedShare).toBe(1);
    const tuesdayPm = r.grid.find((c) => c.weekday === 2 && c.half === 'pm');
    expect(tuesdayPm?.measures.booked).toBe(0);
    expect(r.weeks).toEqual([expect.objectContaining({ week: '2026-W50', monday: '2026-12-07' })]);
  });

  it('suppresses figures built from fewer than the minimum group of people', () => {
    const r = computeInsights(input(crowd('a', '2026-12-07', 4), { scope: { zoneId: 'A' } }));
    expect(r.totals.suppressed).toBe(true);
    expect(r.totals.booked).toBeNull();
    expect(r.totals.bookedShare).toBeNull();
    expect(r.days[0].peak).toBeNull();
    expect(r.rightSizing.cover100).toBe(0); // the other days are empty and open
    // One person booking four desks on four days is still one person.
    const one = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'].map((d, i) => fact(`a${i + 1}`, d, 'solo'));
    expect(computeInsights(input(one)).totals.suppressed).toBe(true);
    // Facts without a person (purged before insights existed) count nobody.
    expect(computeInsights(input(crowd('a', '2026-12-07', 6).map((f) => ({ ...f, person: null })))).totals.suppressed).toBe(true);
    // A higher minimum suppresses more.
    expect(computeInsights(input(crowd('a', '2026-12-07', 6), { minGroup: 7 })).totals.suppressed).toBe(true);
  });

  it('differencing two overlapping ranges reveals nothing about a suppressed day', () => {
    const facts = [...crowd('a', '2026-12-07', 6), fact('a1', '2026-12-11', 'lonely', { checkedIn: true })];
    const week = computeInsights(input(facts, { to: '2026-12-11' }));
    const fourDays = computeInsights(input(facts, { to: '2026-12-10' }));
    const friday = computeInsights(input(facts, { from: '2026-12-11', to: '2026-12-11' }));
    expect(friday.totals.suppressed).toBe(true);
    // The lonely Friday is in neither sum: the difference is exactly the (empty) shown part of Friday.
    expect((week.totals.booked ?? 0) - (fourDays.totals.booked ?? 0)).toBe(0);
    expect((week.totals.checkedIn ?? 0) - (fourDays.totals.checkedIn ?? 0)).toBe(0);
    expect((week.totals.bookings ?? 0) - (fourDays.totals.bookings ?? 0)).toBe(0);
    // Its capacity is left out too, so shares cannot be solved for it either: only zone B's empty
    // Friday (6 desks x 2 halves) is added.
    expect(week.totals.capacity - fourDays.totals.capacity).toBe(12);
    expect(week.suppressedShare).toBeCloseTo(12 / 120);
  });

  it('differencing a building and its zones reveals nothing about a suppressed zone', () => {
    const facts = [...crowd('a', '2026-12-07', 6), ...crowd('b', '2026-12-07', 2)];
    const all = computeInsights(input(facts));
    const a = computeInsights(input(facts, { scope: { zoneId: 'A' } }));
    const b = computeInsights(input(facts, { scope: { zoneId: 'B' } }));
    expect(b.totals.suppressed).toBe(true);
    expect(all.totals.booked).toBe(a.totals.booked);
    expect(all.totals.bookings).toBe(a.totals.bookings);
    expect(all.totals.capacity - a.totals.capacity).toBe(60 - 12); // B's four empty days only
    expect(all.days[0].peak).toBe(6);
    // By kind: the rooms filter of the same floor sees nothing either.
    expect(computeInsights(input(facts, { scope: { kind: 'room' } })).totals.booked).toBe(0);
  });

  it('people in one zone do not carry another zone over the threshold', () => {
    // Four people in A and four in B: eight on the floor, but each zone-half-day has four.
    const facts = [...crowd('a', '2026-12-07', 4), ...crowd('b', '2026-12-07', 4)];
    const floor = computeInsights(input(facts, { scope: { floorId: 'F1' } }));
    expect(floor.totals.suppressed).toBe(true);
  });

  it('single spaces: whole months, complementary suppression within their zone', () => {
    const month = datesBetween('2026-12-01', '2026-12-31').filter((d) => openHalves(cal, d).length);
    const facts: BookingFact[] = [];
    // a1..a5: a different person each open day (many people); a6: always the same person.
    month.forEach((d, i) => {
      for (let s = 1; s <= 5; s++) facts.push(fact(`a${s}`, d, `p${(i * 5 + s) % 40}`));
      facts.push(fact('a6', d, 'always-the-same'));
    });
    const r = computeInsights(input(facts, { from: '2026-12-07', to: '2026-12-11', scope: { zoneId: 'A' } }));
    expect(r.spacesFrom).toBe('2026-12-01');
    expect(r.spacesTo).toBe('2026-12-31');
    const byId = new Map(r.spaces.map((s) => [s.spaceId, s.measures]));
    expect(byId.get('a6')?.suppressed).toBe(true);
    // One more desk is suppressed with it, so zone minus shown desks is two desks, many people.
    const hidden = r.spaces.filter((s) => s.measures.suppressed).map((s) => s.spaceId);
    expect(hidden).toHaveLength(2);
    expect(hidden).toContain('a6');
    const shown = r.spaces.filter((s) => !s.measures.suppressed);
    expect(shown.every((s) => s.measures.booked === month.length * 2)).toBe(true);
    expect(shown[0].measures.capacity).toBe(month.length * 2);
    // Asking for the space itself gives the same answer, and no day-level tables.
    const single = computeInsights(input(facts, { scope: { spaceId: 'a6' } }));
    expect(single.totals.suppressed).toBe(true);
    expect(single.days).toEqual([]);
    expect(single.grid).toEqual([]);
    const other = computeInsights(input(facts, { scope: { spaceId: shown[0].spaceId } }));
    expect(other.totals.bookedShare).toBe(1);
  });

  it('right-sizing: desks that would have covered 95 % and all of the open days', () => {
    const facts: BookingFact[] = [];
    const days = datesBetween('2026-11-02', '2026-12-18').filter((d) => openHalves(cal, d).length);
    // Five desks most days, all six on exactly one day; each day has six different people around.
    days.forEach((d, i) => {
      const n = i === 3 ? 6 : 5;
      for (let s = 1; s <= n; s++) facts.push(fact(`a${s}`, d, `d${i}-${s}`));
    });
    const r = computeInsights(input(facts, { from: '2026-11-02', to: '2026-12-18', scope: { zoneId: 'A' } }));
    expect(r.rightSizing).toEqual({ existing: 6, cover95: 5, cover100: 6, days: days.length });
    expect(r.days.filter((d) => !d.open).every((d) => d.peak === 0)).toBe(true);
  });

  it('aggregates facts into atoms: distinct people and spaces per half day, bookings once', () => {
    const { days, spaceMonths } = aggregateFacts(
      [
        fact('a1', '2026-12-07', 'p1'),
        fact('a2', '2026-12-07', 'p1', { pm: false, checkedIn: true, status: 'checked_in' }),
        fact('a1', '2026-12-08', 'p2', { status: 'cancelled' }),
        fact('gone', '2026-12-07', 'p3', { zoneId: 'old' }),
      ],
      SPACES,
    );
    const am = days.find((d) => d.zoneId === 'A' && d.date === '2026-12-07' && d.half === 'am');
    expect(am).toMatchObject({ facts: 2, people: 1, booked: 2, checkedIn: 1, bookings: 2, outcomes: 1 });
    const pm = days.find((d) => d.zoneId === 'A' && d.date === '2026-12-07' && d.half === 'pm');
    expect(pm).toMatchObject({ facts: 1, people: 1, booked: 1, bookings: 0 });
    expect(days.find((d) => d.date === '2026-12-08' && d.half === 'am')).toMatchObject({ booked: 0, cancellations: 1 });
    // A deleted space's facts stay where they were.
    expect(days.some((d) => d.zoneId === 'old')).toBe(true);
    expect(spaceMonths.find((m) => m.spaceId === 'a1')).toMatchObject({ month: '2026-12', facts: 2, people: 2, booked: 2, bookings: 2 });
  });
});
