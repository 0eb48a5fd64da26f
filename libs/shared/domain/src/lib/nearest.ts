import type { SpaceKind } from '@flexdesk/shared-contracts';
import { type RotatedRect, rotatedCenter } from './navigation';

export interface PlacedSpace extends RotatedRect {
  id: string;
  kind: SpaceKind;
  label: string;
}

/**
 * "Book near": the free space of the same kind closest to where a colleague sits, by the distance
 * between centres on the plan (rotation included), ties broken by label so the answer is stable.
 * The colleague's own space is never the answer, even if it shows as free.
 */
export function nearestFreeSpace<T extends PlacedSpace>(
  spaces: readonly T[],
  anchorId: string,
  isFree: (space: T) => boolean,
  kind?: SpaceKind,
): T | null {
  const anchor = spaces.find((s) => s.id === anchorId);
  if (!anchor) return null;
  const origin = rotatedCenter(anchor);
  const wanted = kind ?? anchor.kind;
  let best: { space: T; distance: number } | null = null;
  for (const space of spaces) {
    if (space.id === anchorId || space.kind !== wanted || !isFree(space)) continue;
    const c = rotatedCenter(space);
    const distance = Math.hypot(c.x - origin.x, c.y - origin.y);
    if (
      !best ||
      distance < best.distance - 1e-9 ||
      (Math.abs(distance - best.distance) <= 1e-9 && space.label.localeCompare(best.space.label, 'de', { numeric: true }) < 0)
    ) {
      best = { space, distance };
    }
  }
  return best?.space ?? null;
}
