import type {
  BookingStatus,
  HalfDay,
  InsightDay,
  InsightGridCell,
  InsightMeasures,
  InsightSpace,
  InsightWeek,
  IsoWeekday,
  RightSizing,
  SpaceKind,
} from '@flexdesk/shared-contracts';
import { openingWindow, type BuildingCalendar } from './slots';
import { addDaysToDate, isoWeekdayOf, zonedInstant } from './time';

/**
 * Insights are built so that no figure can be traced to a person, even by subtracting one answer
 * from another:
 *
 * - Every booking fact belongs to **atoms**: (zone or the rest of its floor, kind, date, half day).
 *   An atom counts only if nobody booked in it or at least `minGroup` distinct people did. Whether
 *   it counts depends on the atom's own data, never on the question asked.
 * - Every figure of a building, floor, zone or kind, for any range, is a sum (or a maximum) over
 *   counting atoms only. The difference of two answers is therefore again a sum over counting atoms,
 *   each built from at least `minGroup` people: subtracting ranges or filters reveals nothing that
 *   was suppressed.
 * - Single spaces are finer than atoms, so they use atoms of their own: (space, calendar month),
 *   with complementary suppression within (zone, kind, month): if some space-months are suppressed,
 *   more are, until the suppressed ones together come from at least `minGroup` people, so the
 *   zone's month minus the shown spaces cannot single anyone out.
 *
 * People are counted by a token that is stable within a calendar month only (see the facts table),
 * which is why every atom lies within one month.
 */

export interface BookingFact {
  spaceId: string;
  floorId: string;
  zoneId: string | null;
  kind: SpaceKind;
  /** Local date of the booking in the building's time zone. */
  date: string;
  /** Whether the booking covers the morning / afternoon half day. */
  am: boolean;
  pm: boolean;
  status: BookingStatus;
  checkedIn: boolean;
  /** Minutes between making the booking and its start. */
  leadMinutes: number;
  /** Month-scoped pseudonym of the booker; null when unknown (then the booking counts nobody). */
  person: string | null;
}

export interface InsightSpaceInfo {
  spaceId: string;
  label: string;
  kind: SpaceKind;
  floorId: string;
  zoneId: string | null;
  bookable: boolean;
}

/** Which atoms and spaces a report covers; absent fields do not narrow. */
export interface InsightScope {
  floorId?: string;
  zoneId?: string;
  kind?: SpaceKind;
  spaceId?: string;
}

/** Sums of one atom, or of any set of atoms. */
export interface Tally {
  capacity: number;
  booked: number;
  checkedIn: number;
  released: number;
  outcomes: number;
  bookings: number;
  cancellations: number;
  leadMinutes: number;
  leadCount: number;
}

/** Sums of one (unit, kind, date, half day) atom, as the facts table's GROUP BY yields them. */
export interface DayAtomRow extends Tally {
  floorId: string;
  zoneId: string | null;
  kind: SpaceKind;
  date: string;
  half: HalfDay;
  /** Booking facts in the atom (any status). */
  facts: number;
  /** Distinct people (month pseudonyms) among them. */
  people: number;
}

/** Sums of one space over one calendar month (`YYYY-MM`). */
export interface SpaceMonthRow extends Tally {
  spaceId: string;
  month: string;
  facts: number;
  people: number;
}

type Atom = DayAtomRow;

const emptyTally = (): Tally => ({
  capacity: 0,
  booked: 0,
  checkedIn: 0,
  released: 0,
  outcomes: 0,
  bookings: 0,
  cancellations: 0,
  leadMinutes: 0,
  leadCount: 0,
});

function addTally(into: Tally, t: Tally): void {
  into.capacity += t.capacity;
  into.booked += t.booked;
  into.checkedIn += t.checkedIn;
  into.released += t.released;
  into.outcomes += t.outcomes;
  into.bookings += t.bookings;
  into.cancellations += t.cancellations;
  into.leadMinutes += t.leadMinutes;
  into.leadCount += t.leadCount;
}

