import Konva from 'konva';
import {
  SPACE_STATES,
  type Floor,
  type Point,
  type Space,
  type SpaceAvailability,
  type SpaceState,
} from '@flexdesk/shared-contracts';
import {
  type Direction,
  type ViewTransform,
  firstInReadingOrder,
  fitTransform,
  hitTest,
  nearestInDirection,
  polygonBounds,
  rotatedCenter,
  rotatedCorners,
  zoomAround,
} from '@flexdesk/shared-domain';
import { DIMMED_OPACITY, FOCUS_COLOR, SELECTION_COLOR, STATE_FILL, STATE_INK } from './floor-plan-style';
import { traceSpace } from './space-path';

/**
 * Framework-free Konva drawing of one floor. The Angular component wraps it; the benchmark drives it
 * directly, so what is measured is what ships.
 *
 * Spaces are not one Konva node each: 2,000 nodes cost ~46 ms per redraw in software rendering. Instead
 * every space has a plain record (kept in `spaces`), the records are bucketed by state, and one
 * `Konva.Shape` per layer draws each bucket as a single path with one fill and one stroke. Even that
 * costs 15–30 ms for 2,000 spaces in software rendering, so an availability change repaints only the
 * changed spaces: it clears their boxes on the state layer's canvas and redraws, clipped to those boxes,
 * the few spaces that touch them (found through a grid index). Pan, zoom and filters redraw in full.
 * Hit-testing uses the pure geometry in `shared-domain`, so no layer needs a hit canvas.
 */

export interface SpaceRecord {
  readonly space: Space;
  /** Rotated corners, flattened: x0 y0 x1 y1 x2 y2 x3 y3. */
  readonly corners: readonly number[];
  readonly center: Point;
  /** Centre and radius of the state symbol (plan units). */
  readonly symbol: { x: number; y: number; r: number };
  readonly fontSize: number;
  /** Axis-aligned bounds of the rotated box, plan units. */
  readonly box: { minX: number; minY: number; maxX: number; maxY: number };
  state: SpaceState;
  dimmed: boolean;
}

export interface FloorPlanRendererOptions {
  onSelect?: (spaceId: string) => void;
  onHover?: (spaceId: string | null) => void;
  onViewChange?: (view: ViewTransform) => void;
}

/** State of a space the availability does not mention (e.g. added a moment ago): not bookable. */
const UNKNOWN_STATE: SpaceState = 'unavailable';
const TAP_SLOP_PX = 6;
const MIN_LABEL_PX = 6;
const KEY_ZOOM = 1.25;
/** Screen pixels around a space that its outline and focus ring may paint into. */
const PAINT_MARGIN_PX = 3;
/** Beyond this share of changed spaces one full redraw is cheaper than many small ones. */
const PARTIAL_REPAINT_LIMIT = 0.25;

type BucketKey = `${SpaceState}:${0 | 1}`;
const bucketKey = (state: SpaceState, dimmed: boolean): BucketKey => `${state}:${dimmed ? 1 : 0}`;

export class FloorPlanRenderer {
  readonly stage: Konva.Stage;
  private readonly backgroundLayer = new Konva.Layer({ listening: false });
  private readonly zoneLayer = new Konva.Layer({ listening: false });
  /** Fills, outlines and state symbols: the only layer an availability change redraws. */
  readonly stateLayer = new Konva.Layer({ listening: false });
  private readonly labelLayer = new Konva.Layer({ listening: false });
  private readonly overlayLayer = new Konva.Layer({ listening: false });

  private readonly spaces = new Map<string, SpaceRecord>();
  /** Draw order of the records (floor order), for hit-testing topmost-first. */
  private ordered: SpaceRecord[] = [];
  private readonly buckets = new Map<BucketKey, Set<SpaceRecord>>();
  /** Labels grouped by font size, so the font is set once per group rather than once per label. */
  private labelGroups: { size: number; records: SpaceRecord[] }[] = [];
  /** Uniform grid over the plan: cell key → records whose box touches the cell. */
  private grid = new Map<string, SpaceRecord[]>();
  private cellSize = 100;

