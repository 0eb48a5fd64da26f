import type { LayoutSpace, Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  type SpacePatch,
  insertVertex,
  moveVertex,
  nearestEdge,
  pointInPolygon,
  rectFromPoints,
  selectionBounds,
  spacesInRect,
} from '@flexdesk/shared-domain';
import { dragDelta, nearbyBounds, nearestWithin, transformSpace } from './editor-drag';
import { EditorGestures, type EditorTool, type GestureAction, type Handle, type PointerInput } from './editor-gestures';
import { handlePoints } from './editor-paint';
import type { EditorRenderer } from './editor-renderer';
import type { PlanPointerHandler } from './plan-stage';

const SNAP_PX = 8;
const EDGE_HIT_PX = 8;
const VERTEX_HIT_PX = 10;
const HANDLE_HIT_PX = 10;
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
export const TOOL_CURSOR: Record<EditorTool, string> = {
  select: 'default',
  pan: 'grab',
  desk: 'copy',
  row: 'crosshair',
  zone: 'crosshair',
  scale: 'crosshair',
};

/**
 * The editor canvas's pointer side: feeds pointer input to the Konva-free `EditorGestures` and carries
 * out the actions it returns on the renderer — previews during a drag (the drag layer's offset, the
 * resized space, guides, rubber band, lines, the zone draft) and edits when it ends.
 */
export class EditorInteraction {
  readonly gestures = new EditorGestures();
  /** Replaces the single selected space while it is resized or rotated. */
  preview: LayoutSpace | null = null;
  private move: { bounds: Bounds; others: Bounds[]; delta: Point } | null = null;

  constructor(private readonly r: EditorRenderer) {}

  /** What the plan stage hands over: one pointer at a time. */
  readonly pointer: PlanPointerHandler = {
    down: (p, e) => {
      if (this.r.dragLayer.x() !== 0 || this.r.dragLayer.y() !== 0) this.abort();
      this.run(this.gestures.down(this.input(p, e), this.hitAt(p), this.context()));
    },
    move: (p, e, pressed) => (pressed ? this.pressedMove(p, e) : this.hover(p, e)),
    up: (p, e) => {
      this.run(this.gestures.up(this.input(p, e), this.context(), e.type === 'pointercancel'));
      this.r.updateCursor();
    },
    cancel: () => this.run(this.gestures.abort()),
  };

  input(p: Point, event: PointerEvent | MouseEvent): PointerInput {
    return {
      p,
      at: this.r.drawPoint(p),
      button: event.button ?? 0,
      shift: event.shiftKey,
      toggle: event.ctrlKey || event.metaKey,
      alt: event.altKey,
    };
  }

  context() {
    return {
      tool: this.r.tool,
      spaceHeld: this.r.spaceHeld,
      selection: this.r.selection,
      zoneId: this.r.scene.selectedZoneId,
      scale: this.r.plan.scale,
    };
  }

  hitAt(p: Point) {
    if (this.r.tool !== 'select' || this.r.spaceHeld) return { handle: null, vertex: null, space: null };
    return { handle: this.handleAt(p), vertex: this.vertexAt(p), space: this.r.spaceAt(p) };
  }

  pressedMove(p: Point, event: PointerEvent): void {
    this.run(this.gestures.move(this.input(p, event), this.context()));
  }

  hover(p: Point, event: PointerEvent): void {
    this.run(this.gestures.hover(this.input(p, event), this.context()));
    if (event.pointerType === 'mouse' && this.r.tool === 'select' && !this.r.spaceHeld) {
      const handle = this.handleAt(p);
      const cursor = handle
        ? HANDLE_CURSOR[handle]
        : this.vertexAt(p) !== null
          ? 'pointer'
          : this.r.spaceAt(p)
            ? 'move'
            : TOOL_CURSOR.select;
      if (this.r.container.style.cursor !== cursor) this.r.container.style.cursor = cursor;
    }
  }

  doubleClick(p: Point): void {
    if (this.r.tool === 'zone') return this.run(this.gestures.doubleClick(this.context()));
    if (this.r.tool !== 'select') return;
    const zone = this.r.zone(this.r.scene.selectedZoneId);
    if (!zone || this.vertexAt(p) !== null) return;
    const edge = nearestEdge(zone.polygon, this.r.toPlan(p), EDGE_HIT_PX / this.r.plan.scale);
    if (!edge) return;
    this.r.scene.selectedVertex = edge.index + 1;
    this.r.emit({ kind: 'zoneVertices', zoneId: zone.id, polygon: insertVertex(zone.polygon, edge.index, edge.point) });
  }

  /** Carries out what the gesture machine decided. */
  run(actions: readonly GestureAction[]): void {
    for (const action of actions) this.apply(action);
  }