/** Space labels in natural order ("2.9" before "2.10"); one collator, not one per comparison. */
const LABEL_ORDER = new Intl.Collator('de', { numeric: true });

/** The half days a building is open on `date` (none on closures and closed weekdays). */
export function openHalves(cal: BuildingCalendar, date: string): HalfDay[] {
  const window = openingWindow(cal, date);
  if (!window) return [];
  const midday = zonedInstant(date, cal.midday, cal.timeZone).getTime();
  const halves: HalfDay[] = [];
  if (window.start.getTime() < midday) halves.push('am');
  if (window.end.getTime() > midday) halves.push('pm');
  return halves;
}

/** ISO 8601 week of a date, e.g. `2026-W53`, and its Monday. */
export function isoWeekOf(date: string): { week: string; monday: string } {
  const monday = addDaysToDate(date, 1 - isoWeekdayOf(date));
  const thursday = addDaysToDate(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = (() => {
    const jan4 = `${year}-01-04`;
    return addDaysToDate(jan4, 4 - isoWeekdayOf(jan4));
  })();
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday };
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) out.push(d);
  return out;
}

/** First and last day of the calendar months that `from`..`to` touches. */
export function wholeMonths(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.slice(0, 7).split('-').map(Number);
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${from.slice(0, 7)}-01`, to: addDaysToDate(nextMonth, -1) };
}

/** Nearest-rank percentile (0 < p <= 1) of the values; null for none. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Figures of a set of tallies; `suppressed` when there was data but none of it may be shown. */
export function measuresOf(t: Tally, suppressed: boolean): InsightMeasures {
  if (suppressed) {
    return {
      suppressed: true,
      capacity: t.capacity,
      booked: null,
      checkedIn: null,
      bookedShare: null,
      checkedInShare: null,
      noShowRate: null,
      bookings: null,
      cancellations: null,
      cancellationRate: null,
      leadTimeHours: null,
    };
  }
  return {
    suppressed: false,
    capacity: t.capacity,
    booked: t.booked,
    checkedIn: t.checkedIn,
    bookedShare: ratio(t.booked, t.capacity),
    checkedInShare: ratio(t.checkedIn, t.capacity),
    noShowRate: ratio(t.released, t.outcomes),
    bookings: t.bookings,
    cancellations: t.cancellations,
    cancellationRate: ratio(t.cancellations, t.bookings),
    leadTimeHours: t.leadCount ? t.leadMinutes / t.leadCount / 60 : null,
  };
}

/** Whether an atom's figures may be shown: nobody booked in it, or enough distinct people did. */
const counts = (a: { facts: number; people: number }, minGroup: number) => a.facts === 0 || a.people >= minGroup;

/** Adds one booking's per-booking figures (counted once, in its first half day). */
function addBooking(t: Tally, f: BookingFact): void {
  t.bookings++;
  if (f.status === 'cancelled') {
    t.cancellations++;
    return;
  }
  t.leadMinutes += f.leadMinutes;
  t.leadCount++;
  if (f.checkedIn) t.outcomes++;
  if (f.status === 'released') {
    t.released++;
    t.outcomes++;
  }
}

export interface InsightsInput {
  calendar: BuildingCalendar;
  from: string;
  to: string;
  /** Every space of the building (atoms are built building-wide, whatever the scope). */
  spaces: InsightSpaceInfo[];
  /** The building's day-half atoms from `from` to `to` (see aggregateFacts; the API's SQL does the same). */
  days: DayAtomRow[];
  /**
   * The space-months of the whole months covering `from`..`to` for every space given; null for no
   * per-space figures (a whole building's report).
   */
  spaceMonths: SpaceMonthRow[] | null;
  scope: InsightScope;
  minGroup: number;
}

export interface InsightsFigures {
  totals: InsightMeasures;
  weeks: InsightWeek[];
  grid: InsightGridCell[];
  days: InsightDay[];
  rightSizing: RightSizing;
  spaces: InsightSpace[];
  spacesFrom: string;
  spacesTo: string;
  suppressedShare: number;
}

const unitOf = (floorId: string, zoneId: string | null) => zoneId ?? `floor:${floorId}`;

/** The figures of one report (see the comment at the top of this file for why they are safe). */
export function computeInsights(input: InsightsInput): InsightsFigures {
  const { calendar, from, to, scope, minGroup } = input;
  // Day-half atoms over the range, building-wide: the data rows, plus capacity.
  const atoms = new Map<string, Atom>();
  const atom = (floorId: string, zoneId: string | null, kind: SpaceKind, date: string, half: HalfDay): Atom => {
    const key = `${unitOf(floorId, zoneId)}|${kind}|${date}|${half}`;
    let a = atoms.get(key);
    if (!a) {
      a = { ...emptyTally(), floorId, zoneId, kind, date, half, facts: 0, people: 0 };
      atoms.set(key, a);
    }
    return a;
  };
  const units = new Map<string, { floorId: string; zoneId: string | null; kind: SpaceKind; bookable: number }>();
  for (const s of input.spaces) {
    const key = `${unitOf(s.floorId, s.zoneId)}|${s.kind}`;
    const u = units.get(key) ?? { floorId: s.floorId, zoneId: s.zoneId, kind: s.kind, bookable: 0 };
    if (s.bookable) u.bookable++;
    units.set(key, u);
  }
  const dates = datesBetween(from, to);
  const halvesByDate = new Map(dates.map((d) => [d, openHalves(calendar, d)]));
  for (const d of dates) {
    for (const half of halvesByDate.get(d) ?? []) {
      for (const u of units.values()) if (u.bookable) atom(u.floorId, u.zoneId, u.kind, d, half).capacity += u.bookable;
    }
  }
  for (const row of input.days) {
    if (row.date < from || row.date > to) continue;
    const a = atom(row.floorId, row.zoneId, row.kind, row.date, row.half);
    // Rows are unique per atom, and their capacity is 0: the atom's own capacity stays.
    addTally(a, row);
    a.facts = row.facts;
    a.people = row.people;
  }

  const inScope = (x: { floorId: string; zoneId: string | null; kind: SpaceKind }) =>
    (!scope.floorId || x.floorId === scope.floorId) &&
    (!scope.zoneId || x.zoneId === scope.zoneId) &&
    (!scope.kind || x.kind === scope.kind);
  const scoped = [...atoms.values()].filter(inScope);

  const sum = (list: Atom[]): InsightMeasures => {
    const t = emptyTally();
    let data = false;
    let shown = false;
    for (const a of list) {
      if (a.facts) data = true;
      if (!counts(a, minGroup)) continue;
      if (a.facts) shown = true;
      addTally(t, a);
    }
    return measuresOf(t, data && !shown);
  };
  const groupBy = <K>(list: Atom[], key: (a: Atom) => K): Map<K, Atom[]> => {
    const m = new Map<K, Atom[]>();
    for (const a of list) {
      const k = key(a);
      const bucket = m.get(k);
      if (bucket) bucket.push(a);
      else m.set(k, [a]);
    }
    return m;
  };

  const heat = input.spaceMonths ? spaceFigures(input, input.spaceMonths, minGroup) : [];
  const months = wholeMonths(from, to);
  const existing = input.spaces.filter(
    (s) => s.bookable && inScope(s) && (!scope.spaceId || s.spaceId === scope.spaceId),
  ).length;

  if (scope.spaceId) {
    // A single space is reported only from its whole months (see above); day-level tables would be
    // finer than any atom it belongs to.
    const own = heat.filter((s) => s.spaceId === scope.spaceId);
    return {
      totals: own[0]?.measures ?? measuresOf(emptyTally(), false),
      weeks: [],
      grid: [],
      days: [],
      rightSizing: { existing, cover95: null, cover100: null, days: 0 },
      spaces: own,
      spacesFrom: months.from,
      spacesTo: months.to,
      suppressedShare: own[0]?.measures.suppressed ? 1 : 0,
    };
  }

  const weekOf = new Map(dates.map((d) => [d, isoWeekOf(d)]));
  const weeks = [...groupBy(scoped, (a) => weekOf.get(a.date)?.week ?? isoWeekOf(a.date).week).entries()]
    .map(([week, list]) => ({ week, monday: isoWeekOf(list[0].date).monday, measures: sum(list) }))
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  const weekdayOf = new Map(dates.map((d) => [d, isoWeekdayOf(d)]));
  const cells = groupBy(scoped, (a) => `${weekdayOf.get(a.date)}|${a.half}`);
  const grid: InsightGridCell[] = [];
  for (let wd = 1; wd <= 7; wd++) {
    for (const half of ['am', 'pm'] as const) {
      const list = cells.get(`${wd}|${half}`);
      if (list?.length) grid.push({ weekday: wd as IsoWeekday, half, measures: sum(list) });
    }
  }
  const byDate = groupBy(scoped, (a) => a.date);
  const days: InsightDay[] = dates.map((date) => {
    const open = (halvesByDate.get(date) ?? []).length > 0;
    const list = byDate.get(date) ?? [];
    const data = list.some((a) => a.facts);
    const shown = list.filter((a) => counts(a, minGroup));
    if (data && !shown.some((a) => a.facts)) return { date, open, peak: null };
    const perHalf = (['am', 'pm'] as const).map((h) =>
      shown.filter((a) => a.half === h).reduce((n, a) => n + a.booked, 0),
    );
    return { date, open, peak: Math.max(...perHalf) };
  });
  const peaks = days.filter((d) => d.open && d.peak !== null).map((d) => d.peak as number);
  const capacity = scoped.reduce((n, a) => n + a.capacity, 0);
  const shownCapacity = scoped.filter((a) => counts(a, minGroup)).reduce((n, a) => n + a.capacity, 0);
  return {
    totals: sum(scoped),
    weeks,
    grid,
    days,
    rightSizing: { existing, cover95: nearestRank(peaks, 0.95), cover100: nearestRank(peaks, 1), days: peaks.length },
    spaces: heat.filter((s) => inScope(s)),
    spacesFrom: months.from,
    spacesTo: months.to,
    suppressedShare: capacity ? 1 - shownCapacity / capacity : 0,
  };
}

/**
 * Per space over the whole months of the range: (space, month) atoms, with complementary
 * suppression inside each (zone or floor rest, kind, month), decided on the building's data alone.
 * The suppressed cells' people together are counted as the largest single cell's (a lower bound of
 * their union, since only counts are known): that can hide one cell more than needed, never fewer.
 */
function spaceFigures(input: InsightsInput, spaceMonths: SpaceMonthRow[], minGroup: number): InsightSpace[] {
  const { calendar } = input;
  const months = wholeMonths(input.from, input.to);
  interface SpaceMonth extends SpaceMonthRow {
    group: string;
    hidden: boolean;
  }
  const openByMonth = new Map<string, number>();
  for (const d of datesBetween(months.from, months.to)) {
    openByMonth.set(d.slice(0, 7), (openByMonth.get(d.slice(0, 7)) ?? 0) + openHalves(calendar, d).length);
  }
  const rows = new Map(spaceMonths.map((r) => [`${r.spaceId}|${r.month}`, r]));
  const push = <V>(m: Map<string, V[]>, k: string, v: V) => {
    const bucket = m.get(k);
    if (bucket) bucket.push(v);
    else m.set(k, [v]);
  };
  const groups = new Map<string, SpaceMonth[]>();
  const bySpace = new Map<string, SpaceMonth[]>();
  for (const s of input.spaces) {
    const unit = `${unitOf(s.floorId, s.zoneId)}|${s.kind}|`;
    for (const [month, open] of openByMonth) {
      // The row itself (a fresh object from the query) becomes the cell: thousands per floor and year.
      const row = rows.get(`${s.spaceId}|${month}`) ?? {
        ...emptyTally(),
        spaceId: s.spaceId,
        month,
        facts: 0,
        people: 0,
      };
      const c = row as SpaceMonth;
      c.capacity = s.bookable ? open : 0;
      c.group = unit + month;
      c.hidden = !counts(c, minGroup);
      push(groups, c.group, c);
      push(bySpace, s.spaceId, c);
    }
  }
  for (const list of groups.values()) {
    // Complementary suppression: the hidden cells together must come from enough people, or the
    // group's total minus the shown cells would reveal them.
    const hidden = list.filter((c) => c.hidden);
    if (!hidden.length) continue;
    let people = Math.max(...hidden.map((c) => c.people));
    const candidates = list
      .filter((c) => !c.hidden && c.facts)
      .sort((a, b) => a.people - b.people || (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0));
    for (const next of candidates) {
      if (people >= minGroup) break;
      next.hidden = true;
      people = Math.max(people, next.people);
    }
  }
  return input.spaces
    .filter((s) => s.bookable || bySpace.get(s.spaceId)?.some((c) => c.facts))
    .map((s) => {
      const t = emptyTally();
      let data = false;
      let shown = false;
      for (const c of bySpace.get(s.spaceId) ?? []) {
        if (c.facts) data = true;
        if (c.hidden) continue;
        if (c.facts) shown = true;
        addTally(t, c);
      }
      return {
        spaceId: s.spaceId,
        label: s.label,
        kind: s.kind,
        floorId: s.floorId,
        zoneId: s.zoneId,
        measures: measuresOf(t, data && !shown),
      };
    })
    .sort((a, b) => LABEL_ORDER.compare(a.label, b.label));
}

/**
 * The atoms of a set of booking facts, exactly as the API's SQL groups the facts table: each fact
 * where its space is now (facts of deleted spaces where they were), counted in every half day it
 * covers; per-booking figures (bookings, cancellations, outcomes, lead time) once, in its first half.
 */
export function aggregateFacts(
  facts: readonly BookingFact[],
  spaces: readonly InsightSpaceInfo[],
): { days: DayAtomRow[]; spaceMonths: SpaceMonthRow[] } {
  const spaceById = new Map(spaces.map((s) => [s.spaceId, s]));
  const days = new Map<string, DayAtomRow & { p: Set<string>; b: Set<string>; c: Set<string> }>();
  const months = new Map<string, SpaceMonthRow & { p: Set<string>; b: Set<string>; c: Set<string> }>();
  for (const f of facts) {
    const s = spaceById.get(f.spaceId);
    const floorId = s?.floorId ?? f.floorId;
    const zoneId = s ? s.zoneId : f.zoneId;
    const kind = s?.kind ?? f.kind;
    const month = f.date.slice(0, 7);
    const halves = (['am', 'pm'] as const).filter((h) => f[h]);
    const mKey = `${f.spaceId}|${month}`;
    let m = months.get(mKey);
    if (!m) {
      m = { ...emptyTally(), spaceId: f.spaceId, month, facts: 0, people: 0, p: new Set(), b: new Set(), c: new Set() };
      months.set(mKey, m);
    }
    m.facts++;
    if (f.person) m.p.add(f.person);
    addBooking(m, f);
    halves.forEach((half, i) => {
      const key = `${unitOf(floorId, zoneId)}|${kind}|${f.date}|${half}`;
      let a = days.get(key);
      if (!a) {
        a = {
          ...emptyTally(),
          floorId,
          zoneId,
          kind,
          date: f.date,
          half,
          facts: 0,
          people: 0,
          p: new Set(),
          b: new Set(),
          c: new Set(),
        };
        days.set(key, a);
      }
      a.facts++;
      if (f.person) a.p.add(f.person);
      if (i === 0) addBooking(a, f);
      if (f.status === 'cancelled') return;
      a.b.add(f.spaceId);
      m.b.add(`${f.date}${half}`);
      if (f.checkedIn) {
        a.c.add(f.spaceId);
        m.c.add(`${f.date}${half}`);
      }
    });
  }
  const finish = <T extends Tally & { people: number; p: Set<string>; b: Set<string>; c: Set<string> }>(x: T) => {
    const { p, b, c, ...rest } = x;
    return { ...rest, people: p.size, booked: b.size, checkedIn: c.size };
  };
  return { days: [...days.values()].map(finish), spaceMonths: [...months.values()].map(finish) };
}
