import Konva from 'konva';
import type { FloorLayout, LayoutSpace, LayoutZone, Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  type ResizeHandle,
  type RowTemplate,
  type SnapGuide,
  type SnapSettings,
  type SpacePatch,
  type ViewTransform,
  angleFromCenter,
  boundsOf,
  clampDelta,
  clampPoint,
  deleteVertex,
  fitTransform,
  hitTest,
  insertVertex,
  moveVertex,
  nearestEdge,
  pointInPolygon,
  polygonBounds,
  rectFromPoints,
  resizeSpace,
  rotateAroundCenter,
  rotatedCenter,
  rotatedCorners,
  rowAlongLine,
  selectionBounds,
  snapMove,
  snapToGrid,
  spacesInRect,
  zoomAround,
} from '@flexdesk/shared-domain';
import { FOCUS_COLOR, SELECTION_COLOR, STATE_FILL, STATE_INK } from './floor-plan-style';
import { traceSpace } from './space-path';

/**
 * Framework-free Konva drawing and pointer handling of the floor plan editor. The Angular
 * `FloorPlanEditorComponent` wraps it; `tools/bench/editor-harness.ts` drives it directly.
 *
 * Performance: like the viewer, spaces are plain records drawn by one `Konva.Shape` per layer, not one
 * node each. The unselected spaces live on a static layer that is drawn only when the layout, the
 * selection or the view changes; the selection lives on its own drag layer. Moving the selection only
 * shifts the drag layer (`layer.position`) and redraws it and the small overlay (guides, handles), so
 * a drag costs the selection's size, not the floor's. Geometry (snapping, hit tests, resize, rotate,
 * polygon edits) is the pure code in `shared-domain`; no layer needs a hit canvas.
 */

export type EditorTool = 'select' | 'pan' | 'desk' | 'row' | 'zone' | 'scale';

export interface Line {
  start: Point;
  end: Point;
}

export interface ZoneVertexChange {
  zoneId: string;
  polygon: Point[];
}

export interface EditorRendererOptions {
  onSelectionChange?: (ids: string[]) => void;
  onZoneSelect?: (zoneId: string | null) => void;
  onMove?: (patches: SpacePatch[]) => void;
  onResize?: (patches: SpacePatch[]) => void;
  onRotate?: (patches: SpacePatch[]) => void;
  onAddSpace?: (point: Point) => void;
  onRowDrawn?: (line: Line) => void;
  onZoneDrawn?: (polygon: Point[]) => void;
  onZoneVertexChange?: (change: ZoneVertexChange) => void;
  onScaleLine?: (line: { a: Point; b: Point }) => void;
  onViewChange?: (view: ViewTransform) => void;
}

interface Rec {
  readonly space: LayoutSpace;
  readonly corners: readonly number[];
  readonly center: Point;
  readonly box: Bounds;
  readonly fontSize: number;
}

type Handle = ResizeHandle | 'rotate';

type Gesture =
  | { kind: 'pending'; start: Point; last: Point; moved: boolean }
  | { kind: 'pan'; start: Point; last: Point; moved: boolean }
  | { kind: 'move'; start: Point; last: Point; moved: boolean; bounds: Bounds; others: Bounds[]; delta: Point }
  | { kind: 'resize'; start: Point; last: Point; moved: boolean; handle: ResizeHandle }
  | { kind: 'rotate'; start: Point; last: Point; moved: boolean }
  | { kind: 'band'; start: Point; last: Point; moved: boolean; additive: boolean; planStart: Point }
  | { kind: 'vertex'; start: Point; last: Point; moved: boolean; zoneId: string; index: number }
  | { kind: 'line'; start: Point; last: Point; moved: boolean; tool: 'row' | 'scale'; planStart: Point }
  | { kind: 'tap'; start: Point; last: Point; moved: boolean };

const TAP_SLOP_PX = 4;
const HANDLE_PX = 9;
const HANDLE_HIT_PX = 10;
const ROTATE_OFFSET_PX = 26;
const VERTEX_HIT_PX = 10;
const EDGE_HIT_PX = 8;
const SNAP_PX = 8;
const MIN_LABEL_PX = 6;
const MIN_SIZE = 10;
const KEY_ZOOM = 1.25;
const RESIZE_HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
const HANDLE_CURSOR: Record<Handle, string> = {
  nw: 'nwse-resize',
  se: 'nwse-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
  n: 'ns-resize',
  s: 'ns-resize',
  e: 'ew-resize',
  w: 'ew-resize',
  rotate: 'grab',
};
const TOOL_CURSOR: Record<EditorTool, string> = {
  select: 'default',
  pan: 'grab',
  desk: 'copy',
  row: 'crosshair',
  zone: 'crosshair',
  scale: 'crosshair',
};

function recordOf(space: LayoutSpace): Rec {
  const corners = rotatedCorners(space).flatMap((p) => [p.x, p.y]);
  return {
    space,
    corners,
    center: rotatedCenter(space),
    box: boundsOf(space),
    fontSize: Math.max(4, Math.round(Math.min(space.height * 0.3, space.width * 0.22, 18))),
  };
}

