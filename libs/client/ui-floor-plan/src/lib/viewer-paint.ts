import Konva from 'konva';
import { SPACE_STATES, type Floor, type SpaceState } from '@flexdesk/shared-contracts';
import { READABLE_LABEL_PX, type ViewTransform, labelFontSize, polygonBounds } from '@flexdesk/shared-domain';
import { DIMMED_OPACITY, FOCUS_COLOR, SELECTION_COLOR, STATE_FILL, STATE_INK } from './floor-plan-style';
import { traceSpace } from './space-path';
import type { SpaceRecord, SpatialGrid } from './viewer-records';

/** Canvas drawing of the viewer, as plain functions over records; the context is in plan units. */

export type BucketKey = `${SpaceState}:${0 | 1}`;
export const bucketKey = (state: SpaceState, dimmed: boolean): BucketKey => `${state}:${dimmed ? 1 : 0}`;
type Bucket = Iterable<SpaceRecord> & { size?: number; length?: number };

const LABEL_FONT = 'system-ui, sans-serif';
const MARK_FILL = '#263238';

/** Fills, outlines and state symbols: one path per state and opacity. */
export function paintStates(
  ctx: CanvasRenderingContext2D,
  buckets: ReadonlyMap<BucketKey, Bucket>,
  scale: number,
): void {
  const px = 1 / scale;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const dimmed of [true, false]) {
    ctx.globalAlpha = dimmed ? DIMMED_OPACITY : 1;
    for (const state of SPACE_STATES) {
      const bucket = buckets.get(bucketKey(state, dimmed));
      if (!bucket || !(bucket.size ?? bucket.length)) continue;
      ctx.beginPath();
      for (const record of bucket) traceSpace(ctx, record.corners, record.space);
      ctx.fillStyle = STATE_FILL[state];
      ctx.fill();
      ctx.strokeStyle = STATE_INK[state];
      ctx.lineWidth = 1.25 * px;
      ctx.stroke();
      paintSymbols(ctx, state, bucket, px);
    }
  }
  ctx.globalAlpha = 1;
}

/** One path per state: free ○, partial ◐, booked ✕, mine ★, unavailable ⊘ plus a slash across the space. */
function paintSymbols(
  ctx: CanvasRenderingContext2D,
  state: SpaceState,
  bucket: Iterable<SpaceRecord>,
  px: number,
): void {
  ctx.strokeStyle = STATE_INK[state];
  ctx.fillStyle = STATE_INK[state];
  ctx.lineWidth = 1.75 * px;
  ctx.beginPath();
  const circles = () => {
    for (const { symbol: s } of bucket) {
      ctx.moveTo(s.x + s.r, s.y);
      ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
    }
  };
  switch (state) {
    case 'free':
      circles();
      ctx.stroke();
      break;
    case 'partial':
      circles();
      ctx.stroke();
      ctx.beginPath();
      for (const { symbol: s } of bucket) {
        ctx.moveTo(s.x, s.y - s.r);
        ctx.arc(s.x, s.y, s.r, -Math.PI / 2, Math.PI / 2, true);
        ctx.closePath();
      }
      ctx.fill();
      break;
    case 'booked':
      for (const { symbol: s } of bucket) {
        const d = s.r * 0.8;
        ctx.moveTo(s.x - d, s.y - d);
        ctx.lineTo(s.x + d, s.y + d);
        ctx.moveTo(s.x + d, s.y - d);
        ctx.lineTo(s.x - d, s.y + d);
      }
      ctx.lineWidth = 2.5 * px;
      ctx.stroke();
      break;
    case 'mine':
      for (const { symbol: s } of bucket) {
        for (let i = 0; i < 10; i++) {
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          const rr = i % 2 ? s.r * 0.45 : s.r * 1.1;
          if (i === 0) ctx.moveTo(s.x + rr * Math.cos(a), s.y + rr * Math.sin(a));
          else ctx.lineTo(s.x + rr * Math.cos(a), s.y + rr * Math.sin(a));
        }
        ctx.closePath();
      }
      ctx.fill();
      break;
    case 'unavailable':
      for (const { symbol: s, corners: c } of bucket) {
        ctx.moveTo(s.x + s.r, s.y);
        ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
        const d = s.r * Math.SQRT1_2;
        ctx.moveTo(s.x - d, s.y + d);
        ctx.lineTo(s.x + d, s.y - d);
        // A hatch line corner to corner reads as "not available" even when the symbol is tiny.
        ctx.moveTo(c[6], c[7]);
        ctx.lineTo(c[2], c[3]);
      }
      ctx.stroke();
      break;
  }
}

