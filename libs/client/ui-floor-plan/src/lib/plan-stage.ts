import Konva from 'konva';
import type { Point } from '@flexdesk/shared-contracts';
import {
  type Pinch,
  type ViewTransform,
  fitTransform,
  pinchOf,
  pinchStep,
  toPlan,
  toScreen,
  wheelZoomFactor,
  wheelZooms,
  zoomAround,
  zoomLimits,
} from '@flexdesk/shared-domain';

/**
 * What the wheel and fingers do. `page`: the plan sits in a scrolling page (the booking page), so the
 * wheel scrolls the page and zooms only with Ctrl/Cmd, and one finger scrolls the page while two pan
 * and zoom the plan. `canvas`: the plan is the screen (the editor), so the wheel zooms and one finger
 * is the current tool.
 */
export type PlanGestures = 'page' | 'canvas';

/** Single-pointer input after the stage has taken out what it handles itself (wheel, two fingers). */
export interface PlanPointerHandler {
  down?(p: Point, event: PointerEvent): void;
  /** `pressed`: the pointer that went down; otherwise a hovering mouse or pen. */
  move?(p: Point, event: PointerEvent, pressed: boolean): void;
  /** Also for `pointercancel` (check `event.type`). */
  up?(p: Point, event: PointerEvent): void;
  /** A second finger arrived and pans/zooms now: drop whatever the first one started. */
  cancel?(): void;
}

export interface PlanStageOptions {
  gestures: PlanGestures;
  /** Zoom range as multiples of the whole-plan scale. */
  zoomRange: { min: number; max: number };
  onViewChange?: (view: ViewTransform) => void;
  pointer?: PlanPointerHandler;
}

const KEY_ZOOM = 1.25;

/**
 * The part of a plan every view needs, once: a Konva stage in a container, the view transform (zoom,
 * pan, fit, keep-centre on resize), wheel and pinch zoom, the background image scaled to the plan, and
 * teardown of all of it. The viewer and the editor add their own layers and pointer handling.
 */
export class PlanStage {
  readonly stage: Konva.Stage;
  /** The background image (bottom-most) and any shapes the owner adds above it, e.g. the editor's grid. */
  readonly backgroundLayer = new Konva.Layer({ listening: false });
  private view: ViewTransform = { scale: 1, x: 0, y: 0 };
  private plan: { width: number; height: number } | null = null;
  private image: HTMLImageElement | null = null;
  private imageUrl: string | null = null;
  private imageNode: Konva.Image | null = null;
  private readonly pointers = new Map<number, Point>();
  /** Set while two fingers (or more) are down, and until the last of them lifts. */
  private multi: { last: Pinch | null; anchor: Point } | null = null;
  private readonly listeners: [string, EventListener][] = [];
  private readonly observer: ResizeObserver | null = null;
  private destroyed = false;

