import Konva from 'konva';
import {
  SPACE_STATES,
  type Floor,
  type Point,
  type SpaceAvailability,
  type SpaceState,
} from '@flexdesk/shared-contracts';
import {
  type Direction,
  type ScreenRect,
  type ViewTransform,
  firstInReadingOrder,
  hitTest,
  nearestInDirection,
  screenRectOf,
} from '@flexdesk/shared-domain';
import { PlanStage } from './plan-stage';
import {
  type BucketKey,
  bucketKey,
  paintLabels,
  zoneNodes,
  paintMarks,
  paintOverlay,
  paintStates,
  repaintChanged,
} from './viewer-paint';
import { type SpaceRecord, SpatialGrid, spaceRecord } from './viewer-records';

export type { SpaceRecord } from './viewer-records';

/**
 * Framework-free Konva drawing of one floor for choosing a space. The Angular component wraps it; the
 * benchmark drives it directly, so what is measured is what ships. Stage, view, zoom and pinch are the
 * shared `PlanStage`; the drawing is in `viewer-paint.ts`.
 *
 * Spaces are not one Konva node each: 2,000 nodes cost ~46 ms per redraw in software rendering. Instead
 * every space has a plain record, the records are bucketed by state, and one `Konva.Shape` per layer
 * draws each bucket as a single path. An availability change repaints only the changed spaces: it
 * clears their boxes on the state layer's canvas and redraws, clipped to those boxes, the few spaces
 * that touch them (found through a grid index). Pan, zoom and filters redraw in full. Hit-testing uses
 * the pure geometry in `shared-domain`, so no layer needs a hit canvas.
 */

export interface FloorPlanRendererOptions {
  onSelect?: (spaceId: string) => void;
  onHover?: (spaceId: string | null) => void;
  onViewChange?: (view: ViewTransform) => void;
}

/** State of a space the availability does not mention (e.g. added a moment ago): not bookable. */
const UNKNOWN_STATE: SpaceState = 'unavailable';
const TAP_SLOP_PX = 6;
/** Beyond this share of changed spaces one full redraw is cheaper than many small ones. */
const PARTIAL_REPAINT_LIMIT = 0.25;

export class FloorPlanRenderer {
  readonly plan: PlanStage;
  private readonly zoneLayer = new Konva.Layer({ listening: false });
  /** Fills, outlines and state symbols: the only layer an availability change redraws. */
  readonly stateLayer = new Konva.Layer({ listening: false });
  private readonly labelLayer = new Konva.Layer({ listening: false });
  private readonly overlayLayer = new Konva.Layer({ listening: false });

  private readonly spaces = new Map<string, SpaceRecord>();
  /** Draw order of the records (floor order), for hit-testing topmost-first. */
  private ordered: SpaceRecord[] = [];
  private readonly buckets = new Map<BucketKey, Set<SpaceRecord>>();
  /** Labels grouped by natural font size. */
  private labelGroups: { size: number; records: SpaceRecord[] }[] = [];
  private grid = new SpatialGrid([]);

  private floor: Floor | null = null;
  private states = new Map<string, SpaceState>();
  private dimmedIds: ReadonlySet<string> = new Set();
  private marks: ReadonlyMap<string, string> = new Map();
  private selectedId: string | null = null;
  private focusedId: string | null = null;
  private hoverId: string | null = null;
  private gesture: { start: Point; last: Point; moved: boolean; touch: boolean } | null = null;