const sameIds = (a: readonly string[], b: ReadonlySet<string>) => a.length === b.size && a.every((id) => b.has(id));

export class EditorRenderer {
  readonly stage: Konva.Stage;
  private readonly backgroundLayer = new Konva.Layer({ listening: false });
  private readonly zoneLayer = new Konva.Layer({ listening: false });
  /** Every space not selected: drawn when the layout, selection or view changes, never during a drag. */
  readonly staticLayer = new Konva.Layer({ listening: false });
  /** The selection: shifted as a whole while it is dragged. */
  readonly dragLayer = new Konva.Layer({ listening: false });
  /** Guides, rubber band, handles, drawing previews. */
  readonly overlayLayer = new Konva.Layer({ listening: false });
  private backgroundImage: Konva.Image | null = null;

  private layout: FloorLayout | null = null;
  private records: Rec[] = [];
  private readonly byId = new Map<string, Rec>();
  private selected = new Set<string>();
  private selectedRecs: Rec[] = [];
  private unselectedRecs: Rec[] = [];
  private selectedZoneId: string | null = null;
  /** The vertex of the selected zone that Delete removes. */
  selectedVertex: number | null = null;
  private tool: EditorTool = 'select';
  private snap: SnapSettings = { grid: null, neighbours: true, threshold: 0 };
  private rowTemplate: RowTemplate | null = null;
  private view: ViewTransform = { scale: 1, x: 0, y: 0 };
  private background: HTMLImageElement | null = null;
  private backgroundUrl: string | null = null;