/**
 * Labels with level of detail: each at least READABLE_LABEL_PX on screen, and only where it fits in its
 * space (see `labelFontSize`); the others are left out and shown on hover/focus by `paintOverlay`.
 */
export function paintLabels(
  ctx: CanvasRenderingContext2D,
  groups: readonly { size: number; records: readonly SpaceRecord[] }[],
  scale: number,
): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#111111';
  for (const group of groups) {
    let font = 0;
    for (const record of group.records) {
      const size = labelFontSize(group.size, scale, record.space, record.space.label.length);
      if (size === null) continue;
      if (size !== font) {
        font = size;
        ctx.font = `${size}px ${LABEL_FONT}`;
      }
      ctx.globalAlpha = record.dimmed ? DIMMED_OPACITY : 1;
      ctx.fillText(record.space.label, record.center.x, record.center.y, Math.max(record.space.width * 0.75, 1));
    }
  }
  ctx.globalAlpha = 1;
}

/** Marks (e.g. initials) as a dark badge near a corner; a dot alone where the space is too small. */
export function paintMarks(
  ctx: CanvasRenderingContext2D,
  marks: ReadonlyMap<string, string>,
  records: ReadonlyMap<string, SpaceRecord>,
  scale: number,
): void {
  const px = 1 / scale;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${9 * px}px ${LABEL_FONT}`;
  for (const [id, text] of marks) {
    const record = records.get(id);
    if (!record) continue;
    const onScreen = Math.min(record.space.width, record.space.height) * scale;
    const big = onScreen >= 22;
    const r = (big ? 9 : 3) * px;
    ctx.globalAlpha = record.dimmed ? DIMMED_OPACITY : 1;
    ctx.beginPath();
    ctx.arc(record.markAt.x, record.markAt.y, r, 0, Math.PI * 2);
    ctx.fillStyle = MARK_FILL;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = px;
    ctx.stroke();
    if (big) {
      ctx.fillStyle = '#ffffff';
      ctx.fillText(text.slice(0, 3), record.markAt.x, record.markAt.y, 16 * px);
    }
  }
  ctx.globalAlpha = 1;
}

export interface OverlayState {
  hover: SpaceRecord | undefined;
  selected: SpaceRecord | undefined;
  focused: SpaceRecord | undefined;
}

/** Hover, selection and keyboard focus outlines, and the label of whichever of them hides it. */
export function paintOverlay(ctx: CanvasRenderingContext2D, state: OverlayState, scale: number): void {
  const px = 1 / scale;
  const outline = (record: SpaceRecord | undefined, color: string, width: number, dash: number[]) => {
    if (!record) return;
    ctx.beginPath();
    traceSpace(ctx, record.corners, record.space);
    ctx.setLineDash(dash.map((d) => d * px));
    ctx.strokeStyle = color;
    ctx.lineWidth = width * px;
    ctx.stroke();
  };
  outline(state.hover, '#555555', 2, []);
  // White under black keeps the selection visible on any fill and on the background image.
  outline(state.selected, '#ffffff', 6, []);
  outline(state.selected, SELECTION_COLOR, 3, []);
  outline(state.focused, FOCUS_COLOR, 2.5, [6, 4]);
  ctx.setLineDash([]);
  const shown = new Set<SpaceRecord>();
  for (const record of [state.selected, state.hover, state.focused]) {
    if (!record || shown.has(record)) continue;
    shown.add(record);
    if (labelFontSize(record.fontSize, scale, record.space, record.space.label.length) === null) {
      paintTag(ctx, record, px);
    }
  }
}

/** A label too big for its space, drawn above it on a white tag at a readable size. */
function paintTag(ctx: CanvasRenderingContext2D, record: SpaceRecord, px: number): void {
  const size = (READABLE_LABEL_PX + 1) * px;
  ctx.font = `bold ${size}px ${LABEL_FONT}`;
  const width = ctx.measureText(record.space.label).width + 8 * px;
  const height = size * 1.5;
  const x = record.center.x - width / 2;
  const y = record.box.minY - height - 4 * px;
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = SELECTION_COLOR;
  ctx.lineWidth = px;
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#111111';
  ctx.fillText(record.space.label, record.center.x, y + height / 2);
}

/** Zones as Konva nodes: a faint fill, an outline and the name (drawn once per floor). */
export function zoneNodes(floor: Floor): Konva.Shape[] {
  const fontSize = Math.max(10, Math.min(40, floor.plan.width / 90));
  return floor.zones
    .filter((zone) => zone.polygon.length >= 3)
    .flatMap((zone) => {
      const common = {
        points: zone.polygon.flatMap((p) => [p.x, p.y]),
        closed: true,
        listening: false,
        perfectDrawEnabled: false,
      };
      const bounds = polygonBounds(zone.polygon);
      return [
        new Konva.Line({ ...common, fill: zone.color, opacity: 0.14 }),
        new Konva.Line({ ...common, stroke: zone.color, strokeWidth: 2, strokeScaleEnabled: false }),
        new Konva.Text({
          x: bounds.x + fontSize * 0.4,
          y: bounds.y + fontSize * 0.3,
          text: zone.name,
          fontSize,
          fontStyle: 'bold',
          fill: '#333333',
          listening: false,
          perfectDrawEnabled: false,
        }),
      ];
    });
}

/** Screen pixels around a space that its outline and focus ring may paint into. */
const PAINT_MARGIN_PX = 3;

/**
 * Paints the changed spaces straight onto the state layer's canvas: clip to their boxes, clear, and
 * redraw every space touching those boxes in the usual order. False when the layer cannot be
 * painted that way (no canvas yet), so the caller draws in full.
 */
export function repaintChanged(
  layer: Konva.Layer,
  changed: readonly SpaceRecord[],
  ordered: readonly SpaceRecord[],
  grid: SpatialGrid,
  view: ViewTransform,
): boolean {
  const canvas = layer.getCanvas();
  const ctx = canvas?.getContext()?._context;
  if (!ctx || layer.isCached?.()) return false;
  const { scale, x, y } = view;
  const ratio = canvas.getPixelRatio();
  const margin = PAINT_MARGIN_PX / scale;
  const dirty = changed.map(({ box }) => ({
    minX: box.minX - margin,
    minY: box.minY - margin,
    maxX: box.maxX + margin,
    maxY: box.maxY + margin,
  }));
  const affected = new Set<SpaceRecord>();
  for (const area of dirty) grid.touching(area, affected);
  const groups = new Map<BucketKey, SpaceRecord[]>();
  // Floor order within each bucket, as in a full draw.
  for (const record of ordered) {
    if (!affected.has(record)) continue;
    const key = bucketKey(record.state, record.dimmed);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  ctx.save();
  ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * x, ratio * y);
  // Neighbours reaching into a cleared box are redrawn whole; the clip stops them painting twice
  // (visible on antialiased edges and dimmed fills) outside it. Usually desks stand apart and no
  // clip is needed.
  if (affected.size > changed.length) {
    ctx.beginPath();
    for (const a of dirty) ctx.rect(a.minX, a.minY, a.maxX - a.minX, a.maxY - a.minY);
    ctx.clip();
  }
  for (const a of dirty) ctx.clearRect(a.minX, a.minY, a.maxX - a.minX, a.maxY - a.minY);
  paintStates(ctx, groups, scale);
  ctx.restore();
  return true;
}