  private floor: Floor | null = null;
  private states = new Map<string, SpaceState>();
  private dimmedIds: ReadonlySet<string> = new Set();
  private selectedId: string | null = null;
  private focusedId: string | null = null;
  private hoverId: string | null = null;
  private view: ViewTransform = { scale: 1, x: 0, y: 0 };
  private background: HTMLImageElement | null = null;
  private readonly pointers = new Map<number, Point>();
  private gesture: { start: Point; moved: boolean; pinchDistance: number | null; last: Point } | null = null;
  private readonly listeners: [string, EventListener][] = [];
  private destroyed = false;

  /** Spaces restyled by the last availability update; for tests and the benchmark. */
  lastChanged: readonly string[] = [];
  /** How the last availability update reached the screen: nothing, a partial repaint or a full draw. */
  lastPaint: 'none' | 'partial' | 'full' = 'none';

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: FloorPlanRendererOptions = {},
  ) {
    this.stage = new Konva.Stage({
      container,
      width: Math.max(1, container.clientWidth),
      height: Math.max(1, container.clientHeight),
      listening: false,
    });
    for (const state of SPACE_STATES) {
      this.buckets.set(bucketKey(state, false), new Set());
      this.buckets.set(bucketKey(state, true), new Set());
    }
    this.stateLayer.add(
      new Konva.Shape({
        sceneFunc: (ctx) => this.drawStates(ctx._context),
        perfectDrawEnabled: false,
        listening: false,
      }),
    );
    this.labelLayer.add(
      new Konva.Shape({
        sceneFunc: (ctx) => this.drawLabels(ctx._context),
        perfectDrawEnabled: false,
        listening: false,
      }),
    );
    this.overlayLayer.add(
      new Konva.Shape({
        sceneFunc: (ctx) => this.drawOverlay(ctx._context),
        perfectDrawEnabled: false,
        listening: false,
      }),
    );
    this.stage.add(this.backgroundLayer, this.zoneLayer, this.stateLayer, this.labelLayer, this.overlayLayer);
    this.listen();
  }

  // ---- data -------------------------------------------------------------------------------------

  setFloor(floor: Floor): void {
    const sameGeometry = this.floor?.id === floor.id && this.floor.version === floor.version;
    this.floor = floor;
    if (!sameGeometry) {
      this.buildSpaces(floor);
      this.buildZones(floor);
      this.loadBackground(floor.plan.backgroundUrl);
      this.fit(false);
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
      this.redraw(this.stateLayer, sync);
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
    const plan = { x: (screen.x - this.view.x) / this.view.scale, y: (screen.y - this.view.y) / this.view.scale };
    const rects = this.ordered.map((r) => r.space);
    return hitTest(plan, rects, (s) => this.dimmedIds.has(s.id))?.id ?? null;
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
    const plan = this.floor?.plan;
    if (!plan) return;
    this.setView(fitTransform(plan, this.size()), notify);
  }

  /** Zooms around a point in container pixels (the centre when omitted). */
  zoomBy(factor: number, anchor?: Point): void {
    const size = this.size();
    this.setView(this.zoomed(anchor ?? { x: size.width / 2, y: size.height / 2 }, factor));
  }

  /** Limits relative to the whole-plan view: half of it out, 40 times in (or 4 px per plan unit). */
  private zoomed(anchor: Point, factor: number): ViewTransform {
    const plan = this.floor?.plan;
    const whole = plan ? fitTransform(plan, this.size()).scale : 1;
    return zoomAround(this.view, anchor, factor, whole / 2, Math.max(whole * 40, 4));
  }

  zoomIn(): void {
    this.zoomBy(KEY_ZOOM);
  }

  zoomOut(): void {
    this.zoomBy(1 / KEY_ZOOM);
  }

  /** Keeps the plan point that was in the middle in the middle when the container changes size. */
  resize(width: number, height: number): void {
    const old = this.size();
    width = Math.max(1, Math.round(width));
    height = Math.max(1, Math.round(height));
    if (width === old.width && height === old.height) return;
    this.stage.size({ width, height });
    this.setView({
      scale: this.view.scale,
      x: this.view.x + (width - old.width) / 2,
      y: this.view.y + (height - old.height) / 2,
    });
  }

  /** Synchronous draw of everything, for the benchmark and tests. */
  drawNow(): void {
    this.stage.draw();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const [type, listener] of this.listeners) this.container.removeEventListener(type, listener);
    this.listeners.length = 0;
    if (this.background) this.background.onload = null;
    this.stage.destroy();
    this.spaces.clear();
    this.ordered = [];
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  // ---- building ---------------------------------------------------------------------------------

  private buildSpaces(floor: Floor): void {
    this.spaces.clear();
    for (const bucket of this.buckets.values()) bucket.clear();
    this.ordered = floor.spaces.map((space) => {
      const corners = rotatedCorners(space).flatMap((p) => [p.x, p.y]);
      const r = Math.min(space.width, space.height) * 0.17;
      const rad = (space.rotation * Math.PI) / 180;
      // Symbol in the top-right corner of the unrotated box, so the centred label stays readable.
      const lx = space.width - r * 1.35;
      const ly = r * 1.35;
      const xs = [corners[0], corners[2], corners[4], corners[6]];
      const ys = [corners[1], corners[3], corners[5], corners[7]];
      const record: SpaceRecord = {
        space,
        corners,
        box: { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) },
        center: rotatedCenter(space),
        symbol: {
          x: space.x + lx * Math.cos(rad) - ly * Math.sin(rad),
          y: space.y + lx * Math.sin(rad) + ly * Math.cos(rad),
          r,
        },
        fontSize: Math.max(4, Math.round(Math.min(space.height * 0.3, space.width * 0.22, 18))),
        state: this.states.get(space.id) ?? UNKNOWN_STATE,
        dimmed: this.dimmedIds.has(space.id),
      };
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
    this.buildGrid();
    if (this.selectedId && !this.spaces.has(this.selectedId)) this.selectedId = null;
    if (this.focusedId && !this.spaces.has(this.focusedId)) this.focusedId = null;
    this.hoverId = null;
  }

  private buildGrid(): void {
    this.grid.clear();
    const sizes = this.ordered.map((r) => Math.max(r.space.width, r.space.height)).sort((a, b) => a - b);
    this.cellSize = Math.max(1, (sizes[Math.floor(sizes.length / 2)] ?? 50) * 2);
    for (const record of this.ordered) {
      this.forCells(record.box, (key) => {
        const cell = this.grid.get(key);
        if (cell) cell.push(record);
        else this.grid.set(key, [record]);
      });
    }
  }

  private forCells(box: SpaceRecord['box'], visit: (key: string) => void): void {
    const size = this.cellSize;
    for (let cx = Math.floor(box.minX / size); cx <= Math.floor(box.maxX / size); cx++) {
      for (let cy = Math.floor(box.minY / size); cy <= Math.floor(box.maxY / size); cy++) visit(`${cx},${cy}`);
    }
  }

  /**
   * Paints the changed spaces straight onto the state layer's canvas: clip to their boxes, clear, and
   * redraw every space touching those boxes in the usual order. False when the layer cannot be
   * painted that way (no canvas yet), so the caller draws in full.
   */
  private repaint(changed: readonly SpaceRecord[]): boolean {
    const canvas = this.stateLayer.getCanvas();
    const ctx = canvas?.getContext()?._context;
    if (!ctx || this.stateLayer.isCached?.()) return false;
    const { scale, x, y } = this.view;
    const ratio = canvas.getPixelRatio();
    const margin = PAINT_MARGIN_PX / scale;
    const dirty = changed.map(({ box }) => ({
      minX: box.minX - margin,
      minY: box.minY - margin,
      maxX: box.maxX + margin,
      maxY: box.maxY + margin,
    }));
    const affected = new Set<SpaceRecord>();
    for (const area of dirty) {
      this.forCells(area, (key) => {
        for (const record of this.grid.get(key) ?? []) {
          const b = record.box;
          if (b.maxX >= area.minX && b.minX <= area.maxX && b.maxY >= area.minY && b.minY <= area.maxY) {
            affected.add(record);
          }
        }
      });
    }
    const groups = new Map<BucketKey, SpaceRecord[]>();
    // Floor order within each bucket, as in a full draw.
    for (const record of this.ordered) {
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
    this.paintStates(ctx, groups);
    ctx.restore();
    return true;
  }

  private buildZones(floor: Floor): void {
    this.zoneLayer.destroyChildren();
    const fontSize = Math.max(10, Math.min(40, floor.plan.width / 90));
    for (const zone of floor.zones) {
      if (zone.polygon.length < 3) continue;
      this.zoneLayer.add(
        new Konva.Line({
          points: zone.polygon.flatMap((p) => [p.x, p.y]),
          closed: true,
          fill: zone.color,
          opacity: 0.14,
          listening: false,
          perfectDrawEnabled: false,
        }),
        new Konva.Line({
          points: zone.polygon.flatMap((p) => [p.x, p.y]),
          closed: true,
          stroke: zone.color,
          strokeWidth: 2,
          strokeScaleEnabled: false,
          listening: false,
          perfectDrawEnabled: false,
        }),
      );
      const bounds = polygonBounds(zone.polygon);
      this.zoneLayer.add(
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
      );
    }
  }

  private loadBackground(url: string | null): void {
    this.backgroundLayer.destroyChildren();
    if (this.background) this.background.onload = null;
    this.background = null;
    const plan = this.floor?.plan;
    if (!url || !plan || typeof Image === 'undefined') return;
    const image = new Image();
    image.onload = () => {
      if (this.destroyed || this.background !== image) return;
      this.backgroundLayer.add(
        new Konva.Image({ image, x: 0, y: 0, width: plan.width, height: plan.height, listening: false }),
      );
      this.backgroundLayer.batchDraw();
    };
    image.src = url;
    this.background = image;
  }

  private move(record: SpaceRecord, state: SpaceState, dimmed: boolean): void {
    this.buckets.get(bucketKey(record.state, record.dimmed))?.delete(record);
    record.state = state;
    record.dimmed = dimmed;
    this.buckets.get(bucketKey(state, dimmed))?.add(record);
  }

  private redraw(layer: Konva.Layer, sync: boolean): void {
    if (sync) layer.draw();
    else layer.batchDraw();
  }

  private size(): { width: number; height: number } {
    return { width: this.stage.width(), height: this.stage.height() };
  }

  private ensureVisible(id: string): void {
    const record = this.spaces.get(id);
    if (!record) return;
    const { width, height } = this.size();
    const sx = record.center.x * this.view.scale + this.view.x;
    const sy = record.center.y * this.view.scale + this.view.y;
    const margin = 24;
    if (sx < margin || sy < margin || sx > width - margin || sy > height - margin) {
      this.setView({
        ...this.view,
        x: width / 2 - record.center.x * this.view.scale,
        y: height / 2 - record.center.y * this.view.scale,
      });
    }
  }

  private setHover(id: string | null): void {
    if (id === this.hoverId) return;
    this.hoverId = id;
    this.container.style.cursor = id ? 'pointer' : '';
    this.overlayLayer.batchDraw();
    this.options.onHover?.(id);
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private drawStates(ctx: CanvasRenderingContext2D): void {
    this.paintStates(ctx, this.buckets);
  }

  private paintStates(
    ctx: CanvasRenderingContext2D,
    buckets: ReadonlyMap<BucketKey, Iterable<SpaceRecord> & { size?: number; length?: number }>,
  ): void {
    const px = 1 / this.view.scale;
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
        this.drawSymbols(ctx, state, bucket, px);
      }
    }
    ctx.globalAlpha = 1;
  }

  /** One path per state: free ○, partial ◐, booked ✕, mine ★, unavailable ⊘ plus a slash across the space. */
  private drawSymbols(
    ctx: CanvasRenderingContext2D,
    state: SpaceState,
    bucket: Iterable<SpaceRecord>,
    px: number,
  ): void {
    ctx.strokeStyle = STATE_INK[state];
    ctx.fillStyle = STATE_INK[state];
    ctx.lineWidth = 1.75 * px;
    ctx.beginPath();
    switch (state) {
      case 'free':
        for (const { symbol: s } of bucket) {
          ctx.moveTo(s.x + s.r, s.y);
          ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
        }
        ctx.stroke();
        break;
      case 'partial':
        for (const { symbol: s } of bucket) {
          ctx.moveTo(s.x + s.r, s.y);
          ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
        }
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
            const x = s.x + rr * Math.cos(a);
            const y = s.y + rr * Math.sin(a);
            if (i === 0) ctx.moveTo(x, y);
            else ctx.lineTo(x, y);
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

  private drawLabels(ctx: CanvasRenderingContext2D): void {
    const scale = this.view.scale;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#111111';
    for (const group of this.labelGroups) {
      // Labels smaller than this are unreadable noise and cost most of a zoomed-out frame.
      if (group.size * scale < MIN_LABEL_PX) continue;
      ctx.font = `${group.size}px system-ui, sans-serif`;
      for (const record of group.records) {
        ctx.globalAlpha = record.dimmed ? DIMMED_OPACITY : 1;
        ctx.fillText(record.space.label, record.center.x, record.center.y, Math.max(record.space.width * 0.62, 1));
      }
    }
    ctx.globalAlpha = 1;
  }

  private drawOverlay(ctx: CanvasRenderingContext2D): void {
    const px = 1 / this.view.scale;
    const outline = (id: string | null, color: string, width: number, dash: number[]) => {
      const record = id ? this.spaces.get(id) : undefined;
      if (!record) return;
      ctx.beginPath();
      traceSpace(ctx, record.corners, record.space);
      ctx.setLineDash(dash.map((d) => d * px));
      ctx.strokeStyle = color;
      ctx.lineWidth = width * px;
      ctx.stroke();
    };
    outline(this.hoverId, '#555555', 2, []);
    // White under black keeps the selection visible on any fill and on the background image.
    outline(this.selectedId, '#ffffff', 6, []);
    outline(this.selectedId, SELECTION_COLOR, 3, []);
    outline(this.focusedId, FOCUS_COLOR, 2.5, [6, 4]);
    ctx.setLineDash([]);
  }

  // ---- input ------------------------------------------------------------------------------------

  private on<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
    passive = true,
  ): void {
    const wrapped = listener as EventListener;
    this.container.addEventListener(type, wrapped, { passive });
    this.listeners.push([type, wrapped]);
  }

  private local(event: { clientX: number; clientY: number }): Point {
    const box = this.container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
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
    this.on('pointerdown', (event) => {
      this.pointers.set(event.pointerId, this.local(event));
      this.container.setPointerCapture?.(event.pointerId);
      const p = this.local(event);
      if (this.pointers.size === 1) {
        this.gesture = { start: p, last: p, moved: false, pinchDistance: null };
      } else if (this.pointers.size === 2 && this.gesture) {
        const pinch = this.pinch();
        this.gesture.moved = true;
        this.gesture.pinchDistance = pinch?.distance ?? null;
        if (pinch) this.gesture.last = pinch.center;
      }
    });
    this.on('pointermove', (event) => {
      const p = this.local(event);
      if (!this.pointers.has(event.pointerId)) {
        if (event.pointerType === 'mouse') this.setHover(this.spaceAt(p));
        return;
      }
      this.pointers.set(event.pointerId, p);
      const gesture = this.gesture;
      if (!gesture) return;
      if (this.pointers.size >= 2) {
        const pinch = this.pinch();
        if (pinch && gesture.pinchDistance) {
          const zoomed = this.zoomed(pinch.center, pinch.distance / gesture.pinchDistance);
          gesture.pinchDistance = pinch.distance;
          this.setView({
            ...zoomed,
            x: zoomed.x + pinch.center.x - gesture.last.x,
            y: zoomed.y + pinch.center.y - gesture.last.y,
          });
          gesture.last = pinch.center;
        }
        return;
      }
      if (!gesture.moved && Math.hypot(p.x - gesture.start.x, p.y - gesture.start.y) < TAP_SLOP_PX) return;
      gesture.moved = true;
      this.setView({ ...this.view, x: this.view.x + p.x - gesture.last.x, y: this.view.y + p.y - gesture.last.y });
      gesture.last = p;
    });
    const end = (event: PointerEvent) => {
      const gesture = this.gesture;
      this.pointers.delete(event.pointerId);
      if (this.pointers.size > 0) {
        // One finger left after a pinch: continue panning from where it is.
        const [rest] = this.pointers.values();
        if (gesture) gesture.last = rest;
        return;
      }
      this.gesture = null;
      if (event.type === 'pointerup' && gesture && !gesture.moved) {
        const id = this.spaceAt(this.local(event));
        // Touch has no hover: a first tap shows what hovering would (the space's card), a second selects.
        const touch = event.pointerType === 'touch' || event.pointerType === 'pen';
        if (touch && id !== this.hoverId) this.setHover(id);
        else if (id) this.options.onSelect?.(id);
      }
    };
    this.on('pointerup', end);
    this.on('pointercancel', end);
    this.on('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.setHover(null);
    });
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
