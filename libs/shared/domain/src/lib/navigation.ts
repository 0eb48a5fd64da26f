import type { Point } from '@flexdesk/shared-contracts';

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Placed {
  id: string;
  /** Centre of the item in plan coordinates (y grows downwards, as on screen). */
  center: Point;
}

/** Sideways offset counts double, so a space straight ahead beats a nearer one off to the side. */
const SIDEWAYS_WEIGHT = 2;

/**
 * The item an arrow key should move to: among the items in a 90° cone around `direction` from `from`
 * (boundaries included), the one with the smallest `ahead + 2 × sideways` distance; ties go to the
 * smaller id so the result does not depend on input order. Null when nothing lies that way.
 */
export function nearestInDirection(
  from: Point,
  items: readonly Placed[],
  direction: Direction,
  excludeId?: string | null,
): string | null {
  let bestId: string | null = null;
  let bestCost = Infinity;
  for (const item of items) {
    if (item.id === excludeId) continue;
    const dx = item.center.x - from.x;
    const dy = item.center.y - from.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const sideways = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0 || sideways > ahead) continue;
    const cost = ahead + SIDEWAYS_WEIGHT * sideways;
    if (cost < bestCost || (cost === bestCost && bestId !== null && item.id < bestId)) {
      bestCost = cost;
      bestId = item.id;
    }
  }
  return bestId;
}

/** Reading order start for keyboard users: the item nearest the top-left corner. */
export function firstInReadingOrder(items: readonly Placed[]): string | null {
  let best: Placed | null = null;
  for (const item of items) {
    if (
      !best ||
      item.center.y + item.center.x < best.center.y + best.center.x ||
      (item.center.y + item.center.x === best.center.y + best.center.x && item.id < best.id)
    ) {
      best = item;
    }
  }
  return best?.id ?? null;
}

export interface RotatedRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Degrees clockwise around the top-left corner (x, y), as Konva and CSS rotate. */
  rotation: number;
}

/** The four corners, clockwise from the pivot (top-left before rotation). */
export function rotatedCorners(r: RotatedRect): [Point, Point, Point, Point] {
  const rad = (r.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const at = (lx: number, ly: number): Point => ({ x: r.x + lx * cos - ly * sin, y: r.y + lx * sin + ly * cos });
  return [at(0, 0), at(r.width, 0), at(r.width, r.height), at(0, r.height)];
}

/** Centre of the rotated box (the rotation pivots on the top-left corner). */
export function rotatedCenter(r: RotatedRect): Point {
  const rad = (r.rotation * Math.PI) / 180;
  const hx = r.width / 2;
  const hy = r.height / 2;
  return { x: r.x + hx * Math.cos(rad) - hy * Math.sin(rad), y: r.y + hx * Math.sin(rad) + hy * Math.cos(rad) };
}

/** Whether `p` lies in the rotated box; edges count as inside. */
export function pointInRotatedRect(p: Point, r: RotatedRect): boolean {
  const rad = (-r.rotation * Math.PI) / 180;
  const dx = p.x - r.x;
  const dy = p.y - r.y;
  const lx = dx * Math.cos(rad) - dy * Math.sin(rad);
  const ly = dx * Math.sin(rad) + dy * Math.cos(rad);
  const eps = 1e-9;
  return lx >= -eps && ly >= -eps && lx <= r.width + eps && ly <= r.height + eps;
}

/** Hit-test: the topmost (last drawn) box containing `p`, skipping ids `skip` rejects. */
export function hitTest<T extends RotatedRect & { id: string }>(
  p: Point,
  rects: readonly T[],
  skip?: (rect: T) => boolean,
): T | null {
  for (let i = rects.length - 1; i >= 0; i--) {
    const r = rects[i];
    if (skip?.(r)) continue;
    if (pointInRotatedRect(p, r)) return r;
  }
  return null;
}

export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

/** Scale and offset that show `content` whole and centred in a `viewport` with `padding` pixels around. */
export function fitTransform(
  content: { width: number; height: number },
  viewport: { width: number; height: number },
  padding = 16,
): ViewTransform {
  const availW = Math.max(1, viewport.width - 2 * padding);
  const availH = Math.max(1, viewport.height - 2 * padding);
  if (content.width <= 0 || content.height <= 0) return { scale: 1, x: padding, y: padding };
  const scale = Math.min(availW / content.width, availH / content.height);
  return {
    scale,
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
  };
}

/** Zooms by `factor` keeping the plan point under `anchor` (screen pixels) where it is; clamps the scale. */
export function zoomAround(
  view: ViewTransform,
  anchor: Point,
  factor: number,
  minScale = 0.05,
  maxScale = 20,
): ViewTransform {
  const scale = Math.min(maxScale, Math.max(minScale, view.scale * factor));
  const planX = (anchor.x - view.x) / view.scale;
  const planY = (anchor.y - view.y) / view.scale;
  return { scale, x: anchor.x - planX * scale, y: anchor.y - planY * scale };
}