  apply(a: GestureAction): void {
    const s = this.r.scene;
    switch (a.type) {
      case 'pan':
        return this.r.plan.panBy(a.dx, a.dy);
      case 'grabbing':
        this.r.container.style.cursor = 'grabbing';
        return;
      case 'select':
        return this.select(a.ids);
      case 'selectZone':
        return this.r.emit({ kind: 'selectZone', zoneId: a.zoneId });
      case 'chooseVertex':
        s.selectedVertex = a.index;
        this.r.overlayLayer.batchDraw();
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
        return this.r.emit({ kind: rotate ? 'rotate' : 'resize', patches: [patch] });
      }
      case 'vertexTo': {
        const zone = this.r.zone(a.zoneId);
        if (!zone) return;
        s.zonePreview = { zoneId: zone.id, polygon: moveVertex(zone.polygon, a.index, a.at) };
        this.r.zoneLayer.batchDraw();
        this.r.overlayLayer.batchDraw();
        return;
      }
      case 'vertexEnd':
        if (s.zonePreview) this.r.emit({ kind: 'zoneVertices', ...s.zonePreview });
        return;
      case 'band':
        s.band = rectFromPoints(a.from, a.to);
        this.r.overlayLayer.batchDraw();
        return;
      case 'bandEnd': {
        s.band = null;
        this.r.overlayLayer.batchDraw();
        const hit = spacesInRect(
          this.r.records.map((r) => r.space),
          rectFromPoints(a.from, a.to),
        );
        return this.select(a.additive ? [...new Set([...this.r.selected, ...hit])] : hit);
      }
      case 'clickEmpty': {
        const zone = this.zoneAt(a.p);
        if (this.r.selected.size) this.select([]);
        if (zone !== s.selectedZoneId) {
          this.r.setSelectedZone(zone);
          this.r.emit({ kind: 'selectZone', zoneId: zone });
        }
        return;
      }
      case 'line':
        s.line = { a: a.a, b: a.b, tool: a.tool };
        this.r.overlayLayer.batchDraw();
        return;
      case 'lineEnd':
        s.line = null;
        this.r.overlayLayer.batchDraw();
        return this.r.emit(
          a.tool === 'row' ? { kind: 'row', line: { start: a.a, end: a.b } } : { kind: 'scaleLine', a: a.a, b: a.b },
        );
      case 'addSpace':
        return this.r.emit({ kind: 'addSpace', at: a.at });
      case 'zoneDraft':
        s.zoneDraft = a.points;
        s.zoneCursor = a.cursor;
        this.r.overlayLayer.batchDraw();
        return;
      case 'zoneDone':
        return this.r.emit({ kind: 'zone', polygon: a.polygon });
      case 'abort':
        return this.abort();
    }
  }

  select(ids: string[]): void {
    this.r.setSelection(ids);
    this.r.emit({ kind: 'select', ids });
  }

  abort(): void {
    const s = this.r.scene;
    s.guides = [];
    s.band = null;
    s.line = null;
    this.move = null;
    this.preview = null;
    this.r.dragLayer.position({ x: 0, y: 0 });
    this.r.dragLayer.batchDraw();
    if (s.zonePreview) {
      s.zonePreview = null;
      this.r.zoneLayer.batchDraw();
    }
    this.r.overlayLayer.batchDraw();
  }

  beginMove(): void {
    const bounds = selectionBounds(this.r.selectedRecs.map((r) => r.space)) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    const size = this.r.plan.size();
    const reach = Math.max(size.width, size.height) / this.r.plan.scale;
    const others = nearbyBounds(
      bounds,
      this.r.unselectedRecs.map((r) => r.box),
      reach,
    );
    this.move = { bounds, others, delta: { x: 0, y: 0 } };
  }

  /** Shifts the drag layer; neither the layout nor the static layer is touched until the drop. */
  dragTo(dx: number, dy: number, free: boolean): void {
    const plan = this.r.layout?.plan;
    const move = this.move;
    if (!plan || !move) return;
    const spaces = this.r.selectedRecs.map((r) => r.space);
    const snap = { ...this.r.snap, threshold: SNAP_PX / this.r.plan.scale };
    const { delta, guides } = dragDelta(spaces, { x: dx, y: dy }, plan, move.bounds, move.others, snap, free);
    this.r.scene.guides = guides;
    move.delta = delta;
    this.r.dragLayer.position(delta);
    this.r.dragLayer.batchDraw();
    this.r.overlayLayer.batchDraw();
  }

  endMove(): void {
    const delta = this.move?.delta;
    this.move = null;
    this.r.scene.guides = [];
    this.r.overlayLayer.batchDraw();
    if (delta && (delta.x !== 0 || delta.y !== 0)) {
      // The drag layer keeps its offset until the new layout arrives, so nothing jumps back.
      this.r.emit({
        kind: 'move',
        patches: this.r.selectedRecs.map(({ space: s }) => ({ id: s.id, x: s.x + delta.x, y: s.y + delta.y })),
      });
    } else {
      this.abort();
    }
  }

  transformTo(handle: Handle, p: Point, delta: Point, free: boolean): void {
    const space = this.r.selectedRecs[0]?.space;
    if (!space || !this.r.layout) return;
    this.preview = transformSpace(space, handle, this.r.toPlan(p), delta, this.r.snap.grid, free);
    this.r.dragLayer.batchDraw();
    this.r.overlayLayer.batchDraw();
  }

  handleAt(screen: Point): Handle | null {
    const single = this.r.singleSelected();
    if (!single || this.r.tool !== 'select') return null;
    const points = handlePoints(single, this.r.plan.scale).map(([h, p]): [Handle, Point] => [h, this.r.toScreen(p)]);
    return nearestWithin(points, screen, HANDLE_HIT_PX);
  }

  vertexAt(screen: Point): number | null {
    const zone = this.r.zone(this.r.scene.selectedZoneId);
    if (!zone) return null;
    return nearestWithin(
      zone.polygon.map((p, i): [number, Point] => [i, this.r.toScreen(p)]),
      screen,
      VERTEX_HIT_PX,
    );
  }

  zoneAt(screen: Point): string | null {
    const zones = this.r.layout?.zones ?? [];
    const p = this.r.toPlan(screen);
    for (let i = zones.length - 1; i >= 0; i--) if (pointInPolygon(p, zones[i].polygon)) return zones[i].id;
    return null;
  }
}
