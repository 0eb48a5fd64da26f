import type { FloorLayout, LayoutSpace, Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  type ResizeHandle,
  type RowTemplate,
  type SnapGuide,
  boundsOf,
  polygonBounds,
  rotatedCenter,
  rotatedCorners,
  rowAlongLine,
} from '@flexdesk/shared-domain';
import type { Handle } from './editor-gestures';
import { FOCUS_COLOR, SELECTION_COLOR, STATE_FILL, STATE_INK } from './floor-plan-style';
import { traceSpace } from './space-path';

/** Canvas drawing of the editor, as plain functions; the context is in plan units. */

export interface Rec {
  readonly space: LayoutSpace;
  readonly corners: readonly number[];
  readonly center: Point;
  readonly box: Bounds;
  readonly fontSize: number;
}

export interface ZoneVertexChange {
  zoneId: string;
  polygon: Point[];
}

/** Everything the editor's drawing depends on besides the records. */
export interface EditorScene {
  layout: FloorLayout | null;
  scale: number;
  hasBackground: boolean;
  grid: number | null;
  /** The plan area in view. */
  visible: Bounds;
  selectedZoneId: string | null;
  selectedVertex: number | null;
  zonePreview: ZoneVertexChange | null;
  guides: readonly SnapGuide[];
  /** The single selected space whose handles are shown (null while moving or with several). */
  handles: LayoutSpace | null;
  band: Bounds | null;
  line: { a: Point; b: Point; tool: 'row' | 'scale' } | null;
  rowTemplate: RowTemplate | null;
  zoneDraft: readonly Point[];
  zoneCursor: Point | null;
}

const HANDLE_PX = 9;
const ROTATE_OFFSET_PX = 26;
const MIN_LABEL_PX = 6;
const RESIZE_HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
const FONT = 'system-ui, sans-serif';

export function recordOf(space: LayoutSpace): Rec {
  return {
    space,
    corners: rotatedCorners(space).flatMap((p) => [p.x, p.y]),
    center: rotatedCenter(space),
    box: boundsOf(space),
    fontSize: Math.max(4, Math.round(Math.min(space.height * 0.3, space.width * 0.22, 18))),
  };
}

/** The plan's paper (white without a background image), the visible part of the grid, the border. */
export function paintPlan(ctx: CanvasRenderingContext2D, scene: EditorScene): void {
  const plan = scene.layout?.plan;
  if (!plan) return;
  const px = 1 / scene.scale;
  if (!scene.hasBackground) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, plan.width, plan.height);
  }
  const grid = scene.grid;
  if (grid && grid * scene.scale >= 8) {
    const v = scene.visible;
    const x0 = Math.max(0, Math.floor(v.minX / grid) * grid);
    const y0 = Math.max(0, Math.floor(v.minY / grid) * grid);
    const x1 = Math.min(plan.width, v.maxX);
    const y1 = Math.min(plan.height, v.maxY);
    ctx.beginPath();
    for (let x = x0; x <= x1; x += grid) {
      ctx.moveTo(x, Math.max(0, v.minY));
      ctx.lineTo(x, y1);
    }
    for (let y = y0; y <= y1; y += grid) {
      ctx.moveTo(Math.max(0, v.minX), y);
      ctx.lineTo(x1, y);
    }
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.08)';
    ctx.lineWidth = px;
    ctx.stroke();
  }
  ctx.strokeStyle = '#767676';
  ctx.lineWidth = px;
  ctx.strokeRect(0, 0, plan.width, plan.height);
}

