import Konva from 'konva';
import type { FloorLayout, LayoutSpace, LayoutZone, Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  type RowTemplate,
  type SnapGuide,
  type SnapSettings,
  type SpacePatch,
  type ViewTransform,
  clampPoint,
  deleteVertex,
  hitTest,
  insertVertex,
  moveVertex,
  nearestEdge,
  pointInPolygon,
  rectFromPoints,
  selectionBounds,
  snapToGrid,
  spacesInRect,
} from '@flexdesk/shared-domain';
import { type EditorTool, EditorGestures, type GestureAction, type Handle, type PointerInput } from './editor-gestures';
import {
  type EditorScene,
  type Rec,
  type ZoneVertexChange,
  handlePoints,
  paintOverlay,
  paintPlan,
  paintSpaces,
  paintZones,
  recordOf,
} from './editor-paint';
import { dragDelta, nearbyBounds, nearestWithin, transformSpace } from './editor-drag';
import { PlanStage } from './plan-stage';

export type { EditorTool } from './editor-gestures';
export type { ZoneVertexChange } from './editor-paint';

export interface Line {
  start: Point;
  end: Point;
}

/** Everything the editor canvas means, as one union: the host applies it to its layout. */
export type EditorEdit =
  | { kind: 'select'; ids: string[] }
  | { kind: 'selectZone'; zoneId: string | null }
  | { kind: 'move' | 'resize' | 'rotate'; patches: SpacePatch[] }
  | { kind: 'addSpace'; at: Point }
  | { kind: 'row'; line: Line }
  | { kind: 'zone'; polygon: Point[] }
  | ({ kind: 'zoneVertices' } & ZoneVertexChange)
  | { kind: 'scaleLine'; a: Point; b: Point };

export interface EditorRendererOptions {
  onEdit?: (edit: EditorEdit) => void;
  onViewChange?: (view: ViewTransform) => void;
}

const HANDLE_HIT_PX = 10;
const VERTEX_HIT_PX = 10;
const EDGE_HIT_PX = 8;
const SNAP_PX = 8;
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

const sameIds = (a: readonly string[], b: ReadonlySet<string>) => a.length === b.size && a.every((id) => b.has(id));

/**
 * Konva drawing of the floor plan editor, driven by the Konva-free `EditorGestures`. The Angular
 * `FloorPlanEditorComponent` wraps it; `tools/bench/editor-harness.ts` drives it directly.
 *
 * Performance: spaces are plain records drawn by one `Konva.Shape` per layer. The unselected spaces
 * live on a static layer drawn only when the layout, the selection or the view changes; the selection
 * lives on its own drag layer, which a move only shifts (`layer.position`), so a drag costs the
 * selection's size, not the floor's. Geometry is the pure code in `shared-domain`.
 */
export class EditorRenderer {
  readonly plan: PlanStage;
  private readonly zoneLayer = new Konva.Layer({ listening: false });
  readonly staticLayer = new Konva.Layer({ listening: false });
  readonly dragLayer = new Konva.Layer({ listening: false });
  readonly overlayLayer = new Konva.Layer({ listening: false });
  private readonly gestures = new EditorGestures();

