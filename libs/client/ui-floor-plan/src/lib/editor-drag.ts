import type { LayoutSpace, Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  type SnapGuide,
  type SnapSettings,
  angleFromCenter,
  clampDelta,
  resizeSpace,
  rotateAroundCenter,
  rotatedCenter,
  snapMove,
  snapToGrid,
} from '@flexdesk/shared-domain';
import type { Handle } from './editor-gestures';

/** The editor's drag maths without Konva: where a moved selection lands, what a handle makes of a space. */

const MIN_SIZE = 10;

/** Neighbours within `reach` of the moving bounds: the only ones a move can snap to. */
export function nearbyBounds(moving: Bounds, others: readonly Bounds[], reach: number): Bounds[] {
  return others.filter(
    (b) =>
      b.maxX >= moving.minX - reach &&
      b.minX <= moving.maxX + reach &&
      b.maxY >= moving.minY - reach &&
      b.minY <= moving.maxY + reach,
  );
}

/** A move by `raw` (plan units), kept in the plan and snapped (unless `free`); guides for the snapped axes. */
export function dragDelta(
  spaces: readonly LayoutSpace[],
  raw: Point,
  plan: { width: number; height: number },
  moving: Bounds,
  others: readonly Bounds[],
  snap: SnapSettings,
  free: boolean,
): { delta: Point; guides: SnapGuide[] } {
  const delta = clampDelta(spaces, raw, plan);
  if (free || !(snap.grid || snap.neighbours)) return { delta, guides: [] };
  const snapped = snapMove(moving, delta, others, snap);
  const clamped = clampDelta(spaces, { x: snapped.dx, y: snapped.dy }, plan);
  // Guides only for the axes the clamp left alone.
  const guides = snapped.guides.filter((g) => (g.axis === 'x' ? clamped.x === snapped.dx : clamped.y === snapped.dy));
  return { delta: clamped, guides };
}

/**
 * A space as a handle drag leaves it: rotated towards `pointer` (15° steps unless `free`), or resized by
 * `delta` with its moving edges on the grid (unrotated spaces, unless `free`).
 */
export function transformSpace(
  space: LayoutSpace,
  handle: Handle,
  pointer: Point,
  delta: Point,
  grid: number | null,
  free: boolean,
): LayoutSpace {
  if (handle === 'rotate') {
    const angle = angleFromCenter(rotatedCenter(space), pointer);
    return { ...space, ...rotateAroundCenter(space, angle, free ? null : 15) };
  }
  const next = resizeSpace(space, handle, delta, MIN_SIZE);
  if (grid && !free && space.rotation === 0) {
    const right = handle.includes('e') ? snapToGrid(next.x + next.width, grid) : next.x + next.width;
    const bottom = handle.includes('s') ? snapToGrid(next.y + next.height, grid) : next.y + next.height;
    const left = handle.includes('w') ? snapToGrid(next.x, grid) : next.x;
    const top = handle.includes('n') ? snapToGrid(next.y, grid) : next.y;
    if (right - left >= MIN_SIZE && bottom - top >= MIN_SIZE) {
      Object.assign(next, { x: left, y: top, width: right - left, height: bottom - top });
    }
  }
  return { ...space, ...next };
}

/** The item whose screen point is nearest to `screen` within `radius` pixels. */
export function nearestWithin<T>(items: readonly [T, Point][], screen: Point, radius: number): T | null {
  let best: { item: T; d: number } | null = null;
  for (const [item, p] of items) {
    const d = Math.hypot(p.x - screen.x, p.y - screen.y);
    if (d <= radius && (!best || d < best.d)) best = { item, d };
  }
  return best?.item ?? null;
}