export function paintZones(ctx: CanvasRenderingContext2D, scene: EditorScene): void {
  const layout = scene.layout;
  if (!layout) return;
  const px = 1 / scene.scale;
  const fontSize = Math.max(10, Math.min(40, layout.plan.width / 90));
  for (const zone of layout.zones) {
    const polygon = scene.zonePreview?.zoneId === zone.id ? scene.zonePreview.polygon : zone.polygon;
    if (polygon.length < 3) continue;
    ctx.beginPath();
    polygon.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.closePath();
    ctx.globalAlpha = 0.14;
    ctx.fillStyle = zone.color;
    ctx.fill();
    ctx.globalAlpha = 1;
    const selected = zone.id === scene.selectedZoneId;
    ctx.setLineDash(selected ? [] : [8 * px, 4 * px]);
    ctx.strokeStyle = zone.color;
    ctx.lineWidth = (selected ? 3 : 2) * px;
    ctx.stroke();
    ctx.setLineDash([]);
    const bounds = polygonBounds(polygon);
    ctx.font = `bold ${fontSize}px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#333333';
    ctx.fillText(zone.name, bounds.x + fontSize * 0.4, bounds.y + fontSize * 0.3);
  }
}

/** Bookable spaces as "free", the others as "unavailable" with a hatch line (not by colour alone). */
export function paintSpaces(
  ctx: CanvasRenderingContext2D,
  recs: readonly Rec[],
  selected: boolean,
  scale: number,
): void {
  if (!recs.length) return;
  const px = 1 / scale;
  ctx.lineJoin = 'round';
  for (const bookable of [true, false]) {
    const state = bookable ? 'free' : 'unavailable';
    ctx.beginPath();
    let any = false;
    for (const r of recs) {
      if (r.space.bookable !== bookable) continue;
      traceSpace(ctx, r.corners, r.space);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = STATE_FILL[state];
    ctx.fill();
    ctx.strokeStyle = STATE_INK[state];
    ctx.lineWidth = 1.25 * px;
    ctx.stroke();
    if (!bookable) {
      ctx.beginPath();
      for (const r of recs) {
        if (r.space.bookable) continue;
        ctx.moveTo(r.corners[6], r.corners[7]);
        ctx.lineTo(r.corners[2], r.corners[3]);
      }
      ctx.stroke();
    }
  }
  if (selected) {
    // White under black keeps the selection visible on any fill and on the background image.
    for (const [color, width] of [
      ['#ffffff', 6],
      [SELECTION_COLOR, 3],
    ] as const) {
      ctx.beginPath();
      for (const r of recs) traceSpace(ctx, r.corners, r.space);
      ctx.strokeStyle = color;
      ctx.lineWidth = width * px;
      ctx.stroke();
    }
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#111111';
  let font = 0;
  for (const r of recs) {
    if (r.fontSize * scale < MIN_LABEL_PX) continue;
    if (r.fontSize !== font) {
      font = r.fontSize;
      ctx.font = `${font}px ${FONT}`;
    }
    ctx.fillText(r.space.label, r.center.x, r.center.y, Math.max(r.space.width * 0.62, 1));
  }
}

/** Resize handles at the corners and edge middles, and the rotate handle above the top edge. */
export function handlePoints(space: LayoutSpace, scale: number): [Handle, Point][] {
  const rad = (space.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const at = (lx: number, ly: number): Point => ({
    x: space.x + lx * cos - ly * sin,
    y: space.y + lx * sin + ly * cos,
  });
  const w = space.width;
  const h = space.height;
  const local: Record<ResizeHandle, [number, number]> = {
    nw: [0, 0],
    n: [w / 2, 0],
    ne: [w, 0],
    e: [w, h / 2],
    se: [w, h],
    s: [w / 2, h],
    sw: [0, h],
    w: [0, h / 2],
  };
  const points: [Handle, Point][] = RESIZE_HANDLES.map((hd) => [hd, at(...local[hd])]);
  points.push(['rotate', at(w / 2, -ROTATE_OFFSET_PX / scale)]);
  return points;
}

/** Guides, handles, zone vertices, rubber band, row/scale line and the zone being drawn. */
export function paintOverlay(ctx: CanvasRenderingContext2D, scene: EditorScene): void {
  const px = 1 / scene.scale;
  ctx.lineCap = 'round';
  paintGuides(ctx, scene.guides, px);
  if (scene.handles) paintHandles(ctx, handlePoints(scene.handles, scene.scale), px);
  paintVertices(ctx, scene, px);
  if (scene.band) {
    const b = scene.band;
    ctx.beginPath();
    ctx.rect(b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY);
    ctx.fillStyle = 'rgba(0, 95, 204, 0.08)';
    ctx.fill();
    ctx.setLineDash([5 * px, 3 * px]);
    ctx.strokeStyle = FOCUS_COLOR;
    ctx.lineWidth = px;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  paintLine(ctx, scene, px);
  paintZoneDraft(ctx, scene, px);
}

function paintGuides(ctx: CanvasRenderingContext2D, guides: readonly SnapGuide[], px: number): void {
  if (!guides.length) return;
  ctx.beginPath();
  for (const g of guides) {
    if (g.axis === 'x') {
      ctx.moveTo(g.at, g.from);
      ctx.lineTo(g.at, g.to);
    } else {
      ctx.moveTo(g.from, g.at);
      ctx.lineTo(g.to, g.at);
    }
  }
  ctx.setLineDash([4 * px, 3 * px]);
  ctx.strokeStyle = '#c2185b';
  ctx.lineWidth = 1.5 * px;
  ctx.stroke();
  ctx.setLineDash([]);
}

function paintHandles(ctx: CanvasRenderingContext2D, points: [Handle, Point][], px: number): void {
  const top = points.find(([h]) => h === 'n')?.[1];
  const rot = points.find(([h]) => h === 'rotate')?.[1];
  if (top && rot) {
    ctx.beginPath();
    ctx.moveTo(top.x, top.y);
    ctx.lineTo(rot.x, rot.y);
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = px;
    ctx.stroke();
  }
  const s = (HANDLE_PX / 2) * px;
  for (const [handle, p] of points) {
    ctx.beginPath();
    if (handle === 'rotate') ctx.arc(p.x, p.y, s * 1.1, 0, Math.PI * 2);
    else ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = 1.5 * px;
    ctx.stroke();
  }
}

function paintVertices(ctx: CanvasRenderingContext2D, scene: EditorScene, px: number): void {
  const zone = scene.layout?.zones.find((z) => z.id === scene.selectedZoneId);
  if (!zone) return;
  const polygon = scene.zonePreview?.zoneId === zone.id ? scene.zonePreview.polygon : zone.polygon;
  const s = (HANDLE_PX / 2) * px;
  polygon.forEach((p, i) => {
    ctx.beginPath();
    ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
    const chosen = i === scene.selectedVertex;
    ctx.fillStyle = chosen ? FOCUS_COLOR : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = chosen ? '#ffffff' : zone.color;
    ctx.lineWidth = 2 * px;
    ctx.stroke();
    if (chosen) {
      // A second ring so the chosen vertex is told apart by shape too, not only by colour.
      ctx.beginPath();
      ctx.rect(p.x - 2 * s, p.y - 2 * s, 4 * s, 4 * s);
      ctx.strokeStyle = FOCUS_COLOR;
      ctx.stroke();
    }
  });
}

function paintLine(ctx: CanvasRenderingContext2D, scene: EditorScene, px: number): void {
  const line = scene.line;
  if (!line) return;
  const t = scene.rowTemplate;
  if (line.tool === 'row' && t) {
    const row = rowAlongLine(line.a, line.b, t);
    ctx.beginPath();
    for (let i = 0; i < row.count; i++) {
      const x = row.direction === 'horizontal' ? row.x + i * (t.width + t.gap) : row.x;
      const y = row.direction === 'vertical' ? row.y + i * (t.height + t.gap) : row.y;
      ctx.rect(x, y, t.width, t.height);
    }
    ctx.fillStyle = 'rgba(27, 94, 32, 0.15)';
    ctx.fill();
    ctx.setLineDash([4 * px, 3 * px]);
    ctx.strokeStyle = STATE_INK.free;
    ctx.lineWidth = 1.5 * px;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.beginPath();
  ctx.moveTo(line.a.x, line.a.y);
  ctx.lineTo(line.b.x, line.b.y);
  ctx.strokeStyle = line.tool === 'scale' ? '#c2185b' : SELECTION_COLOR;
  ctx.lineWidth = 2 * px;
  ctx.stroke();
  for (const p of [line.a, line.b]) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4 * px, 0, Math.PI * 2);
    ctx.fillStyle = ctx.strokeStyle;
    ctx.fill();
  }
}

function paintZoneDraft(ctx: CanvasRenderingContext2D, scene: EditorScene, px: number): void {
  const draft = scene.zoneDraft;
  if (!draft.length) return;
  const points = scene.zoneCursor ? [...draft, scene.zoneCursor] : draft;
  ctx.beginPath();
  points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
  ctx.strokeStyle = FOCUS_COLOR;
  ctx.lineWidth = 2 * px;
  ctx.setLineDash([6 * px, 3 * px]);
  ctx.stroke();
  ctx.setLineDash([]);
  draft.forEach((p, i) => {
    ctx.beginPath();
    ctx.arc(p.x, p.y, (i === 0 ? 6 : 4) * px, 0, Math.PI * 2);
    ctx.fillStyle = i === 0 ? '#ffffff' : FOCUS_COLOR;
    ctx.fill();
    ctx.strokeStyle = FOCUS_COLOR;
    ctx.stroke();
  });
}
