import {
  SPACE_KINDS,
  type BuildingOccupancy,
  type DayListEntry,
  type OccupancyTotals,
  type SpaceKind,
} from '@flexdesk/shared-contracts';

export type DayListSortKey = 'space' | 'name' | 'start' | 'status';
export type SortDirection = 'asc' | 'desc';

export interface DayListSort {
  key: DayListSortKey;
  direction: SortDirection;
}

/** `confirmed` is who the front desk still expects. */
export type DayListStatusFilter = 'all' | 'confirmed' | 'checked_in';

export interface DayListFilter {
  text: string;
  status: DayListStatusFilter;
}

/** Case- and accent-insensitive, so "muller" finds "Müller". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function filterDayList(entries: readonly DayListEntry[], filter: DayListFilter): DayListEntry[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filter.status !== 'all' && e.status !== filter.status) return false;
    const haystack = fold(`${e.bookerName} ${e.spaceLabel} ${e.zoneName ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

const STATUS_ORDER: Record<string, number> = { confirmed: 0, checked_in: 1 };

/**
 * Sorted by the chosen column; ties fall back to floor (in `floorOrder`), space and start, so the
 * order never jumps between refreshes.
 */
export function sortDayList(
  entries: readonly DayListEntry[],
  sort: DayListSort,
  floorOrder: readonly string[],
  languageTag: string,
): DayListEntry[] {
  const collator = new Intl.Collator(languageTag, { numeric: true, sensitivity: 'base' });
  const floorRank = (id: string) => {
    const i = floorOrder.indexOf(id);
    return i === -1 ? floorOrder.length : i;
  };
  const bySpace = (a: DayListEntry, b: DayListEntry) =>
    floorRank(a.floorId) - floorRank(b.floorId) || collator.compare(a.spaceLabel, b.spaceLabel);
  const byStart = (a: DayListEntry, b: DayListEntry) => Date.parse(a.start) - Date.parse(b.start);
  const primary: Record<DayListSortKey, (a: DayListEntry, b: DayListEntry) => number> = {
    space: bySpace,
    name: (a, b) => collator.compare(a.bookerName, b.bookerName),
    start: byStart,
    status: (a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9),
  };
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => sign * primary[sort.key](a, b) || bySpace(a, b) || byStart(a, b));
}

/** Clicking the sorted column again reverses it; another column starts ascending. */
export function nextSort(current: DayListSort, key: DayListSortKey): DayListSort {
  return current.key === key
    ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
}

export interface TotalsRow {
  floorId: string | null;
  floorName: string;
  /** null: all kinds of the floor (or of the building). */
  kind: SpaceKind | null;
  totals: OccupancyTotals;
}

/** Per floor (by level): one row per kind it has, then the floor's total; the building's total last. */
export function totalsRows(occupancy: BuildingOccupancy): TotalsRow[] {
  const rows: TotalsRow[] = [];
  for (const floor of [...occupancy.floors].sort((a, b) => a.level - b.level)) {
    const kinds = SPACE_KINDS.filter((k) => (floor.byKind[k]?.spaces ?? 0) > 0);
    for (const kind of kinds) {
      rows.push({ floorId: floor.floorId, floorName: floor.floorName, kind, totals: floor.byKind[kind] });
    }
    if (kinds.length !== 1)
      rows.push({ floorId: floor.floorId, floorName: floor.floorName, kind: null, totals: floor.total });
  }
  rows.push({ floorId: null, floorName: '', kind: null, totals: occupancy.total });
  return rows;
}

export interface FloorGroup {
  floorId: string;
  floorName: string;
  entries: DayListEntry[];
}

/** For the printed list: floors in the given order, each with its (already sorted) entries. */
export function groupByFloor(entries: readonly DayListEntry[], floorOrder: readonly string[]): FloorGroup[] {
  const groups = new Map<string, FloorGroup>();
  for (const id of floorOrder) groups.set(id, { floorId: id, floorName: '', entries: [] });
  for (const e of entries) {
    const group = groups.get(e.floorId) ?? { floorId: e.floorId, floorName: e.floorName, entries: [] };
    group.floorName = e.floorName;
    group.entries.push(e);
    groups.set(e.floorId, group);
  }
  return [...groups.values()].filter((g) => g.entries.length > 0);
}