  /** Spaces restyled by the last availability update; for tests and the benchmark. */
  lastChanged: readonly string[] = [];
  /** How the last availability update reached the screen: nothing, a partial repaint or a full draw. */
  lastPaint: 'none' | 'partial' | 'full' = 'none';

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: FloorPlanRendererOptions = {},
  ) {
    this.plan = new PlanStage(container, {
      gestures: 'page',
      zoomRange: { min: 0.5, max: 40 },
      onViewChange: (view) => options.onViewChange?.(view),
      pointer: {
        down: (p, event) => (this.gesture = { start: p, last: p, moved: false, touch: event.pointerType === 'touch' }),
        move: (p, event, pressed) => this.pointerMove(p, event, pressed),
        up: (p, event) => this.pointerUp(p, event),
        cancel: () => (this.gesture = null),
      },
    });
    this.plan.on('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.setHover(null);
    });
    for (const state of SPACE_STATES) {
      this.buckets.set(bucketKey(state, false), new Set());
      this.buckets.set(bucketKey(state, true), new Set());
    }
    const shape = (draw: (ctx: CanvasRenderingContext2D) => void) =>
      new Konva.Shape({ sceneFunc: (ctx) => draw(ctx._context), perfectDrawEnabled: false, listening: false });
    this.stateLayer.add(shape((ctx) => paintStates(ctx, this.buckets, this.plan.scale)));
    this.labelLayer.add(
      shape((ctx) => {
        paintLabels(ctx, this.labelGroups, this.plan.scale);
        paintMarks(ctx, this.marks, this.spaces, this.plan.scale);
      }),
    );
    this.overlayLayer.add(
      shape((ctx) =>
        paintOverlay(
          ctx,
          {
            hover: this.recordOf(this.hoverId),
            selected: this.recordOf(this.selectedId),
            focused: this.recordOf(this.focusedId),
          },
          this.plan.scale,
        ),
      ),
    );
    this.plan.add(this.zoneLayer, this.stateLayer, this.labelLayer, this.overlayLayer);
  }

  get stage(): Konva.Stage {
    return this.plan.stage;
  }

  // ---- data -------------------------------------------------------------------------------------

  setFloor(floor: Floor): void {
    const sameGeometry = this.floor?.id === floor.id && this.floor.version === floor.version;
    this.floor = floor;
    if (!sameGeometry) {
      this.buildSpaces(floor);
      this.buildZones(floor);
      this.plan.setPlan(floor.plan, false);
      this.plan.setBackground(floor.plan.backgroundUrl);
      this.plan.fit(false);
    }
    this.stage.batchDraw();
  }

  /**
   * Applies a new availability answer; restyles only spaces whose state changed. Returns their ids.
   * `sync` draws before returning (the benchmark measures that); otherwise the draw waits for the
   * next animation frame.
   */
  setAvailability(availability: readonly SpaceAvailability[] | null, sync = false): readonly string[] {
    const next = new Map<string, SpaceState>();
    for (const entry of availability ?? []) next.set(entry.spaceId, entry.state);
    this.states = next;
    const changed: SpaceRecord[] = [];
    for (const record of this.ordered) {
      const state = next.get(record.space.id) ?? UNKNOWN_STATE;
      if (state !== record.state) {
        this.move(record, state, record.dimmed);
        changed.push(record);
      }
    }
    this.lastChanged = changed.map((r) => r.space.id);
    if (!changed.length) {
      this.lastPaint = 'none';
    } else if (changed.length <= this.ordered.length * PARTIAL_REPAINT_LIMIT && this.repaint(changed)) {
      this.lastPaint = 'partial';
    } else {
      this.lastPaint = 'full';
      if (sync) this.stateLayer.draw();
      else this.stateLayer.batchDraw();
    }
    return this.lastChanged;
  }

  setDimmed(ids: ReadonlySet<string>): void {
    this.dimmedIds = ids;
    let changed = false;
    for (const record of this.ordered) {
      const dimmed = ids.has(record.space.id);
      if (dimmed !== record.dimmed) {
        this.move(record, record.state, dimmed);
        changed = true;
      }
    }
    if (this.hoverId && ids.has(this.hoverId)) this.setHover(null);
    if (changed) {
      this.stateLayer.batchDraw();
      this.labelLayer.batchDraw();
    }
  }

  /** Short texts drawn on spaces, e.g. a colleague's initials. */
  setMarks(marks: Readonly<Record<string, string>>): void {
    this.marks = new Map(Object.entries(marks).filter(([, text]) => text.trim() !== ''));
    this.labelLayer.batchDraw();
  }

  markOf(id: string): string | null {
    return this.marks.get(id) ?? null;
  }

  setSelected(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.overlayLayer.batchDraw();
  }

  setFocused(id: string | null): void {
    if (id === this.focusedId) return;
    this.focusedId = id;
    if (id) this.ensureVisible(id);
    this.overlayLayer.batchDraw();
  }

  get focused(): string | null {
    return this.focusedId;
  }

  record(id: string): SpaceRecord | undefined {
    return this.spaces.get(id);
  }

  get spaceCount(): number {
    return this.spaces.size;
  }

  stateOf(id: string): SpaceState | undefined {
    return this.spaces.get(id)?.state;
  }

  /** Where keyboard focus should go from the focused space (or start, when nothing is focused). */
  neighbour(direction: Direction | null): string | null {
    const candidates = this.ordered.filter((r) => !r.dimmed).map((r) => ({ id: r.space.id, center: r.center }));
    const from = this.focusedId ? this.spaces.get(this.focusedId) : undefined;
    if (!from || !direction) return firstInReadingOrder(candidates);
    return nearestInDirection(from.center, candidates, direction, from.space.id) ?? from.space.id;
  }

  /** The topmost selectable space at a point in container pixels. */
  spaceAt(screen: Point): string | null {
    const rects = this.ordered.map((r) => r.space);
    return hitTest(this.plan.toPlan(screen), rects, (s) => this.dimmedIds.has(s.id))?.id ?? null;
  }

  /** A space's bounding box in container pixels (null if unknown). */
  screenRect(id: string): ScreenRect | null {
    const record = this.spaces.get(id);
    return record ? screenRectOf(record.box, this.plan.getView()) : null;
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

  /** Synchronous draw of everything, for the benchmark and tests. */
  drawNow(): void {
    this.stage.draw();
  }

  destroy(): void {
    this.plan.destroy();
    this.spaces.clear();
    this.ordered = [];
  }

  get isDestroyed(): boolean {
    return this.plan.isDestroyed;
  }

  // ---- building ---------------------------------------------------------------------------------

  private recordOf(id: string | null): SpaceRecord | undefined {
    return id ? this.spaces.get(id) : undefined;
  }

  private buildSpaces(floor: Floor): void {
    this.spaces.clear();
    for (const bucket of this.buckets.values()) bucket.clear();
    this.ordered = floor.spaces.map((space) => {
      const record = spaceRecord(space, this.states.get(space.id) ?? UNKNOWN_STATE, this.dimmedIds.has(space.id));
      this.spaces.set(space.id, record);
      this.buckets.get(bucketKey(record.state, record.dimmed))?.add(record);
      return record;
    });
    const bySize = new Map<number, SpaceRecord[]>();
    for (const record of this.ordered) {
      const group = bySize.get(record.fontSize) ?? [];
      group.push(record);
      bySize.set(record.fontSize, group);
    }
    this.labelGroups = [...bySize].map(([size, records]) => ({ size, records }));
    this.grid = new SpatialGrid(this.ordered);
    if (this.selectedId && !this.spaces.has(this.selectedId)) this.selectedId = null;
    if (this.focusedId && !this.spaces.has(this.focusedId)) this.focusedId = null;
    this.hoverId = null;
  }

  /** Repaints just the changed spaces on the state layer (false: no canvas yet, draw in full). */
  private repaint(changed: readonly SpaceRecord[]): boolean {
    return repaintChanged(this.stateLayer, changed, this.ordered, this.grid, this.plan.getView());
  }

  private buildZones(floor: Floor): void {
    this.zoneLayer.destroyChildren();
    this.zoneLayer.add(...zoneNodes(floor));
  }

  private move(record: SpaceRecord, state: SpaceState, dimmed: boolean): void {
    this.buckets.get(bucketKey(record.state, record.dimmed))?.delete(record);
    record.state = state;
    record.dimmed = dimmed;
    this.buckets.get(bucketKey(state, dimmed))?.add(record);
  }

  private ensureVisible(id: string): void {
    const record = this.spaces.get(id);
    if (!record) return;
    const { width, height } = this.plan.size();
    const s = this.plan.toScreen(record.center);
    const margin = 24;
    if (s.x < margin || s.y < margin || s.x > width - margin || s.y > height - margin) {
      this.plan.panBy(width / 2 - s.x, height / 2 - s.y);
    }
  }

  private setHover(id: string | null): void {
    if (id === this.hoverId) return;
    this.hoverId = id;
    this.container.style.cursor = id ? 'pointer' : '';
    this.overlayLayer.batchDraw();
    this.options.onHover?.(id);
  }

  // ---- input ------------------------------------------------------------------------------------

  private pointerMove(p: Point, event: PointerEvent, pressed: boolean): void {
    const gesture = this.gesture;
    if (!pressed || !gesture) {
      if (event.pointerType === 'mouse') this.setHover(this.spaceAt(p));
      return;
    }
    if (!gesture.moved && Math.hypot(p.x - gesture.start.x, p.y - gesture.start.y) < TAP_SLOP_PX) return;
    gesture.moved = true;
    // One finger scrolls the page (the browser does that); a mouse or pen drags the plan.
    if (!gesture.touch) this.plan.panBy(p.x - gesture.last.x, p.y - gesture.last.y);
    gesture.last = p;
  }

  private pointerUp(p: Point, event: PointerEvent): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (event.type !== 'pointerup' || !gesture || gesture.moved) return;
    const id = this.spaceAt(p);
    // Touch has no hover: a first tap shows what hovering would (the space's card), a second selects.
    const touch = event.pointerType === 'touch' || event.pointerType === 'pen';
    if (touch && id !== this.hoverId) this.setHover(id);
    else if (id) this.options.onSelect?.(id);
  }
}
