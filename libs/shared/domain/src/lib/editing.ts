import type { Point } from '@flexdesk/shared-contracts';
import { type RotatedRect, rotatedCenter, rotatedCorners } from './navigation';

/*
 * Pure geometry of the floor plan editor: snapping, rubber-band selection, align/distribute, resize,
 * rotate, clamping, polygon vertex edits and duplication. Spaces rotate around their top-left corner
 * (x, y), as everywhere else in Flexdesk; the functions here keep that convention and return patches
 * of x/y/width/height/rotation rather than new objects, so the caller decides how to record them.
 */

/** Axis-aligned bounds in plan units. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A guide line to draw while dragging: `axis: 'x'` is a vertical line at x = `at` from `from` to `to` (y). */
export interface SnapGuide {
  axis: 'x' | 'y';
  at: number;
  from: number;
  to: number;
}

export interface SnapSettings {
  /** Grid spacing in plan units; 0 or null turns grid snapping off. */
  grid: number | null;
  /** Snap to other spaces' edges and centres. */
  neighbours: boolean;
  /** How close (plan units) an edge must come to a neighbour's edge or centre to snap. */
  threshold: number;
}

export interface SnapResult {
  dx: number;
  dy: number;
  guides: SnapGuide[];
}

export type SpacePatch = { id: string } & Partial<Pick<RotatedRect, 'x' | 'y' | 'width' | 'height' | 'rotation'>>;

const EPS = 1e-9;

export function boundsOf(r: RotatedRect): Bounds {
  const corners = rotatedCorners(r);
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Union of the bounds of the rotated boxes; null for none. */
export function selectionBounds(rects: readonly RotatedRect[]): Bounds | null {
  if (!rects.length) return null;
  const all = rects.map(boundsOf);
  return {
    minX: Math.min(...all.map((b) => b.minX)),
    minY: Math.min(...all.map((b) => b.minY)),
    maxX: Math.max(...all.map((b) => b.maxX)),
    maxY: Math.max(...all.map((b) => b.maxY)),
  };
}

export function snapToGrid(value: number, grid: number | null | undefined): number {
  if (!grid || grid <= 0) return value;
  return Math.round(value / grid) * grid;
}

function offsetBounds(b: Bounds, dx: number, dy: number): Bounds {
  return { minX: b.minX + dx, minY: b.minY + dy, maxX: b.maxX + dx, maxY: b.maxY + dy };
}

/**
 * Snaps a selection being moved by `delta`: first to a neighbour's edge or centre within the
 * threshold (per axis; the closest wins and its guide is returned), otherwise its left/top edge to
 * the grid. `moving` is the selection's bounds before the move; `others` the bounds of the spaces
 * not moving.
 */
export function snapMove(moving: Bounds, delta: Point, others: readonly Bounds[], settings: SnapSettings): SnapResult {
  const moved = offsetBounds(moving, delta.x, delta.y);
  const guides: SnapGuide[] = [];
  const axis = (which: 'x' | 'y'): number => {
    const lo = which === 'x' ? moved.minX : moved.minY;
    const hi = which === 'x' ? moved.maxX : moved.maxY;
    const own = [lo, (lo + hi) / 2, hi];
    let best: { shift: number; at: number; other: Bounds } | null = null;
    if (settings.neighbours) {
      for (const other of others) {
        const olo = which === 'x' ? other.minX : other.minY;
        const ohi = which === 'x' ? other.maxX : other.maxY;
        for (const target of [olo, (olo + ohi) / 2, ohi]) {
          for (const mine of own) {
            const shift = target - mine;
            if (Math.abs(shift) <= settings.threshold && (!best || Math.abs(shift) < Math.abs(best.shift) - EPS)) {
              best = { shift, at: target, other };
            }
          }
        }
      }
    }
    if (best) {
      const snapped = offsetBounds(moved, which === 'x' ? best.shift : 0, which === 'y' ? best.shift : 0);
      // The guide spans both boxes along the other axis.
      const from = which === 'x' ? Math.min(snapped.minY, best.other.minY) : Math.min(snapped.minX, best.other.minX);
      const to = which === 'x' ? Math.max(snapped.maxY, best.other.maxY) : Math.max(snapped.maxX, best.other.maxX);
      guides.push({ axis: which, at: best.at, from, to });
      return best.shift;
    }
    return settings.grid ? snapToGrid(lo, settings.grid) - lo : 0;
  };
  const sx = axis('x');
  const sy = axis('y');
  return { dx: delta.x + sx, dy: delta.y + sy, guides };
}

/** Limits `delta` so that every rect stays inside the plan (unrotated box and rotated bounds). */
export function clampDelta(
  rects: readonly RotatedRect[],
  delta: Point,
  plan: { width: number; height: number },
): Point {
  let minDx = -Infinity;
  let maxDx = Infinity;
  let minDy = -Infinity;
  let maxDy = Infinity;
  for (const r of rects) {
    const b = boundsOf(r);
    // The saved layout is checked on the unrotated box; the rotated one should stay visible too.
    minDx = Math.max(minDx, -r.x, b.maxX - b.minX <= plan.width ? -b.minX : -Infinity);
    maxDx = Math.min(maxDx, plan.width - r.width - r.x, b.maxX - b.minX <= plan.width ? plan.width - b.maxX : Infinity);
    minDy = Math.max(minDy, -r.y, b.maxY - b.minY <= plan.height ? -b.minY : -Infinity);
    maxDy = Math.min(
      maxDy,
      plan.height - r.height - r.y,
      b.maxY - b.minY <= plan.height ? plan.height - b.maxY : Infinity,
    );
  }
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? lo : Math.min(hi, Math.max(lo, v)));
  return { x: clamp(delta.x, minDx, maxDx), y: clamp(delta.y, minDy, maxDy) };
}

