import type { Point } from '@flexdesk/shared-contracts';
import type { ResizeHandle } from '@flexdesk/shared-domain';

/**
 * The editor's pointer gestures as a plain state machine: no Konva, no DOM. The renderer feeds it
 * pointer input (with what lies under the pointer) and carries out the actions it returns — previews
 * while a drag goes on, and edits when it ends. What a press starts depends on the tool, the button,
 * the modifier keys and what is under the pointer; a press becomes a drag only past a few pixels.
 */

export type EditorTool = 'select' | 'pan' | 'desk' | 'row' | 'zone' | 'scale';
export type Handle = ResizeHandle | 'rotate';

/** One pointer event, in container pixels (`p`) and as a (snapped, clamped) plan point (`at`). */
export interface PointerInput {
  p: Point;
  at: Point;
  button: number;
  shift: boolean;
  /** Ctrl or Cmd. */
  toggle: boolean;
  alt: boolean;
}

/** What is under the pointer when it goes down (the renderer's hit tests). */
export interface Hit {
  handle: Handle | null;
  vertex: number | null;
  space: string | null;
}

export interface GestureContext {
  tool: EditorTool;
  spaceHeld: boolean;
  selection: readonly string[];
  zoneId: string | null;
  /** Screen pixels per plan unit, for distances measured on screen. */
  scale: number;
}

export type GestureAction =
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'grabbing' }
  | { type: 'select'; ids: string[] }
  | { type: 'selectZone'; zoneId: string | null }
  | { type: 'chooseVertex'; index: number }
  | { type: 'moveStart' }
  | { type: 'moveTo'; dx: number; dy: number; free: boolean }
  | { type: 'moveEnd' }
  | { type: 'transformTo'; handle: Handle; p: Point; dx: number; dy: number; free: boolean }
  | { type: 'transformEnd'; handle: Handle }
  | { type: 'vertexTo'; zoneId: string; index: number; at: Point }
  | { type: 'vertexEnd'; zoneId: string }
  | { type: 'band'; from: Point; to: Point }
  | { type: 'bandEnd'; from: Point; to: Point; additive: boolean }
  | { type: 'clickEmpty'; p: Point; additive: boolean }
  | { type: 'line'; tool: 'row' | 'scale'; a: Point; b: Point }
  | { type: 'lineEnd'; tool: 'row' | 'scale'; a: Point; b: Point }
  | { type: 'addSpace'; at: Point }
  | { type: 'zoneDraft'; points: readonly Point[]; cursor: Point | null }
  | { type: 'zoneDone'; polygon: Point[] }
  | { type: 'abort' };

export type GestureKind = 'pan' | 'move' | 'transform' | 'band' | 'vertex' | 'line' | 'tap';

interface Gesture {
  kind: GestureKind;
  start: Point;
  last: Point;
  moved: boolean;
  planStart: Point;
  additive: boolean;
  handle: Handle | null;
  zoneId: string | null;
  index: number;
  tool: 'row' | 'scale';
}

export const TAP_SLOP_PX = 4;
/** How close (screen pixels) a click must be to the first point to close a zone. */
export const CLOSE_ZONE_PX = 10;

export class EditorGestures {
  private gesture: Gesture | null = null;
  private draft: Point[] = [];
  private cursor: Point | null = null;

  get active(): GestureKind | null {
    return this.gesture?.kind ?? null;
  }

  get zonePoints(): readonly Point[] {
    return this.draft;
  }

  get drawingZone(): boolean {
    return this.draft.length > 0;
  }

  down(input: PointerInput, hit: Hit, ctx: GestureContext): GestureAction[] {
    const base: Gesture = {
      kind: 'tap',
      start: input.p,
      last: input.p,
      moved: false,
      planStart: input.at,
      additive: input.shift,
      handle: null,
      zoneId: null,
      index: -1,
      tool: 'row',
    };
    if (input.button === 1 || input.button === 2 || ctx.spaceHeld || ctx.tool === 'pan') {
      this.gesture = { ...base, kind: 'pan' };
      return input.button === 2 ? [] : [{ type: 'grabbing' }];
    }
    if (input.button !== 0) return [];
    switch (ctx.tool) {
      case 'row':
      case 'scale':
        this.gesture = { ...base, kind: 'line', tool: ctx.tool };
        return [{ type: 'line', tool: ctx.tool, a: input.at, b: input.at }];
      case 'desk':
      case 'zone':
        this.gesture = base;
        return [];
      default:
        break;
    }
    if (hit.handle) {
      this.gesture = { ...base, kind: 'transform', handle: hit.handle };
      return [];
    }
    if (hit.vertex !== null && ctx.zoneId) {
      this.gesture = { ...base, kind: 'vertex', zoneId: ctx.zoneId, index: hit.vertex };
      return [{ type: 'chooseVertex', index: hit.vertex }];
    }
    if (hit.space) {
      const selected = ctx.selection.includes(hit.space);
      if (input.shift || input.toggle) {
        this.gesture = base;
        const ids = selected ? ctx.selection.filter((s) => s !== hit.space) : [...ctx.selection, hit.space];
        return [{ type: 'select', ids }];
      }
      this.gesture = { ...base, kind: 'move' };
      return selected ? [] : [{ type: 'select', ids: [hit.space] }];
    }
    this.gesture = { ...base, kind: 'band' };
    return [];
  }