  private gesture: Gesture | null = null;
  private readonly pointers = new Map<number, Point>();
  private pinchDistance: number | null = null;
  private spaceHeld = false;
  /** Replaces the single selected space while it is resized or rotated. */
  private preview: LayoutSpace | null = null;
  /** Replaces a zone's polygon while a vertex is dragged. */
  private zonePreview: ZoneVertexChange | null = null;
  private guides: SnapGuide[] = [];
  private band: Bounds | null = null;
  private drawingLine: { a: Point; b: Point; tool: 'row' | 'scale' } | null = null;
  /** Vertices of the zone being drawn, and where the pointer is. */
  private zoneDraft: Point[] = [];
  private zoneCursor: Point | null = null;
  private readonly listeners: [EventTarget, string, EventListener][] = [];
  private destroyed = false;

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: EditorRendererOptions = {},
  ) {
    this.stage = new Konva.Stage({
      container,
      width: Math.max(1, container.clientWidth),
      height: Math.max(1, container.clientHeight),
      listening: false,
    });
    const shape = (draw: (ctx: CanvasRenderingContext2D) => void) =>
      new Konva.Shape({ sceneFunc: (ctx) => draw(ctx._context), perfectDrawEnabled: false, listening: false });
    this.backgroundLayer.add(shape((ctx) => this.drawPlan(ctx)));
    this.zoneLayer.add(shape((ctx) => this.drawZones(ctx)));
    this.staticLayer.add(shape((ctx) => this.paintSpaces(ctx, this.unselectedRecs, false)));
    this.dragLayer.add(shape((ctx) => this.paintSpaces(ctx, this.selectionForDrawing(), true)));
    this.overlayLayer.add(shape((ctx) => this.drawOverlay(ctx)));
    this.stage.add(this.backgroundLayer, this.zoneLayer, this.staticLayer, this.dragLayer, this.overlayLayer);
    this.listen();
    this.updateCursor();
  }

  // ---- inputs -----------------------------------------------------------------------------------

  setLayout(layout: FloorLayout): void {
    const previous = this.layout;
    this.layout = layout;
    this.records = layout.spaces.map(recordOf);
    this.byId.clear();
    for (const r of this.records) this.byId.set(r.space.id, r);
    for (const id of [...this.selected]) if (!this.byId.has(id)) this.selected.delete(id);
    if (this.selectedZoneId && !layout.zones.some((z) => z.id === this.selectedZoneId)) this.selectedZoneId = null;
    const zone = this.zone(this.selectedZoneId);
    if (this.selectedVertex !== null && (!zone || this.selectedVertex >= zone.polygon.length))
      this.selectedVertex = null;
    this.preview = null;
    this.zonePreview = null;
    this.dragLayer.position({ x: 0, y: 0 });
    this.split();
    const planChanged =
      !previous || previous.plan.width !== layout.plan.width || previous.plan.height !== layout.plan.height;
    if (previous?.plan.backgroundUrl !== layout.plan.backgroundUrl && this.backgroundUrl === null) {
      this.loadBackground(layout.plan.backgroundUrl ?? null);
    } else if (planChanged) {
      this.sizeBackground();
    }
    if (planChanged) this.fit(false);
    this.stage.batchDraw();
  }

  /** Overrides the layout's `plan.backgroundUrl` (e.g. an upload not yet in the layout); null follows the layout. */
  setBackgroundUrl(url: string | null): void {
    if (url === this.backgroundUrl) return;
    this.backgroundUrl = url;
    this.loadBackground(url ?? this.layout?.plan.backgroundUrl ?? null);
  }

  setSelection(ids: readonly string[]): void {
    if (sameIds(ids, this.selected)) return;
    this.selected = new Set(ids.filter((id) => this.byId.has(id)));
    this.split();
    this.staticLayer.batchDraw();
    this.dragLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  get selection(): string[] {
    return [...this.selected];
  }

  setSelectedZone(id: string | null): void {
    if (id === this.selectedZoneId) return;
    this.selectedZoneId = id;
    this.selectedVertex = null;
    this.zoneLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  get selectedZone(): string | null {
    return this.selectedZoneId;
  }

  setTool(tool: EditorTool): void {
    if (tool === this.tool) return;
    this.tool = tool;
    this.cancelDrawing();
    this.updateCursor();
  }

  setSnap(snap: SnapSettings): void {
    const gridChanged = snap.grid !== this.snap.grid;
    this.snap = { ...snap };
    if (gridChanged) this.backgroundLayer.batchDraw();
  }

  setRowTemplate(template: RowTemplate | null): void {
    this.rowTemplate = template;
  }

  /** Whether the space bar is held (pans with the primary button). */
  setSpaceHeld(held: boolean): void {
    this.spaceHeld = held;
    this.updateCursor();
  }

  /** Whether a zone is being drawn (Enter finishes it, Escape cancels it). */
  get drawingZone(): boolean {
    return this.zoneDraft.length > 0;
  }

  /** Finishes the zone being drawn; false when it has fewer than three points. */
  finishZone(): boolean {
    const points = this.zoneDraft;
    if (points.length < 3) return false;
    this.cancelDrawing();
    this.options.onZoneDrawn?.(points);
    return true;
  }

  /** Removes the last point of the zone being drawn. */
  undoZonePoint(): void {
    this.zoneDraft = this.zoneDraft.slice(0, -1);
    this.overlayLayer.batchDraw();
  }

  cancelDrawing(): void {
    this.zoneDraft = [];
    this.zoneCursor = null;
    this.drawingLine = null;
    this.band = null;
    this.guides = [];
    if (this.gesture && this.gesture.kind !== 'pan') this.gesture = null;
    this.overlayLayer.batchDraw();
  }

  /** Deletes the selected vertex of the selected zone (keeping at least three); true if it did. */
  deleteSelectedVertex(): boolean {
    const zone = this.zone(this.selectedZoneId);
    const index = this.selectedVertex;
    if (!zone || index === null) return false;
    const polygon = deleteVertex(zone.polygon, index);
    if (polygon.length === zone.polygon.length) return false;
    this.selectedVertex = null;
    this.options.onZoneVertexChange?.({ zoneId: zone.id, polygon });
    return true;
  }

  // ---- view -------------------------------------------------------------------------------------

  getView(): ViewTransform {
    return { ...this.view };
  }

  setView(view: ViewTransform, notify = true): void {
    this.view = { ...view };
    this.stage.scale({ x: view.scale, y: view.scale });
    this.stage.position({ x: view.x, y: view.y });
    this.stage.batchDraw();
    if (notify) this.options.onViewChange?.(this.getView());
  }

  fit(notify = true): void {
    const plan = this.layout?.plan;
    if (plan) this.setView(fitTransform(plan, this.size()), notify);
  }

  zoomBy(factor: number, anchor?: Point): void {
    const size = this.size();
    this.setView(this.zoomed(anchor ?? { x: size.width / 2, y: size.height / 2 }, factor));
  }

  zoomIn(): void {
    this.zoomBy(KEY_ZOOM);
  }

  zoomOut(): void {
    this.zoomBy(1 / KEY_ZOOM);
  }

  resize(width: number, height: number): void {
    const old = this.size();
    width = Math.max(1, Math.round(width));
    height = Math.max(1, Math.round(height));
    if (width === old.width && height === old.height) return;
    this.stage.size({ width, height });
    if (old.width <= 1 || old.height <= 1) return this.fit();
    this.setView({
      ...this.view,
      x: this.view.x + (width - old.width) / 2,
      y: this.view.y + (height - old.height) / 2,
    });
  }

  /** Synchronous draw of every layer (tests, benchmark). */
  drawNow(): void {
    this.stage.draw();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener);
    this.listeners.length = 0;
    if (this.background) this.background.onload = null;
    this.stage.destroy();
    this.records = [];
    this.byId.clear();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Plan coordinates of a point in container pixels. */
  toPlan(screen: Point): Point {
    return { x: (screen.x - this.view.x) / this.view.scale, y: (screen.y - this.view.y) / this.view.scale };
  }

  toScreen(plan: Point): Point {
    return { x: plan.x * this.view.scale + this.view.x, y: plan.y * this.view.scale + this.view.y };
  }

  /** The topmost space at a point in container pixels. */
  spaceAt(screen: Point): string | null {
    const p = this.toPlan(screen);
    // Selected spaces are on top.
    const top = hitTest(
      p,
      this.selectedRecs.map((r) => r.space),
    );
    return (
      top?.id ??
      hitTest(
        p,
        this.records.map((r) => r.space),
      )?.id ??
      null
    );
  }

  /** What a drag currently does, for tests and the benchmark. */
  get activeGesture(): Gesture['kind'] | null {
    return this.gesture?.kind ?? null;
  }

  get dragOffset(): Point {
    return this.dragLayer.position();
  }

  get snapGuides(): readonly SnapGuide[] {
    return this.guides;
  }

  get zonePoints(): readonly Point[] {
    return this.zoneDraft;
  }

  // ---- internals --------------------------------------------------------------------------------

  private zone(id: string | null): LayoutZone | undefined {
    return id ? this.layout?.zones.find((z) => z.id === id) : undefined;
  }

  private split(): void {
    this.selectedRecs = [];
    this.unselectedRecs = [];
    for (const r of this.records) (this.selected.has(r.space.id) ? this.selectedRecs : this.unselectedRecs).push(r);
  }

  private selectionForDrawing(): Rec[] {
    if (this.preview && this.selectedRecs.length === 1) return [recordOf(this.preview)];
    return this.selectedRecs;
  }

  private singleSelected(): LayoutSpace | null {
    return this.selectedRecs.length === 1 ? (this.preview ?? this.selectedRecs[0].space) : null;
  }

  private zoomed(anchor: Point, factor: number): ViewTransform {
    const plan = this.layout?.plan;
    const whole = plan ? fitTransform(plan, this.size()).scale : 1;
    return zoomAround(this.view, anchor, factor, whole / 4, Math.max(whole * 40, 4));
  }

  private size(): { width: number; height: number } {
    return { width: this.stage.width(), height: this.stage.height() };
  }

  private loadBackground(url: string | null): void {
    this.backgroundImage?.destroy();
    this.backgroundImage = null;
    if (this.background) this.background.onload = null;
    this.background = null;
    this.backgroundLayer.batchDraw();
    if (!url || typeof Image === 'undefined') return;
    const image = new Image();
    image.onload = () => {
      if (this.destroyed || this.background !== image) return;
      this.backgroundImage = new Konva.Image({ image, x: 0, y: 0, listening: false });
      this.backgroundLayer.add(this.backgroundImage);
      this.sizeBackground();
    };
    image.src = url;
    this.background = image;
  }

  private sizeBackground(): void {
    const plan = this.layout?.plan;
    if (this.backgroundImage && plan) this.backgroundImage.size({ width: plan.width, height: plan.height });
    // The grid is drawn by the first shape; keep it above the image.
    this.backgroundLayer.getChildren()[0]?.moveToTop();
    this.backgroundLayer.batchDraw();
  }

  private updateCursor(): void {
    this.container.style.cursor = this.spaceHeld ? 'grab' : TOOL_CURSOR[this.tool];
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private drawPlan(ctx: CanvasRenderingContext2D): void {
    const plan = this.layout?.plan;
    if (!plan) return;
    const px = 1 / this.view.scale;
    if (!this.backgroundImage) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, plan.width, plan.height);
    }
    const grid = this.snap.grid;
    if (grid && grid * this.view.scale >= 8) {
      // Only the visible part of the grid.
      const topLeft = this.toPlan({ x: 0, y: 0 });
      const size = this.size();
      const bottomRight = this.toPlan({ x: size.width, y: size.height });
      const x0 = Math.max(0, Math.floor(topLeft.x / grid) * grid);
      const y0 = Math.max(0, Math.floor(topLeft.y / grid) * grid);
      const x1 = Math.min(plan.width, bottomRight.x);
      const y1 = Math.min(plan.height, bottomRight.y);
      ctx.beginPath();
      for (let x = x0; x <= x1; x += grid) {
        ctx.moveTo(x, Math.max(0, topLeft.y));
        ctx.lineTo(x, y1);
      }
      for (let y = y0; y <= y1; y += grid) {
        ctx.moveTo(Math.max(0, topLeft.x), y);
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

  private drawZones(ctx: CanvasRenderingContext2D): void {
    const layout = this.layout;
    if (!layout) return;
    const px = 1 / this.view.scale;
    const fontSize = Math.max(10, Math.min(40, layout.plan.width / 90));
    for (const zone of layout.zones) {
      const polygon = this.zonePreview?.zoneId === zone.id ? this.zonePreview.polygon : zone.polygon;
      if (polygon.length < 3) continue;
      ctx.beginPath();
      polygon.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
      ctx.closePath();
      ctx.globalAlpha = 0.14;
      ctx.fillStyle = zone.color;
      ctx.fill();
      ctx.globalAlpha = 1;
      const selected = zone.id === this.selectedZoneId;
      ctx.setLineDash(selected ? [] : [8 * px, 4 * px]);
      ctx.strokeStyle = zone.color;
      ctx.lineWidth = (selected ? 3 : 2) * px;
      ctx.stroke();
      ctx.setLineDash([]);
      const bounds = polygonBounds(polygon);
      ctx.font = `bold ${fontSize}px system-ui, sans-serif`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillStyle = '#333333';
      ctx.fillText(zone.name, bounds.x + fontSize * 0.4, bounds.y + fontSize * 0.3);
    }
  }

  /** Bookable spaces as "free", the others as "unavailable" with a hatch line (not by colour alone). */
  private paintSpaces(ctx: CanvasRenderingContext2D, recs: readonly Rec[], selected: boolean): void {
    if (!recs.length) return;
    const px = 1 / this.view.scale;
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
      if (r.fontSize * this.view.scale < MIN_LABEL_PX) continue;
      if (r.fontSize !== font) {
        font = r.fontSize;
        ctx.font = `${font}px system-ui, sans-serif`;
      }
      ctx.fillText(r.space.label, r.center.x, r.center.y, Math.max(r.space.width * 0.62, 1));
    }
  }

  private handlePoints(space: LayoutSpace): [Handle, Point][] {
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
    points.push(['rotate', at(w / 2, -ROTATE_OFFSET_PX / this.view.scale)]);
    return points;
  }

  private drawOverlay(ctx: CanvasRenderingContext2D): void {
    const px = 1 / this.view.scale;
    ctx.lineCap = 'round';
    // Snap guides.
    if (this.guides.length) {
      ctx.beginPath();
      for (const g of this.guides) {
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
    // Handles of a single selection (not while it is being moved).
    const single = this.singleSelected();
    if (single && this.gesture?.kind !== 'move') {
      const points = this.handlePoints(single);
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
    // Vertices of the selected zone.
    const zone = this.zone(this.selectedZoneId);
    if (zone) {
      const polygon = this.zonePreview?.zoneId === zone.id ? this.zonePreview.polygon : zone.polygon;
      const s = (HANDLE_PX / 2) * px;
      polygon.forEach((p, i) => {
        ctx.beginPath();
        ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
        const chosen = i === this.selectedVertex;
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
    // Rubber band.
    if (this.band) {
      const b = this.band;
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
    // Row and scale lines.
    const line = this.drawingLine;
    if (line) {
      if (line.tool === 'row' && this.rowTemplate) {
        const row = rowAlongLine(line.a, line.b, this.rowTemplate);
        const t = this.rowTemplate;
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
    // Zone being drawn.
    if (this.zoneDraft.length) {
      const points = this.zoneCursor ? [...this.zoneDraft, this.zoneCursor] : this.zoneDraft;
      ctx.beginPath();
      points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
      ctx.strokeStyle = FOCUS_COLOR;
      ctx.lineWidth = 2 * px;
      ctx.setLineDash([6 * px, 3 * px]);
      ctx.stroke();
      ctx.setLineDash([]);
      this.zoneDraft.forEach((p, i) => {
        ctx.beginPath();
        ctx.arc(p.x, p.y, (i === 0 ? 6 : 4) * px, 0, Math.PI * 2);
        ctx.fillStyle = i === 0 ? '#ffffff' : FOCUS_COLOR;
        ctx.fill();
        ctx.strokeStyle = FOCUS_COLOR;
        ctx.stroke();
      });
    }
  }

  // ---- input ------------------------------------------------------------------------------------

  private on<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
    passive = true,
  ): void {
    const wrapped = listener as EventListener;
    this.container.addEventListener(type, wrapped, { passive });
    this.listeners.push([this.container, type, wrapped]);
  }

  private local(event: { clientX: number; clientY: number }): Point {
    const box = this.container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** A plan point from the pointer, snapped to the grid when grid snapping is on (for drawing tools). */
  private drawPoint(screen: Point): Point {
    const p = this.toPlan(screen);
    const plan = this.layout?.plan ?? { width: Infinity, height: Infinity };
    return clampPoint({ x: snapToGrid(p.x, this.snap.grid), y: snapToGrid(p.y, this.snap.grid) }, plan);
  }

  private handleAt(screen: Point): Handle | null {
    const single = this.singleSelected();
    if (!single || this.tool !== 'select') return null;
    let best: { handle: Handle; d: number } | null = null;
    for (const [handle, p] of this.handlePoints(single)) {
      const s = this.toScreen(p);
      const d = Math.hypot(s.x - screen.x, s.y - screen.y);
      if (d <= HANDLE_HIT_PX && (!best || d < best.d)) best = { handle, d };
    }
    return best?.handle ?? null;
  }

  private vertexAt(screen: Point): number | null {
    const zone = this.zone(this.selectedZoneId);
    if (!zone) return null;
    let best: { index: number; d: number } | null = null;
    zone.polygon.forEach((p, index) => {
      const s = this.toScreen(p);
      const d = Math.hypot(s.x - screen.x, s.y - screen.y);
      if (d <= VERTEX_HIT_PX && (!best || d < best.d)) best = { index, d };
    });
    return (best as { index: number } | null)?.index ?? null;
  }

  private zoneAt(screen: Point): string | null {
    const zones = this.layout?.zones ?? [];
    const p = this.toPlan(screen);
    for (let i = zones.length - 1; i >= 0; i--) if (pointInPolygon(p, zones[i].polygon)) return zones[i].id;
    return null;
  }

  private emitSelection(ids: string[]): void {
    this.setSelection(ids);
    this.options.onSelectionChange?.(ids);
  }

  private listen(): void {
    this.container.style.touchAction = 'none';
    this.on(
      'wheel',
      (event) => {
        event.preventDefault();
        const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
        this.zoomBy(Math.exp(-event.deltaY * unit * 0.0015), this.local(event));
      },
      false,
    );
    this.on('pointerdown', (event) => this.pointerDown(event));
    this.on('pointermove', (event) => this.pointerMove(event));
    this.on('pointerup', (event) => this.pointerUp(event));
    this.on('pointercancel', (event) => this.pointerUp(event));
    this.on('dblclick', (event) => this.doubleClick(event));
    this.on('keydown', (event) => {
      if (event.key === ' ' && !this.spaceHeld) this.setSpaceHeld(true);
    });
    this.on('keyup', (event) => {
      if (event.key === ' ') this.setSpaceHeld(false);
    });
    this.on('blur', () => this.setSpaceHeld(false));
  }

  private pointerDown(event: PointerEvent): void {
    const p = this.local(event);
    this.pointers.set(event.pointerId, p);
    this.container.setPointerCapture?.(event.pointerId);
    if (this.pointers.size === 2) {
      // A second finger: pinch zoom replaces whatever the first one started.
      this.abortGesture();
      const pinch = this.pinch();
      this.pinchDistance = pinch?.distance ?? null;
      this.gesture = { kind: 'pan', start: pinch?.center ?? p, last: pinch?.center ?? p, moved: true };
      return;
    }
    if (this.pointers.size > 2) return;
    if (this.dragLayer.x() !== 0 || this.dragLayer.y() !== 0) {
      this.dragLayer.position({ x: 0, y: 0 });
      this.dragLayer.batchDraw();
    }
    const base = { start: p, last: p, moved: false };
    if (event.button === 1 || event.button === 2 || this.spaceHeld || this.tool === 'pan') {
      this.gesture = { kind: 'pan', ...base };
      if (event.button === 0 || event.button === 1) this.container.style.cursor = 'grabbing';
      return;
    }
    if (event.button !== 0 && event.button !== undefined) return;
    switch (this.tool) {
      case 'row':
      case 'scale': {
        const a = this.drawPoint(p);
        this.gesture = { kind: 'line', ...base, tool: this.tool, planStart: a };
        this.drawingLine = { a, b: a, tool: this.tool };
        this.overlayLayer.batchDraw();
        return;
      }
      case 'desk':
      case 'zone':
        this.gesture = { kind: 'tap', ...base };
        return;
      default:
        break;
    }
    const handle = this.handleAt(p);
    if (handle) {
      this.gesture = handle === 'rotate' ? { kind: 'rotate', ...base } : { kind: 'resize', ...base, handle };
      return;
    }
    const vertex = this.vertexAt(p);
    if (vertex !== null && this.selectedZoneId) {
      this.selectedVertex = vertex;
      this.gesture = { kind: 'vertex', ...base, zoneId: this.selectedZoneId, index: vertex };
      this.overlayLayer.batchDraw();
      return;
    }
    const id = this.spaceAt(p);
    if (id) {
      if (event.shiftKey || event.ctrlKey || event.metaKey) {
        const ids = this.selected.has(id) ? this.selection.filter((s) => s !== id) : [...this.selected, id];
        this.emitSelection(ids);
        this.gesture = { kind: 'tap', ...base };
        return;
      }
      if (!this.selected.has(id)) this.emitSelection([id]);
      this.gesture = {
        kind: 'move',
        ...base,
        bounds: { minX: 0, minY: 0, maxX: 0, maxY: 0 },
        others: [],
        delta: { x: 0, y: 0 },
      };
      return;
    }
    this.gesture = { kind: 'band', ...base, additive: event.shiftKey, planStart: this.toPlan(p) };
  }

  private pointerMove(event: PointerEvent): void {
    const p = this.local(event);
    if (this.tool === 'zone' && this.zoneDraft.length && !this.pointers.size) {
      this.zoneCursor = this.drawPoint(p);
      this.overlayLayer.batchDraw();
    }
    if (!this.pointers.has(event.pointerId)) {
      if (event.pointerType === 'mouse' && this.tool === 'select' && !this.spaceHeld) this.hoverCursor(p);
      return;
    }
    this.pointers.set(event.pointerId, p);
    const g = this.gesture;
    if (!g) return;
    if (this.pointers.size >= 2) {
      const pinch = this.pinch();
      if (pinch && this.pinchDistance) {
        const zoomed = this.zoomed(pinch.center, pinch.distance / this.pinchDistance);
        this.pinchDistance = pinch.distance;
        this.setView({ ...zoomed, x: zoomed.x + pinch.center.x - g.last.x, y: zoomed.y + pinch.center.y - g.last.y });
        g.last = pinch.center;
      }
      return;
    }
    if (!g.moved && Math.hypot(p.x - g.start.x, p.y - g.start.y) < TAP_SLOP_PX) return;
    const first = !g.moved;
    g.moved = true;
    switch (g.kind) {
      case 'pan':
        this.setView({ ...this.view, x: this.view.x + p.x - g.last.x, y: this.view.y + p.y - g.last.y });
        break;
      case 'move':
        if (first) this.beginMove(g);
        this.dragTo(g, p, event.altKey);
        break;
      case 'resize':
      case 'rotate':
        this.transformTo(g, p, event.shiftKey);
        break;
      case 'vertex': {
        const zone = this.zone(g.zoneId);
        if (zone) {
          this.zonePreview = { zoneId: zone.id, polygon: moveVertex(zone.polygon, g.index, this.drawPoint(p)) };
          this.zoneLayer.batchDraw();
          this.overlayLayer.batchDraw();
        }
        break;
      }
      case 'band': {
        this.band = rectFromPoints(g.planStart, this.toPlan(p));
        this.overlayLayer.batchDraw();
        break;
      }
      case 'line':
        if (this.drawingLine) this.drawingLine = { ...this.drawingLine, b: this.drawPoint(p) };
        this.overlayLayer.batchDraw();
        break;
      default:
        break;
    }
    g.last = p;
  }

  /** Tells handles, vertices and spaces apart by cursor before anything is pressed. */
  private hoverCursor(p: Point): void {
    const handle = this.handleAt(p);
    const cursor = handle
      ? HANDLE_CURSOR[handle]
      : this.vertexAt(p) !== null
        ? 'pointer'
        : this.spaceAt(p)
          ? 'move'
          : TOOL_CURSOR.select;
    if (this.container.style.cursor !== cursor) this.container.style.cursor = cursor;
  }

  private beginMove(g: Extract<Gesture, { kind: 'move' }>): void {
    g.bounds = selectionBounds(this.selectedRecs.map((r) => r.space)) ?? g.bounds;
    // Only neighbours near the selection can be snapped to; the rest would just cost time.
    const reach = Math.max(this.size().width, this.size().height) / this.view.scale;
    g.others = this.unselectedRecs
      .map((r) => r.box)
      .filter(
        (b) =>
          b.maxX >= g.bounds.minX - reach &&
          b.minX <= g.bounds.maxX + reach &&
          b.maxY >= g.bounds.minY - reach &&
          b.minY <= g.bounds.maxY + reach,
      );
  }

  /** Shifts the drag layer; neither the layout nor the static layer is touched until the drop. */
  private dragTo(g: Extract<Gesture, { kind: 'move' }>, p: Point, noSnap: boolean): void {
    const plan = this.layout?.plan;
    if (!plan) return;
    const raw = { x: (p.x - g.start.x) / this.view.scale, y: (p.y - g.start.y) / this.view.scale };
    const spaces = this.selectedRecs.map((r) => r.space);
    let delta = clampDelta(spaces, raw, plan);
    this.guides = [];
    if (!noSnap && (this.snap.grid || this.snap.neighbours)) {
      const snapped = snapMove(g.bounds, delta, g.others, { ...this.snap, threshold: SNAP_PX / this.view.scale });
      const clamped = clampDelta(spaces, { x: snapped.dx, y: snapped.dy }, plan);
      // Guides only for the axes the clamp left alone.
      this.guides = snapped.guides.filter((s) =>
        s.axis === 'x' ? clamped.x === snapped.dx : clamped.y === snapped.dy,
      );
      delta = clamped;
    }
    g.delta = delta;
    this.dragLayer.position(delta);
    this.dragLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  private transformTo(g: Extract<Gesture, { kind: 'resize' | 'rotate' }>, p: Point, free: boolean): void {
    const space = this.selectedRecs[0]?.space;
    const plan = this.layout?.plan;
    if (!space || !plan) return;
    if (g.kind === 'rotate') {
      const angle = angleFromCenter(rotatedCenter(space), this.toPlan(p));
      this.preview = { ...space, ...rotateAroundCenter(space, angle, free ? null : 15) };
    } else {
      const delta = { x: (p.x - g.start.x) / this.view.scale, y: (p.y - g.start.y) / this.view.scale };
      const next = resizeSpace(space, g.handle, delta, MIN_SIZE);
      const grid = this.snap.grid;
      if (grid && !free && space.rotation === 0) {
        // Unrotated: snap the moving edges to the grid.
        const right = g.handle.includes('e') ? snapToGrid(next.x + next.width, grid) : next.x + next.width;
        const bottom = g.handle.includes('s') ? snapToGrid(next.y + next.height, grid) : next.y + next.height;
        const left = g.handle.includes('w') ? snapToGrid(next.x, grid) : next.x;
        const top = g.handle.includes('n') ? snapToGrid(next.y, grid) : next.y;
        if (right - left >= MIN_SIZE && bottom - top >= MIN_SIZE) {
          Object.assign(next, { x: left, y: top, width: right - left, height: bottom - top });
        }
      }
      this.preview = { ...space, ...next };
    }
    this.dragLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  private pointerUp(event: PointerEvent): void {
    const p = this.local(event);
    this.pointers.delete(event.pointerId);
    if (this.pointers.size > 0) {
      const [rest] = this.pointers.values();
      if (this.gesture) this.gesture.last = rest;
      this.pinchDistance = null;
      return;
    }
    const g = this.gesture;
    this.gesture = null;
    this.pinchDistance = null;
    this.updateCursor();
    if (!g || event.type === 'pointercancel') {
      this.abortGesture(g);
      return;
    }
    switch (g.kind) {
      case 'move':
        this.guides = [];
        if (g.moved && (g.delta.x !== 0 || g.delta.y !== 0)) {
          // The drag layer keeps its offset until the new layout arrives, so nothing jumps back.
          this.options.onMove?.(
            this.selectedRecs.map(({ space: s }) => ({ id: s.id, x: s.x + g.delta.x, y: s.y + g.delta.y })),
          );
        } else {
          this.dragLayer.position({ x: 0, y: 0 });
          this.dragLayer.batchDraw();
        }
        break;
      case 'resize':
      case 'rotate': {
        const next = this.preview;
        if (g.moved && next) {
          const patch: SpacePatch =
            g.kind === 'rotate'
              ? { id: next.id, x: next.x, y: next.y, rotation: next.rotation }
              : { id: next.id, x: next.x, y: next.y, width: next.width, height: next.height };
          (g.kind === 'rotate' ? this.options.onRotate : this.options.onResize)?.([patch]);
        } else {
          this.preview = null;
          this.dragLayer.batchDraw();
        }
        break;
      }
      case 'vertex': {
        const change = this.zonePreview;
        if (g.moved && change) this.options.onZoneVertexChange?.(change);
        else this.options.onZoneSelect?.(g.zoneId);
        break;
      }
      case 'band': {
        const band = this.band;
        this.band = null;
        if (g.moved && band) {
          const hit = spacesInRect(
            this.records.map((r) => r.space),
            band,
          );
          this.emitSelection(g.additive ? [...new Set([...this.selected, ...hit])] : hit);
        } else if (!g.additive) {
          const zone = this.zoneAt(p);
          if (this.selected.size) this.emitSelection([]);
          if (zone !== this.selectedZoneId) {
            this.setSelectedZone(zone);
            this.options.onZoneSelect?.(zone);
          }
        }
        break;
      }
      case 'line': {
        const line = this.drawingLine;
        this.drawingLine = null;
        if (line && (line.a.x !== line.b.x || line.a.y !== line.b.y)) {
          if (line.tool === 'row') this.options.onRowDrawn?.({ start: line.a, end: line.b });
          else this.options.onScaleLine?.({ a: line.a, b: line.b });
        }
        break;
      }
      case 'tap':
        if (!g.moved) this.tap(p);
        break;
      default:
        break;
    }
    this.overlayLayer.batchDraw();
  }

  private tap(p: Point): void {
    if (this.tool === 'desk') {
      this.options.onAddSpace?.(this.drawPoint(p));
    } else if (this.tool === 'zone') {
      const first = this.zoneDraft[0];
      if (first && this.zoneDraft.length >= 3) {
        const s = this.toScreen(first);
        if (Math.hypot(s.x - p.x, s.y - p.y) <= VERTEX_HIT_PX) {
          this.finishZone();
          return;
        }
      }
      this.zoneDraft = [...this.zoneDraft, this.drawPoint(p)];
      this.zoneCursor = null;
      this.overlayLayer.batchDraw();
    }
  }

  private doubleClick(event: MouseEvent): void {
    const p = this.local(event);
    if (this.tool === 'zone') {
      // The two clicks of the double click each added a point; the second one is the same place.
      if (this.zoneDraft.length >= 2) {
        const [a, b] = this.zoneDraft.slice(-2);
        if (Math.hypot(a.x - b.x, a.y - b.y) * this.view.scale <= TAP_SLOP_PX)
          this.zoneDraft = this.zoneDraft.slice(0, -1);
      }
      this.finishZone();
      return;
    }
    if (this.tool !== 'select') return;
    const zone = this.zone(this.selectedZoneId);
    if (!zone || this.vertexAt(p) !== null) return;
    const edge = nearestEdge(zone.polygon, this.toPlan(p), EDGE_HIT_PX / this.view.scale);
    if (!edge) return;
    const polygon = insertVertex(zone.polygon, edge.index, edge.point);
    this.selectedVertex = edge.index + 1;
    this.options.onZoneVertexChange?.({ zoneId: zone.id, polygon });
  }

  private abortGesture(g: Gesture | null = this.gesture): void {
    this.gesture = null;
    this.guides = [];
    this.band = null;
    this.drawingLine = null;
    if (g?.kind === 'move' || this.preview) {
      this.preview = null;
      this.dragLayer.position({ x: 0, y: 0 });
      this.dragLayer.batchDraw();
    }
    if (this.zonePreview) {
      this.zonePreview = null;
      this.zoneLayer.batchDraw();
    }
    this.overlayLayer.batchDraw();
  }

  private pinch(): { center: Point; distance: number } | null {
    const [a, b] = this.pointers.values();
    if (!a || !b) return null;
    return {
      center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
    };
  }
}