/** The position that keeps a space inside the plan (as the layout validation requires). */
export function clampIntoPlan(r: RotatedRect, plan: { width: number; height: number }): { x: number; y: number } {
  const d = clampDelta([r], { x: 0, y: 0 }, plan);
  return { x: r.x + d.x, y: r.y + d.y };
}

// ---- rubber band --------------------------------------------------------------------------------

function project(points: readonly Point[], axis: Point): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    const v = p.x * axis.x + p.y * axis.y;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/** Separating axis test for two convex quadrilaterals (touching counts as intersecting). */
function convexIntersect(a: readonly Point[], b: readonly Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const axis = { x: q.y - p.y, y: p.x - q.x };
      if (Math.abs(axis.x) < EPS && Math.abs(axis.y) < EPS) continue;
      const [alo, ahi] = project(a, axis);
      const [blo, bhi] = project(b, axis);
      if (ahi < blo - EPS || bhi < alo - EPS) return false;
    }
  }
  return true;
}

/** A rect from two corners in any order. */
export function rectFromPoints(a: Point, b: Point): Bounds {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/**
 * Ids of the spaces a rubber band selects: `'intersect'` takes every rotated box touching the band,
 * `'contain'` only those wholly inside it.
 */
export function spacesInRect<T extends RotatedRect & { id: string }>(
  spaces: readonly T[],
  band: Bounds,
  mode: 'intersect' | 'contain' = 'intersect',
): string[] {
  const bandPoly: Point[] = [
    { x: band.minX, y: band.minY },
    { x: band.maxX, y: band.minY },
    { x: band.maxX, y: band.maxY },
    { x: band.minX, y: band.maxY },
  ];
  const ids: string[] = [];
  for (const s of spaces) {
    const b = boundsOf(s);
    if (mode === 'contain') {
      if (
        b.minX >= band.minX - EPS &&
        b.maxX <= band.maxX + EPS &&
        b.minY >= band.minY - EPS &&
        b.maxY <= band.maxY + EPS
      ) {
        ids.push(s.id);
      }
    } else if (
      b.maxX >= band.minX &&
      b.minX <= band.maxX &&
      b.maxY >= band.minY &&
      b.minY <= band.maxY &&
      convexIntersect(rotatedCorners(s), bandPoly)
    ) {
      ids.push(s.id);
    }
  }
  return ids;
}

// ---- align and distribute -----------------------------------------------------------------------

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

/** Moves each space so its (rotated) bounds line up with the selection's bounds; no-ops are left out. */
export function alignSpaces<T extends RotatedRect & { id: string }>(
  spaces: readonly T[],
  how: Alignment,
): SpacePatch[] {
  const all = selectionBounds(spaces);
  if (!all || spaces.length < 2) return [];
  const patches: SpacePatch[] = [];
  for (const s of spaces) {
    const b = boundsOf(s);
    let dx = 0;
    let dy = 0;
    switch (how) {
      case 'left':
        dx = all.minX - b.minX;
        break;
      case 'center':
        dx = (all.minX + all.maxX) / 2 - (b.minX + b.maxX) / 2;
        break;
      case 'right':
        dx = all.maxX - b.maxX;
        break;
      case 'top':
        dy = all.minY - b.minY;
        break;
      case 'middle':
        dy = (all.minY + all.maxY) / 2 - (b.minY + b.maxY) / 2;
        break;
      case 'bottom':
        dy = all.maxY - b.maxY;
        break;
    }
    if (Math.abs(dx) > EPS || Math.abs(dy) > EPS) patches.push({ id: s.id, x: s.x + dx, y: s.y + dy });
  }
  return patches;
}

/**
 * Spreads three or more spaces so the gaps between their bounds are equal along the axis; the
 * first and last (by position) stay where they are. Overlapping boxes get a negative gap.
 */
export function distributeSpaces<T extends RotatedRect & { id: string }>(
  spaces: readonly T[],
  axis: 'horizontal' | 'vertical',
): SpacePatch[] {
  if (spaces.length < 3) return [];
  const h = axis === 'horizontal';
  const items = spaces
    .map((s) => ({ s, b: boundsOf(s) }))
    .sort((a, b) => (h ? a.b.minX + a.b.maxX - b.b.minX - b.b.maxX : a.b.minY + a.b.maxY - b.b.minY - b.b.maxY));
  const lo = (b: Bounds) => (h ? b.minX : b.minY);
  const size = (b: Bounds) => (h ? b.maxX - b.minX : b.maxY - b.minY);
  const first = items[0].b;
  const last = items[items.length - 1].b;
  const total = h ? last.maxX - first.minX : last.maxY - first.minY;
  const occupied = items.reduce((sum, i) => sum + size(i.b), 0);
  const gap = (total - occupied) / (items.length - 1);
  const patches: SpacePatch[] = [];
  let cursor = lo(first) + size(first) + gap;
  for (const { s, b } of items.slice(1, -1)) {
    const shift = cursor - lo(b);
    if (Math.abs(shift) > EPS) patches.push(h ? { id: s.id, x: s.x + shift } : { id: s.id, y: s.y + shift });
    cursor += size(b) + gap;
  }
  return patches;
}

// ---- resize and rotate --------------------------------------------------------------------------

/** Which edges a resize handle moves: n/s/e/w and the corners. */
export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/**
 * Resizes a (possibly rotated) space by dragging a handle by `delta` (plan units): the opposite
 * edge(s) stay where they are on the plan, width and height never drop below `minSize`.
 */
export function resizeSpace(
  space: RotatedRect,
  handle: ResizeHandle,
  delta: Point,
  minSize = 10,
): Pick<RotatedRect, 'x' | 'y' | 'width' | 'height'> {
  const rad = (space.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  // The drag in the space's own (unrotated) frame.
  const lx = delta.x * cos + delta.y * sin;
  const ly = -delta.x * sin + delta.y * cos;
  let left = 0;
  let top = 0;
  let right = space.width;
  let bottom = space.height;
  if (handle.includes('w')) left = Math.min(left + lx, right - minSize);
  if (handle.includes('e')) right = Math.max(right + lx, left + minSize);
  if (handle.includes('n')) top = Math.min(top + ly, bottom - minSize);
  if (handle.includes('s')) bottom = Math.max(bottom + ly, top + minSize);
  return {
    x: space.x + left * cos - top * sin,
    y: space.y + left * sin + top * cos,
    width: right - left,
    height: bottom - top,
  };
}

/** Degrees in [0, 360). */
export function normalizeAngle(degrees: number): number {
  const a = degrees % 360;
  const n = a < 0 ? a + 360 : a;
  return Math.abs(n - 360) < EPS ? 0 : n;
}

/** Rounds an angle to the nearest multiple of `step` degrees (15 by default), normalised. */
export function snapAngle(degrees: number, step = 15): number {
  return normalizeAngle(step > 0 ? Math.round(degrees / step) * step : degrees);
}

/**
 * The space turned to `rotation` degrees around its centre (which stays put on the plan); with
 * `snapStep` the angle snaps to multiples of it.
 */
export function rotateAroundCenter(
  space: RotatedRect,
  rotation: number,
  snapStep: number | null = null,
): Pick<RotatedRect, 'x' | 'y' | 'rotation'> {
  const angle = snapStep ? snapAngle(rotation, snapStep) : normalizeAngle(rotation);
  const center = rotatedCenter(space);
  const rad = (angle * Math.PI) / 180;
  const hx = space.width / 2;
  const hy = space.height / 2;
  return {
    x: center.x - (hx * Math.cos(rad) - hy * Math.sin(rad)),
    y: center.y - (hx * Math.sin(rad) + hy * Math.cos(rad)),
    rotation: angle,
  };
}

/** The rotation (degrees) a rotate handle dragged to `pointer` asks for: straight above the centre is 0. */
export function angleFromCenter(center: Point, pointer: Point): number {
  return normalizeAngle((Math.atan2(pointer.y - center.y, pointer.x - center.x) * 180) / Math.PI + 90);
}

// ---- polygons -----------------------------------------------------------------------------------

export const MIN_POLYGON_VERTICES = 3;

/** Distance from `p` to the segment a–b, and the closest point on it. */
export function pointToSegment(p: Point, a: Point, b: Point): { distance: number; point: Point; t: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 < EPS ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { distance: Math.hypot(p.x - point.x, p.y - point.y), point, t };
}

/**
 * The polygon edge closest to `p` within `maxDistance`: its index `i` is the edge from vertex i to
 * vertex i + 1 (the last edge closes back to vertex 0). Null when none is that close.
 */
export function nearestEdge(
  polygon: readonly Point[],
  p: Point,
  maxDistance = Infinity,
): { index: number; distance: number; point: Point } | null {
  let best: { index: number; distance: number; point: Point } | null = null;
  for (let i = 0; i < polygon.length; i++) {
    const hit = pointToSegment(p, polygon[i], polygon[(i + 1) % polygon.length]);
    if (hit.distance <= maxDistance && (!best || hit.distance < best.distance)) {
      best = { index: i, distance: hit.distance, point: hit.point };
    }
  }
  return best;
}

/** A new vertex on edge `edgeIndex` (between vertex edgeIndex and the next one). */
export function insertVertex(polygon: readonly Point[], edgeIndex: number, point: Point): Point[] {
  if (edgeIndex < 0 || edgeIndex >= polygon.length) return [...polygon];
  return [...polygon.slice(0, edgeIndex + 1), { ...point }, ...polygon.slice(edgeIndex + 1)];
}

export function moveVertex(polygon: readonly Point[], index: number, point: Point): Point[] {
  return polygon.map((v, i) => (i === index ? { ...point } : v));
}

/** Removes a vertex unless that would leave fewer than three; then the polygon is returned unchanged. */
export function deleteVertex(polygon: readonly Point[], index: number): Point[] {
  if (polygon.length <= MIN_POLYGON_VERTICES || index < 0 || index >= polygon.length) return [...polygon];
  return polygon.filter((_, i) => i !== index);
}

/** Keeps a point inside the plan. */
export function clampPoint(p: Point, plan: { width: number; height: number }): Point {
  return { x: Math.min(plan.width, Math.max(0, p.x)), y: Math.min(plan.height, Math.max(0, p.y)) };
}

// ---- duplicate ----------------------------------------------------------------------------------

const MAX_LABEL = 40;

/**
 * A label not in `taken` (compared trimmed and case-insensitively), derived from `label`: a
 * trailing number counts up ("2.09" → "2.10", keeping the width), otherwise "-2", "-3", … is added.
 * Adds the result to `taken`.
 */
export function freshLabel(label: string, taken: Set<string>): string {
  const key = (l: string) => l.trim().toLowerCase();
  const match = /^(.*?)(\d+)$/.exec(label.trim());
  const prefix = match ? match[1] : `${label.trim()}-`;
  const width = match ? match[2].length : 1;
  let n = match ? Number(match[2]) + 1 : 2;
  for (;;) {
    const digits = String(n).padStart(width, '0');
    const candidate = `${prefix.slice(0, Math.max(0, MAX_LABEL - digits.length))}${digits}`;
    if (!taken.has(key(candidate))) {
      taken.add(key(candidate));
      return candidate;
    }
    n++;
  }
}

/**
 * Copies of `selected`, moved by `offset` (and kept in the plan when one is given), with new ids
 * from `newId` and labels that none of `all` uses.
 */
export function duplicateSpaces<T extends RotatedRect & { id: string; label: string }>(
  selected: readonly T[],
  all: readonly { label: string }[],
  offset: Point,
  newId: () => string,
  plan?: { width: number; height: number },
): T[] {
  const taken = new Set(all.map((s) => s.label.trim().toLowerCase()));
  const delta = plan ? clampDelta(selected, offset, plan) : offset;
  return selected.map((s) => ({
    ...s,
    id: newId(),
    label: freshLabel(s.label, taken),
    x: s.x + delta.x,
    y: s.y + delta.y,
  }));
}

/** Moves rects by a delta: the patches for a drag or a keyboard nudge. */
export function moveSpaces(rects: readonly (RotatedRect & { id: string })[], delta: Point): SpacePatch[] {
  return rects.map((r) => ({ id: r.id, x: r.x + delta.x, y: r.y + delta.y }));
}

// ---- drawing a row ------------------------------------------------------------------------------

export interface RowTemplate {
  width: number;
  height: number;
  gap: number;
}

export interface DrawnRow {
  direction: 'horizontal' | 'vertical';
  count: number;
  /** Top-left corner of the first desk. */
  x: number;
  y: number;
}

/**
 * A row of desks along a line drawn from `start` to `end`: horizontal or vertical, whichever the
 * line is closer to; as many desks as fit in its length (at least one), centred on the line.
 */
export function rowAlongLine(start: Point, end: Point, template: RowTemplate, maxCount = 500): DrawnRow {
  const horizontal = Math.abs(end.x - start.x) >= Math.abs(end.y - start.y);
  const length = horizontal ? Math.abs(end.x - start.x) : Math.abs(end.y - start.y);
  const size = horizontal ? template.width : template.height;
  const step = size + Math.max(0, template.gap);
  const count = step > 0 ? Math.min(maxCount, Math.max(1, Math.floor((length + template.gap + EPS) / step))) : 1;
  return horizontal
    ? { direction: 'horizontal', count, x: Math.min(start.x, end.x), y: start.y - template.height / 2 }
    : { direction: 'vertical', count, x: start.x - template.width / 2, y: Math.min(start.y, end.y) };
}