  /** A pointer moving without being pressed (mouse hover): only the zone being drawn follows it. */
  hover(input: PointerInput, ctx: GestureContext): GestureAction[] {
    if (ctx.tool !== 'zone' || !this.draft.length) return [];
    this.cursor = input.at;
    return [this.draftAction()];
  }

  move(input: PointerInput, ctx: GestureContext): GestureAction[] {
    const g = this.gesture;
    if (!g) return [];
    const { p } = input;
    if (!g.moved && Math.hypot(p.x - g.start.x, p.y - g.start.y) < TAP_SLOP_PX) return [];
    const first = !g.moved;
    g.moved = true;
    const last = g.last;
    g.last = p;
    const dx = p.x - g.start.x;
    const dy = p.y - g.start.y;
    switch (g.kind) {
      case 'pan':
        return [{ type: 'pan', dx: p.x - last.x, dy: p.y - last.y }];
      case 'move': {
        const to: GestureAction = { type: 'moveTo', dx: dx / ctx.scale, dy: dy / ctx.scale, free: input.alt };
        return first ? [{ type: 'moveStart' }, to] : [to];
      }
      case 'transform':
        return [
          {
            type: 'transformTo',
            handle: g.handle as Handle,
            p,
            dx: dx / ctx.scale,
            dy: dy / ctx.scale,
            free: input.shift,
          },
        ];
      case 'vertex':
        return [{ type: 'vertexTo', zoneId: g.zoneId as string, index: g.index, at: input.at }];
      case 'band':
        return [{ type: 'band', from: g.planStart, to: input.at }];
      case 'line':
        return [{ type: 'line', tool: g.tool, a: g.planStart, b: input.at }];
      default:
        return [];
    }
  }

  up(input: PointerInput, ctx: GestureContext, cancelled = false): GestureAction[] {
    const g = this.gesture;
    this.gesture = null;
    if (!g) return [];
    if (cancelled) return [{ type: 'abort' }];
    switch (g.kind) {
      case 'pan':
        return [];
      case 'move':
        return g.moved ? [{ type: 'moveEnd' }] : [{ type: 'abort' }];
      case 'transform':
        return g.moved ? [{ type: 'transformEnd', handle: g.handle as Handle }] : [{ type: 'abort' }];
      case 'vertex':
        return g.moved
          ? [{ type: 'vertexEnd', zoneId: g.zoneId as string }]
          : [{ type: 'selectZone', zoneId: g.zoneId }];
      case 'band':
        return g.moved
          ? [{ type: 'bandEnd', from: g.planStart, to: input.at, additive: g.additive }]
          : g.additive
            ? []
            : [{ type: 'clickEmpty', p: input.p, additive: false }];
      case 'line': {
        const a = g.planStart;
        const b = g.moved ? input.at : a;
        return a.x !== b.x || a.y !== b.y ? [{ type: 'lineEnd', tool: g.tool, a, b }] : [{ type: 'abort' }];
      }
      case 'tap':
        return g.moved ? [] : this.tap(input, ctx);
    }
  }

  /** A second finger took over, or the tool changed: forget the press (the zone draft stays). */
  abort(): GestureAction[] {
    const had = this.gesture !== null && this.gesture.kind !== 'pan';
    this.gesture = null;
    return had ? [{ type: 'abort' }] : [];
  }

  /** Double click with the zone tool closes the zone (the second click's extra point removed). */
  doubleClick(ctx: GestureContext): GestureAction[] {
    if (ctx.tool !== 'zone') return [];
    if (this.draft.length >= 2) {
      const [a, b] = this.draft.slice(-2);
      if (Math.hypot(a.x - b.x, a.y - b.y) * ctx.scale <= TAP_SLOP_PX) this.draft = this.draft.slice(0, -1);
    }
    return this.finishZone();
  }

  /** Closes the zone being drawn; nothing with fewer than three points. */
  finishZone(): GestureAction[] {
    if (this.draft.length < 3) return [];
    const polygon = this.draft;
    this.cancelDrawing();
    return [this.draftAction(), { type: 'zoneDone', polygon }];
  }

  undoZonePoint(): GestureAction[] {
    this.draft = this.draft.slice(0, -1);
    return [this.draftAction()];
  }

  cancelDrawing(): void {
    this.draft = [];
    this.cursor = null;
    if (this.gesture && this.gesture.kind !== 'pan') this.gesture = null;
  }

  private tap(input: PointerInput, ctx: GestureContext): GestureAction[] {
    if (ctx.tool === 'desk') return [{ type: 'addSpace', at: input.at }];
    if (ctx.tool !== 'zone') return [];
    const first = this.draft[0];
    if (first && this.draft.length >= 3) {
      const close = { x: (first.x - input.at.x) * ctx.scale, y: (first.y - input.at.y) * ctx.scale };
      if (Math.hypot(close.x, close.y) <= CLOSE_ZONE_PX) return this.finishZone();
    }
    this.draft = [...this.draft, input.at];
    this.cursor = null;
    return [this.draftAction()];
  }

  private draftAction(): GestureAction {
    return { type: 'zoneDraft', points: this.draft, cursor: this.cursor };
  }
}
