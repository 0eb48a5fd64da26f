import Konva from 'konva';
import type { FloorLayout, LayoutSpace, LayoutZone, Point } from '@flexdesk/shared-contracts';
import {
  type RowTemplate,
  type SnapGuide,
  type SnapSettings,
  type SpacePatch,
  type ViewTransform,
  clampPoint,
  deleteVertex,
  hitTest,
  snapToGrid,
} from '@flexdesk/shared-domain';
import type { EditorTool } from './editor-gestures';
import {
  type EditorScene,
  type Rec,
  type ZoneVertexChange,
  paintOverlay,
  paintPlan,
  paintSpaces,
  paintZones,
  recordOf,
} from './editor-paint';
import { EditorInteraction, TOOL_CURSOR } from './editor-interaction';
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
  readonly zoneLayer = new Konva.Layer({ listening: false });
  readonly staticLayer = new Konva.Layer({ listening: false });
  readonly dragLayer = new Konva.Layer({ listening: false });
  readonly overlayLayer = new Konva.Layer({ listening: false });
  /** @internal The pointer side (gestures, previews, hit tests). */
  readonly interaction = new EditorInteraction(this);

  /** @internal */
  layout: FloorLayout | null = null;
  /** @internal */
  records: Rec[] = [];
  private readonly byId = new Map<string, Rec>();
  /** @internal */
  selected = new Set<string>();
  /** @internal */
  selectedRecs: Rec[] = [];
  /** @internal */
  unselectedRecs: Rec[] = [];
  /** @internal */
  tool: EditorTool = 'select';
  /** @internal */
  snap: SnapSettings = { grid: null, neighbours: true, threshold: 0 };
  private backgroundUrl: string | null = null;
  /** @internal */
  spaceHeld = false;
  /** @internal What the drawing shows besides the spaces. */
  readonly scene: EditorScene;

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: EditorRendererOptions = {},
  ) {
    this.plan = new PlanStage(container, {
      gestures: 'canvas',
      zoomRange: { min: 0.25, max: 40 },
      onViewChange: (view) => options.onViewChange?.(view),
      pointer: this.interaction.pointer,
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
    this.plan.on('dblclick', (event) => this.interaction.doubleClick(this.plan.local(event)));
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
    this.interaction.preview = null;
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
    return this.interaction.gestures.drawingZone;
  }

  /** Finishes the zone being drawn; false when it has fewer than three points. */
  finishZone(): boolean {
    const actions = this.interaction.gestures.finishZone();
    this.interaction.run(actions);
    return actions.length > 0;
  }

  undoZonePoint(): void {
    this.interaction.run(this.interaction.gestures.undoZonePoint());
  }

  cancelDrawing(): void {
    this.interaction.gestures.cancelDrawing();
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
    return this.interaction.gestures.active;
  }

  get dragOffset(): Point {
    return this.dragLayer.position();
  }

  get snapGuides(): readonly SnapGuide[] {
    return this.scene.guides;
  }

  get zonePoints(): readonly Point[] {
    return this.interaction.gestures.zonePoints;
  }

  /** @internal */
  emit(edit: EditorEdit): void {
    this.options.onEdit?.(edit);
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
    s.handles = this.interaction.gestures.active === 'move' ? null : this.singleSelected();
    return s;
  }

  /** @internal */
  zone(id: string | null): LayoutZone | undefined {
    return id ? this.layout?.zones.find((z) => z.id === id) : undefined;
  }

  private split(): void {
    this.selectedRecs = [];
    this.unselectedRecs = [];
    for (const r of this.records) (this.selected.has(r.space.id) ? this.selectedRecs : this.unselectedRecs).push(r);
  }

  private selectionForDrawing(): Rec[] {
    if (this.interaction.preview && this.selectedRecs.length === 1) return [recordOf(this.interaction.preview)];
    return this.selectedRecs;
  }

  /** @internal */
  singleSelected(): LayoutSpace | null {
    return this.selectedRecs.length === 1 ? (this.interaction.preview ?? this.selectedRecs[0].space) : null;
  }

  /** @internal */
  updateCursor(): void {
    this.container.style.cursor = this.spaceHeld ? 'grab' : TOOL_CURSOR[this.tool];
  }

  /** A plan point from the pointer, snapped to the grid when grid snapping is on (for drawing tools). */
  /** @internal */
  drawPoint(screen: Point): Point {
    const p = this.toPlan(screen);
    const plan = this.layout?.plan ?? { width: Infinity, height: Infinity };
    return clampPoint({ x: snapToGrid(p.x, this.snap.grid), y: snapToGrid(p.y, this.snap.grid) }, plan);
  }
}