  constructor(
    readonly container: HTMLDivElement,
    private readonly options: PlanStageOptions,
  ) {
    this.stage = new Konva.Stage({
      container,
      width: Math.max(1, container.clientWidth),
      height: Math.max(1, container.clientHeight),
      listening: false,
    });
    this.stage.add(this.backgroundLayer);
    this.listen();
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver(([entry]) => {
        if (entry) this.resize(entry.contentRect.width, entry.contentRect.height);
      });
      this.observer.observe(container);
    }
  }

  add(...layers: Konva.Layer[]): void {
    for (const layer of layers) this.stage.add(layer);
  }

  /** The plan's size; a change of size fits the view to it (unless `fit` is false). Returns whether it changed. */
  setPlan(plan: { width: number; height: number }, fit = true): boolean {
    const changed = !this.plan || this.plan.width !== plan.width || this.plan.height !== plan.height;
    this.plan = { width: plan.width, height: plan.height };
    if (changed) {
      this.imageNode?.size(this.plan);
      this.backgroundLayer.batchDraw();
      if (fit) this.fit(false);
    }
    return changed;
  }

  /** Loads an image shown under everything, stretched over the plan; null removes it. */
  setBackground(url: string | null): void {
    if (url === this.imageUrl) return;
    this.imageUrl = url;
    this.imageNode?.destroy();
    this.imageNode = null;
    if (this.image) this.image.onload = null;
    this.image = null;
    this.backgroundLayer.batchDraw();
    if (!url || typeof Image === 'undefined') return;
    const image = new Image();
    image.onload = () => {
      if (this.destroyed || this.image !== image) return;
      this.imageNode = new Konva.Image({ image, x: 0, y: 0, listening: false, ...(this.plan ?? {}) });
      this.backgroundLayer.add(this.imageNode);
      this.imageNode.moveToBottom();
      this.backgroundLayer.batchDraw();
    };
    image.src = url;
    this.image = image;
  }

  get hasBackground(): boolean {
    return this.imageNode !== null;
  }

  // ---- view -------------------------------------------------------------------------------------

  getView(): ViewTransform {
    return { ...this.view };
  }

  get scale(): number {
    return this.view.scale;
  }

  setView(view: ViewTransform, notify = true): void {
    this.view = { ...view };
    this.stage.scale({ x: view.scale, y: view.scale });
    this.stage.position({ x: view.x, y: view.y });
    this.stage.batchDraw();
    if (notify) this.options.onViewChange?.(this.getView());
  }

  fit(notify = true): void {
    if (this.plan) this.setView(fitTransform(this.plan, this.size()), notify);
  }

  /** Zooms around a point in container pixels (the centre when omitted), within the zoom range. */
  zoomBy(factor: number, anchor?: Point): void {
    const size = this.size();
    const { min, max } = this.limits();
    this.setView(zoomAround(this.view, anchor ?? { x: size.width / 2, y: size.height / 2 }, factor, min, max));
  }

  zoomIn(): void {
    this.zoomBy(KEY_ZOOM);
  }

  zoomOut(): void {
    this.zoomBy(1 / KEY_ZOOM);
  }

  panBy(dx: number, dy: number): void {
    if (dx || dy) this.setView({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  /** Keeps the plan point that was in the middle in the middle when the container changes size. */
  resize(width: number, height: number): void {
    const old = this.size();
    width = Math.max(1, Math.round(width));
    height = Math.max(1, Math.round(height));
    if (width === old.width && height === old.height) return;
    this.stage.size({ width, height });
    if (old.width <= 1 || old.height <= 1) return this.fit();
    this.panBy((width - old.width) / 2, (height - old.height) / 2);
  }

  size(): { width: number; height: number } {
    return { width: this.stage.width(), height: this.stage.height() };
  }

  toPlan(screen: Point): Point {
    return toPlan(this.view, screen);
  }

  toScreen(plan: Point): Point {
    return toScreen(this.view, plan);
  }

  /** A point of a mouse or pointer event in container pixels. */
  local(event: { clientX: number; clientY: number }): Point {
    const box = this.container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** Listens on the container until `destroy`. */
  on<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
    passive = true,
  ): void {
    const wrapped = listener as EventListener;
    this.container.addEventListener(type, wrapped, { passive });
    this.listeners.push([type, wrapped]);
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.observer?.disconnect();
    for (const [type, listener] of this.listeners) this.container.removeEventListener(type, listener);
    this.listeners.length = 0;
    if (this.image) this.image.onload = null;
    this.stage.destroy();
  }

  // ---- input ------------------------------------------------------------------------------------

  private limits(): { min: number; max: number } {
    const whole = this.plan ? fitTransform(this.plan, this.size()).scale : 1;
    return zoomLimits(whole, this.options.zoomRange);
  }

  private listen(): void {
    const page = this.options.gestures === 'page';
    // In a page, the browser keeps one-finger scrolling; two fingers are ours (see touchmove below).
    this.container.style.touchAction = page ? 'pan-x pan-y' : 'none';
    this.on(
      'wheel',
      (event) => {
        if (!wheelZooms(this.options.gestures, event)) return;
        event.preventDefault();
        this.zoomBy(wheelZoomFactor(event.deltaY, event.deltaMode), this.local(event));
      },
      false,
    );
    if (page) {
      // Two fingers down before either moved: stop the page scrolling so their pointer events reach
      // the pinch below (once the browser scrolls it would cancel them).
      this.on(
        'touchmove',
        (event) => {
          if (event.touches.length >= 2 && event.cancelable) event.preventDefault();
        },
        false,
      );
    }
    const handler = this.options.pointer ?? {};
    this.on('pointerdown', (event) => {
      const p = this.local(event);
      this.pointers.set(event.pointerId, p);
      if (!page || event.pointerType !== 'touch') this.container.setPointerCapture?.(event.pointerId);
      if (this.pointers.size === 2) {
        handler.cancel?.();
        this.multi = { last: this.pinch(), anchor: p };
      } else if (this.pointers.size === 1 && !this.multi) {
        handler.down?.(p, event);
      }
    });
    this.on('pointermove', (event) => {
      const p = this.local(event);
      if (!this.pointers.has(event.pointerId)) return handler.move?.(p, event, false);
      const previous = this.pointers.get(event.pointerId) as Point;
      this.pointers.set(event.pointerId, p);
      const multi = this.multi;
      if (!multi) return handler.move?.(p, event, true);
      const pinch = this.pinch();
      if (pinch && multi.last) {
        const { min, max } = this.limits();
        this.setView(pinchStep(this.view, multi.last, pinch, min, max));
        multi.last = pinch;
      } else if (!pinch) {
        // One finger left after a pinch: it keeps panning.
        this.panBy(p.x - previous.x, p.y - previous.y);
      }
    });
    const end = (event: PointerEvent) => {
      if (!this.pointers.delete(event.pointerId)) return;
      if (this.multi) {
        this.multi.last = this.pinch();
        if (!this.pointers.size) this.multi = null;
        return;
      }
      handler.up?.(this.local(event), event);
    };
    this.on('pointerup', end);
    this.on('pointercancel', end);
  }

  private pinch(): Pinch | null {
    const [a, b] = this.pointers.values();
    return a && b ? pinchOf(a, b) : null;
  }
}