  private layout: FloorLayout | null = null;
  private records: Rec[] = [];
  private readonly byId = new Map<string, Rec>();
  private selected = new Set<string>();
  private selectedRecs: Rec[] = [];
  private unselectedRecs: Rec[] = [];
  private tool: EditorTool = 'select';
  private snap: SnapSettings = { grid: null, neighbours: true, threshold: 0 };
  private backgroundUrl: string | null = null;
  private spaceHeld = false;
  private readonly scene: EditorScene;
  /** Replaces the single selected space while it is resized or rotated. */
  private preview: LayoutSpace | null = null;
  private move: { bounds: Bounds; others: Bounds[]; delta: Point } | null = null;

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: EditorRendererOptions = {},
  ) {
    this.plan = new PlanStage(container, {
      gestures: 'canvas',
      zoomRange: { min: 0.25, max: 40 },
      onViewChange: (view) => options.onViewChange?.(view),
      pointer: {
        down: (p, e) => {
          if (this.dragLayer.x() !== 0 || this.dragLayer.y() !== 0) this.abort();
          this.run(this.gestures.down(this.input(p, e), this.hitAt(p), this.context()));
        },
        move: (p, e, pressed) => (pressed ? this.pressedMove(p, e) : this.hover(p, e)),
        up: (p, e) => {
          this.run(this.gestures.up(this.input(p, e), this.context(), e.type === 'pointercancel'));
          this.updateCursor();
        },
        cancel: () => this.run(this.gestures.abort()),
      },
    });
    this.scene = {
      layout: null,
      scale: 1,
      hasBackground: false,
      grid: null,
      visible: { minX: 0, minY: 0, maxX: 0, maxY: 0 },
      selectedZoneId: null,
      selectedVertex: null,
      zonePreview: null,
      guides: [],
      handles: null,
      band: null,
      line: null,
      rowTemplate: null,
      zoneDraft: [],
      zoneCursor: null,
    };
    const shape = (draw: (ctx: CanvasRenderingContext2D) => void) =>
      new Konva.Shape({ sceneFunc: (ctx) => draw(ctx._context), perfectDrawEnabled: false, listening: false });
    this.plan.backgroundLayer.add(shape((ctx) => paintPlan(ctx, this.sceneNow())));
    this.zoneLayer.add(shape((ctx) => paintZones(ctx, this.sceneNow())));
    this.staticLayer.add(shape((ctx) => paintSpaces(ctx, this.unselectedRecs, false, this.plan.scale)));
    this.dragLayer.add(shape((ctx) => paintSpaces(ctx, this.selectionForDrawing(), true, this.plan.scale)));
    this.overlayLayer.add(shape((ctx) => paintOverlay(ctx, this.sceneNow())));
    this.plan.add(this.zoneLayer, this.staticLayer, this.dragLayer, this.overlayLayer);
    this.plan.on('dblclick', (event) => this.doubleClick(this.plan.local(event)));
    this.plan.on('keydown', (event) => {
      if (event.key === ' ' && !this.spaceHeld) this.setSpaceHeld(true);
    });
    this.plan.on('keyup', (event) => {
      if (event.key === ' ') this.setSpaceHeld(false);
    });
    this.plan.on('blur', () => this.setSpaceHeld(false));
    this.updateCursor();
  }

  get stage(): Konva.Stage {
    return this.plan.stage;
  }

  // ---- inputs -----------------------------------------------------------------------------------

  setLayout(layout: FloorLayout): void {
    const previous = this.layout;
    this.layout = layout;
    this.records = layout.spaces.map(recordOf);
    this.byId.clear();
    for (const r of this.records) this.byId.set(r.space.id, r);
    for (const id of [...this.selected]) if (!this.byId.has(id)) this.selected.delete(id);
    const s = this.scene;
    if (s.selectedZoneId && !layout.zones.some((z) => z.id === s.selectedZoneId)) s.selectedZoneId = null;
    const zone = this.zone(s.selectedZoneId);
    if (s.selectedVertex !== null && (!zone || s.selectedVertex >= zone.polygon.length)) s.selectedVertex = null;
    this.preview = null;
    s.zonePreview = null;
    this.dragLayer.position({ x: 0, y: 0 });
    this.split();
    this.plan.setPlan(layout.plan);
    if (previous?.plan.backgroundUrl !== layout.plan.backgroundUrl && this.backgroundUrl === null) {
      this.plan.setBackground(layout.plan.backgroundUrl ?? null);
    }
    this.stage.batchDraw();
  }

  /** Overrides the layout's `plan.backgroundUrl` (e.g. an upload not yet in the layout); null follows the layout. */
  setBackgroundUrl(url: string | null): void {
    if (url === this.backgroundUrl) return;
    this.backgroundUrl = url;
    this.plan.setBackground(url ?? this.layout?.plan.backgroundUrl ?? null);
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
    if (id === this.scene.selectedZoneId) return;
    this.scene.selectedZoneId = id;
    this.scene.selectedVertex = null;
    this.zoneLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  get selectedZone(): string | null {
    return this.scene.selectedZoneId;
  }

  /** The vertex of the selected zone that Delete removes. */
  get selectedVertex(): number | null {
    return this.scene.selectedVertex;
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
    if (gridChanged) this.plan.backgroundLayer.batchDraw();
  }

  setRowTemplate(template: RowTemplate | null): void {
    this.scene.rowTemplate = template;
  }

  /** Whether the space bar is held (pans with the primary button). */
  setSpaceHeld(held: boolean): void {
    this.spaceHeld = held;
    this.updateCursor();
  }

  /** Whether a zone is being drawn (Enter finishes it, Escape cancels it). */
  get drawingZone(): boolean {
    return this.gestures.drawingZone;
  }

  /** Finishes the zone being drawn; false when it has fewer than three points. */
  finishZone(): boolean {
    const actions = this.gestures.finishZone();
    this.run(actions);
    return actions.length > 0;
  }

  undoZonePoint(): void {
    this.run(this.gestures.undoZonePoint());
  }

  cancelDrawing(): void {
    this.gestures.cancelDrawing();
    Object.assign(this.scene, { zoneDraft: [], zoneCursor: null, line: null, band: null, guides: [] });
    this.overlayLayer.batchDraw();
  }

  /** Deletes the selected vertex of the selected zone (keeping at least three); true if it did. */
  deleteSelectedVertex(): boolean {
    const zone = this.zone(this.scene.selectedZoneId);
    const index = this.scene.selectedVertex;
    if (!zone || index === null) return false;
    const polygon = deleteVertex(zone.polygon, index);
    if (polygon.length === zone.polygon.length) return false;
    this.scene.selectedVertex = null;
    this.emit({ kind: 'zoneVertices', zoneId: zone.id, polygon });
    return true;
  }

  // ---- view -------------------------------------------------------------------------------------

  getView(): ViewTransform {
    return this.plan.getView();
  }

  setView(view: ViewTransform, notify = true): void {
    this.plan.setView(view, notify);
  }

  fit(notify = true): void {
    this.plan.fit(notify);
  }

  zoomBy(factor: number, anchor?: Point): void {
    this.plan.zoomBy(factor, anchor);
  }

  zoomIn(): void {
    this.plan.zoomIn();
  }

  zoomOut(): void {
    this.plan.zoomOut();
  }

  resize(width: number, height: number): void {
    this.plan.resize(width, height);
  }

  /** Synchronous draw of every layer (tests, benchmark). */
  drawNow(): void {
    this.stage.draw();
  }

  destroy(): void {
    this.plan.destroy();
    this.records = [];
    this.byId.clear();
  }

  get isDestroyed(): boolean {
    return this.plan.isDestroyed;
  }

  toPlan(screen: Point): Point {
    return this.plan.toPlan(screen);
  }

  toScreen(plan: Point): Point {
    return this.plan.toScreen(plan);
  }

  /** The topmost space at a point in container pixels (selected spaces are on top). */
  spaceAt(screen: Point): string | null {
    const p = this.toPlan(screen);
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
  get activeGesture(): string | null {
    return this.gestures.active;
  }

  get dragOffset(): Point {
    return this.dragLayer.position();
  }

  get snapGuides(): readonly SnapGuide[] {
    return this.scene.guides;
  }

  get zonePoints(): readonly Point[] {
    return this.gestures.zonePoints;
  }

  // ---- gestures ---------------------------------------------------------------------------------

  private input(p: Point, event: PointerEvent | MouseEvent): PointerInput {
    return {
      p,
      at: this.drawPoint(p),
      button: event.button ?? 0,
      shift: event.shiftKey,
      toggle: event.ctrlKey || event.metaKey,
      alt: event.altKey,
    };
  }

  private context() {
    return {
      tool: this.tool,
      spaceHeld: this.spaceHeld,
      selection: this.selection,
      zoneId: this.scene.selectedZoneId,
      scale: this.plan.scale,
    };
  }

  private hitAt(p: Point) {
    if (this.tool !== 'select' || this.spaceHeld) return { handle: null, vertex: null, space: null };
    return { handle: this.handleAt(p), vertex: this.vertexAt(p), space: this.spaceAt(p) };
  }

  private pressedMove(p: Point, event: PointerEvent): void {
    this.run(this.gestures.move(this.input(p, event), this.context()));
  }

  private hover(p: Point, event: PointerEvent): void {
    this.run(this.gestures.hover(this.input(p, event), this.context()));
    if (event.pointerType === 'mouse' && this.tool === 'select' && !this.spaceHeld) {
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
  }

  private doubleClick(p: Point): void {
    if (this.tool === 'zone') return this.run(this.gestures.doubleClick(this.context()));
    if (this.tool !== 'select') return;
    const zone = this.zone(this.scene.selectedZoneId);
    if (!zone || this.vertexAt(p) !== null) return;
    const edge = nearestEdge(zone.polygon, this.toPlan(p), EDGE_HIT_PX / this.plan.scale);
    if (!edge) return;
    this.scene.selectedVertex = edge.index + 1;
    this.emit({ kind: 'zoneVertices', zoneId: zone.id, polygon: insertVertex(zone.polygon, edge.index, edge.point) });
  }

  /** Carries out what the gesture machine decided. */
  private run(actions: readonly GestureAction[]): void {
    for (const action of actions) this.apply(action);
  }

  private apply(a: GestureAction): void {
    const s = this.scene;
    switch (a.type) {
      case 'pan':
        return this.plan.panBy(a.dx, a.dy);
      case 'grabbing':
        this.container.style.cursor = 'grabbing';
        return;
      case 'select':
        return this.select(a.ids);
      case 'selectZone':
        return this.emit({ kind: 'selectZone', zoneId: a.zoneId });
      case 'chooseVertex':
        s.selectedVertex = a.index;
        this.overlayLayer.batchDraw();
        return;
      case 'moveStart':
        return this.beginMove();
      case 'moveTo':
        return this.dragTo(a.dx, a.dy, a.free);
      case 'moveEnd':
        return this.endMove();
      case 'transformTo':
        return this.transformTo(a.handle, a.p, { x: a.dx, y: a.dy }, a.free);
      case 'transformEnd': {
        const next = this.preview;
        if (!next) return;
        const rotate = a.handle === 'rotate';
        const patch: SpacePatch = rotate
          ? { id: next.id, x: next.x, y: next.y, rotation: next.rotation }
          : { id: next.id, x: next.x, y: next.y, width: next.width, height: next.height };
        return this.emit({ kind: rotate ? 'rotate' : 'resize', patches: [patch] });
      }
      case 'vertexTo': {
        const zone = this.zone(a.zoneId);
        if (!zone) return;
        s.zonePreview = { zoneId: zone.id, polygon: moveVertex(zone.polygon, a.index, a.at) };
        this.zoneLayer.batchDraw();
        this.overlayLayer.batchDraw();
        return;
      }
      case 'vertexEnd':
        if (s.zonePreview) this.emit({ kind: 'zoneVertices', ...s.zonePreview });
        return;
      case 'band':
        s.band = rectFromPoints(a.from, a.to);
        this.overlayLayer.batchDraw();
        return;
      case 'bandEnd': {
        s.band = null;
        this.overlayLayer.batchDraw();
        const hit = spacesInRect(
          this.records.map((r) => r.space),
          rectFromPoints(a.from, a.to),
        );
        return this.select(a.additive ? [...new Set([...this.selected, ...hit])] : hit);
      }
      case 'clickEmpty': {
        const zone = this.zoneAt(a.p);
        if (this.selected.size) this.select([]);
        if (zone !== s.selectedZoneId) {
          this.setSelectedZone(zone);
          this.emit({ kind: 'selectZone', zoneId: zone });
        }
        return;
      }
      case 'line':
        s.line = { a: a.a, b: a.b, tool: a.tool };
        this.overlayLayer.batchDraw();
        return;
      case 'lineEnd':
        s.line = null;
        this.overlayLayer.batchDraw();
        return this.emit(
          a.tool === 'row' ? { kind: 'row', line: { start: a.a, end: a.b } } : { kind: 'scaleLine', a: a.a, b: a.b },
        );
      case 'addSpace':
        return this.emit({ kind: 'addSpace', at: a.at });
      case 'zoneDraft':
        s.zoneDraft = a.points;
        s.zoneCursor = a.cursor;
        this.overlayLayer.batchDraw();
        return;
      case 'zoneDone':
        return this.emit({ kind: 'zone', polygon: a.polygon });
      case 'abort':
        return this.abort();
    }
  }

  private emit(edit: EditorEdit): void {
    this.options.onEdit?.(edit);
  }

  private select(ids: string[]): void {
    this.setSelection(ids);
    this.emit({ kind: 'select', ids });
  }

  private abort(): void {
    const s = this.scene;
    s.guides = [];
    s.band = null;
    s.line = null;
    this.move = null;
    this.preview = null;
    this.dragLayer.position({ x: 0, y: 0 });
    this.dragLayer.batchDraw();
    if (s.zonePreview) {
      s.zonePreview = null;
      this.zoneLayer.batchDraw();
    }
    this.overlayLayer.batchDraw();
  }

  private beginMove(): void {
    const bounds = selectionBounds(this.selectedRecs.map((r) => r.space)) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const size = this.plan.size();
    const reach = Math.max(size.width, size.height) / this.plan.scale;
    const others = nearbyBounds(
      bounds,
      this.unselectedRecs.map((r) => r.box),
      reach,
    );
    this.move = { bounds, others, delta: { x: 0, y: 0 } };
  }

  /** Shifts the drag layer; neither the layout nor the static layer is touched until the drop. */
  private dragTo(dx: number, dy: number, free: boolean): void {
    const plan = this.layout?.plan;
    const move = this.move;
    if (!plan || !move) return;
    const spaces = this.selectedRecs.map((r) => r.space);
    const snap = { ...this.snap, threshold: SNAP_PX / this.plan.scale };
    const { delta, guides } = dragDelta(spaces, { x: dx, y: dy }, plan, move.bounds, move.others, snap, free);
    this.scene.guides = guides;
    move.delta = delta;
    this.dragLayer.position(delta);
    this.dragLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  private endMove(): void {
    const delta = this.move?.delta;
    this.move = null;
    this.scene.guides = [];
    this.overlayLayer.batchDraw();
    if (delta && (delta.x !== 0 || delta.y !== 0)) {
      // The drag layer keeps its offset until the new layout arrives, so nothing jumps back.
      this.emit({
        kind: 'move',
        patches: this.selectedRecs.map(({ space: s }) => ({ id: s.id, x: s.x + delta.x, y: s.y + delta.y })),
      });
    } else {
      this.abort();
    }
  }

  private transformTo(handle: Handle, p: Point, delta: Point, free: boolean): void {
    const space = this.selectedRecs[0]?.space;
    if (!space || !this.layout) return;
    this.preview = transformSpace(space, handle, this.toPlan(p), delta, this.snap.grid, free);
    this.dragLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  // ---- internals --------------------------------------------------------------------------------

  /** The scene as of now, for the drawing functions. */
  private sceneNow(): EditorScene {
    const s = this.scene;
    const size = this.plan.size();
    const tl = this.toPlan({ x: 0, y: 0 });
    const br = this.toPlan({ x: size.width, y: size.height });
    s.layout = this.layout;
    s.scale = this.plan.scale;
    s.hasBackground = this.plan.hasBackground;
    s.grid = this.snap.grid;
    s.visible = { minX: tl.x, minY: tl.y, maxX: br.x, maxY: br.y };
    s.handles = this.gestures.active === 'move' ? null : this.singleSelected();
    return s;
  }

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

  private updateCursor(): void {
    this.container.style.cursor = this.spaceHeld ? 'grab' : TOOL_CURSOR[this.tool];
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
    const points = handlePoints(single, this.plan.scale).map(([h, p]): [Handle, Point] => [h, this.toScreen(p)]);
    return nearestWithin(points, screen, HANDLE_HIT_PX);
  }

  private vertexAt(screen: Point): number | null {
    const zone = this.zone(this.scene.selectedZoneId);
    if (!zone) return null;
    return nearestWithin(
      zone.polygon.map((p, i): [number, Point] => [i, this.toScreen(p)]),
      screen,
      VERTEX_HIT_PX,
    );
  }

  private zoneAt(screen: Point): string | null {
    const zones = this.layout?.zones ?? [];
    const p = this.toPlan(screen);
    for (let i = zones.length - 1; i >= 0; i--) if (pointInPolygon(p, zones[i].polygon)) return zones[i].id;
    return null;
  }
}
