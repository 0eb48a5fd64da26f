import type { Point } from '@flexdesk/shared-contracts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Plan coordinates come from mouse input and float arithmetic; exact collinearity is too strict. */
const EPSILON = 1e-9;

function onSegment(p: Point, a: Point, b: Point): boolean {
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (Math.abs(cross) > EPSILON * Math.max(1, length)) return false;
  return (
    p.x >= Math.min(a.x, b.x) - EPSILON &&
    p.x <= Math.max(a.x, b.x) + EPSILON &&
    p.y >= Math.min(a.y, b.y) - EPSILON &&
    p.y <= Math.max(a.y, b.y) + EPSILON
  );
}

/** Ray casting; points on an edge or vertex count as inside so that a desk on a zone border is in it. */
export function pointInPolygon(p: Point, polygon: Point[]): boolean {
  if (polygon.length < 3) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (onSegment(p, a, b)) return true;
    // Half-open in y, so a ray through a vertex counts the two edges meeting there only once.
    if (a.y > p.y !== b.y > p.y) {
      const xCross = a.x + ((p.y - a.y) * (b.x - a.x)) / (b.y - a.y);
      if (p.x < xCross) inside = !inside;
    }
  }
  return inside;
}

export function polygonBounds(polygon: Point[]): Rect {
  if (polygon.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return {
    x: minX,
    y: minY,
    width: Math.max(...xs) - minX,
    height: Math.max(...ys) - minY,
  };
}

/** Centre of the unrotated box; where the rotation pivots is the renderer's business. */
export function rectCenter(space: Rect): Point {
  return { x: space.x + space.width / 2, y: space.y + space.height / 2 };
}
