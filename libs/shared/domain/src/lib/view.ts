import type { Point } from '@flexdesk/shared-contracts';
import { type ViewTransform, zoomAround } from './navigation';

/**
 * Pure maths of a zoomable plan view (plan units ↔ screen pixels), shared by the floor plan viewer and
 * editor so both behave alike and the maths can be tested without a canvas.
 */

/** An axis-aligned rectangle in screen pixels. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function toPlan(view: ViewTransform, screen: Point): Point {
  return { x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale };
}

export function toScreen(view: ViewTransform, plan: Point): Point {
  return { x: plan.x * view.scale + view.x, y: plan.y * view.scale + view.y };
}

/** Screen rectangle of plan bounds (e.g. a space's rotated box), optionally shifted by an offset. */
export function screenRectOf(
  box: { minX: number; minY: number; maxX: number; maxY: number },
  view: ViewTransform,
  offset: Point = { x: 0, y: 0 },
): ScreenRect {
  return {
    x: box.minX * view.scale + view.x + offset.x,
    y: box.minY * view.scale + view.y + offset.y,
    width: (box.maxX - box.minX) * view.scale,
    height: (box.maxY - box.minY) * view.scale,
  };
}

/** Zoom factor of one wheel event: line and page deltas count as 16 and 400 pixels. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const unit = deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1;
  return Math.exp(-deltaY * unit * 0.0015);
}

/**
 * Whether a wheel event zooms the plan. Where the plan sits in a scrolling page (`page` gestures) the
 * wheel scrolls the page and zooms only with Ctrl or Cmd (a trackpad pinch arrives as a wheel event
 * with `ctrlKey`); where the plan is the whole screen (`canvas`) it always zooms.
 */
export function wheelZooms(mode: 'page' | 'canvas', event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return mode === 'canvas' || event.ctrlKey || event.metaKey;
}

export interface Pinch {
  center: Point;
  distance: number;
}

/** Centre and spread of two pointers (the spread at least 1, so ratios stay finite). */
export function pinchOf(a: Point, b: Point): Pinch {
  return {
    center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
  };
}

/**
 * One step of a two-finger gesture: zoom around the new centre by the change of spread, then pan by the
 * centre's movement, within [minScale, maxScale]. The plan point under the fingers stays under them.
 */
export function pinchStep(
  view: ViewTransform,
  from: Pinch,
  to: Pinch,
  minScale: number,
  maxScale: number,
): ViewTransform {
  const zoomed = zoomAround(view, to.center, to.distance / from.distance, minScale, maxScale);
  return { ...zoomed, x: zoomed.x + to.center.x - from.center.x, y: zoomed.y + to.center.y - from.center.y };
}

/** Smallest text that is read comfortably on screen, in CSS pixels. */
export const READABLE_LABEL_PX = 11;

/**
 * Level of detail for a space's label: the font size in plan units to draw it at, or null to leave it
 * out. A label never shrinks below `minPx` on screen; it grows with the space (its natural size) as
 * one zooms in; and it is drawn only if it fits inside the space on screen (width estimated at 0.6 em
 * per character), so zoomed out the plan shows clean shapes rather than unreadable specks.
 */
export function labelFontSize(
  naturalSize: number,
  scale: number,
  space: { width: number; height: number },
  characters: number,
  minPx = READABLE_LABEL_PX,
): number | null {
  const size = Math.max(naturalSize, minPx / scale);
  const fitsWidth = characters * 0.6 * size <= space.width * 0.75;
  const fitsHeight = size * 1.1 <= space.height;
  return fitsWidth && fitsHeight ? size : null;
}

/** Zoom limits relative to the whole-plan scale, with a floor of `minAbsoluteMax` for tiny plans. */
export function zoomLimits(
  wholeScale: number,
  range: { min: number; max: number },
  minAbsoluteMax = 4,
): { min: number; max: number } {
  return { min: wholeScale * range.min, max: Math.max(wholeScale * range.max, minAbsoluteMax) };
}
