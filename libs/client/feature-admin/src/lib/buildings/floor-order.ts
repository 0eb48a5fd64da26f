import type { FloorSummary } from '@flexdesk/shared-contracts';

export type Direction = 'up' | 'down';

/** Highest level first, as floors are shown in a building; ties by name. */
export function byLevel(floors: readonly FloorSummary[]): FloorSummary[] {
  return [...floors].sort((a, b) => b.level - a.level || a.name.localeCompare(b.name));
}

/**
 * The level changes that move a floor one place up or down in `byLevel` order: it swaps levels
 * with its neighbour, or steps past it when both share a level. Empty when it is already at the end.
 */
export function moveFloor(
  floors: readonly FloorSummary[],
  id: string,
  direction: Direction,
): { id: string; level: number }[] {
  const ordered = byLevel(floors);
  const i = ordered.findIndex((f) => f.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ordered.length) return [];
  const floor = ordered[i];
  const neighbour = ordered[j];
  if (floor.level === neighbour.level) {
    return [{ id: floor.id, level: floor.level + (direction === 'up' ? 1 : -1) }];
  }
  return [
    { id: floor.id, level: neighbour.level },
    { id: neighbour.id, level: floor.level },
  ];
}

/** A level for a new floor: one above the highest, or 0 (ground floor) in an empty building. */
export function nextLevel(floors: readonly FloorSummary[]): number {
  return floors.length ? Math.max(...floors.map((f) => f.level)) + 1 : 0;
}
