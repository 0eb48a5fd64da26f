import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import {
  SPACE_STATES,
  type Floor,
  type Point,
  type SpaceAvailability,
  type SpaceState,
} from '@flexdesk/shared-contracts';
import type { Direction, ScreenRect, ViewTransform } from '@flexdesk/shared-domain';
import type { FloorPlanRenderer } from './floor-plan-renderer';
import { STATE_FILL, STATE_INK } from './floor-plan-style';

/** Every visible or spoken text; the caller translates (this library has no i18n of its own). */
export interface FloorPlanLabels {
  /** Accessible name of the plan, e.g. "Floor plan, level 2". */
  plan: string;
  /** How to use the plan from the keyboard; referenced by aria-describedby. */
  description: string;
  states: Record<SpaceState, string>;
  fit: string;
  zoomIn: string;
  zoomOut: string;
  legend: string;
  /** Added to the announcement of a space the filters hide. */
  filteredOut: string;
}

/** The space whose card the host should show, and where: its centre in pixels of this component. */
export interface SpaceHover {
  spaceId: string;
  anchor: Point;
}

const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

let nextId = 0;

/**
 * The floor's spaces on a zoomable Konva plan. Emits meaning (`spaceSelected`), never canvas events;
 * state is shown by symbol and colour, and the plan can be driven entirely from the keyboard.
 */
@Component({
  selector: 'fd-floor-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './floor-plan.component.html',
  styleUrl: './floor-plan.component.css',
})
export class FloorPlanComponent {
  readonly floor = input.required<Floor>();
  readonly availability = input<readonly SpaceAvailability[] | null>(null);
  readonly selectedSpaceId = input<string | null>(null);
  /** Spaces the caller's filters exclude: drawn faintly and skipped by pointer and keyboard. */
  readonly dimmedSpaceIds = input<ReadonlySet<string>>(new Set());
  readonly labels = input.required<FloorPlanLabels>();
  /**
   * Short texts drawn on spaces, by space id: e.g. the initials of a colleague sitting there. Each is
   * also read out with its space (keyboard focus), so the host need not repeat it elsewhere.
   */
  readonly marks = input<Readonly<Record<string, string>>>({});

  readonly spaceSelected = output<string>();
  readonly viewChanged = output<ViewTransform>();
  /**
   * The space under the mouse, tapped once, or focused by keyboard (the latest of these), with its
   * position for a card next to it; re-emitted when the view pans or zooms; null when there is none.
   */
  readonly spaceHovered = output<SpaceHover | null>();
  /**
   * Where the selected space is, in pixels of this component (its rotated box's bounds), so the host
   * can place a card beside it without covering it; re-emitted when the view pans, zooms or resizes;
   * null when nothing is selected or the space is off the plan.
   */
  readonly selectedSpaceRect = output<ScreenRect | null>();

  protected readonly states = SPACE_STATES;
  protected readonly fill = STATE_FILL;
  protected readonly ink = STATE_INK;
  protected readonly descriptionId = `fd-floor-plan-help-${++nextId}`;
  protected readonly announcement = signal('');

  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  /** Null until the view exists (and again after destroy). */
  private readonly renderer = signal<FloorPlanRenderer | null>(null);
  private lastFocused: string | null = null;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private pointerHover: string | null = null;
  private keyboardHover: string | null = null;
  private hovered: string | null = null;
  private destroyed = false;
  private readonly ready: Promise<FloorPlanRenderer | null>;
  private resolveReady: (renderer: FloorPlanRenderer | null) => void = () => undefined;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    afterNextRender(async () => {
      // Konva (~150 kB) loads with the first plan shown, not with every page that may show one.
      let FloorPlanRenderer: typeof import('./floor-plan-renderer').FloorPlanRenderer;
      try {
        ({ FloorPlanRenderer } = await import('./floor-plan-renderer'));
      } catch {
        // The chunk did not load (offline after a deploy, say): no drawing, but no unhandled
        // rejection either; the host page's list of the same spaces keeps working.
        return this.resolveReady(null);
      }
      if (this.destroyed) return this.resolveReady(null);
      const element = this.canvas().nativeElement;
      const renderer = new FloorPlanRenderer(element, {
        onSelect: (id) => this.select(id),
        onHover: (id) => {
          this.pointerHover = id;
          this.hover(id ?? this.keyboardHover);
        },
        onViewChange: (view) => {
          this.viewChanged.emit(view);
          this.hover(this.hovered, true);
          this.emitSelectedRect();
        },
      });
      this.renderer.set(renderer);
      this.resolveReady(renderer);
      // Focused before the drawing existed (a quick Tab): start keyboard navigation now.
      if (element.ownerDocument.activeElement === element) this.onFocus();
    });
    destroyRef.onDestroy(() => {
      this.destroyed = true;
      this.resolveReady(null);
      this.renderer()?.destroy();
      this.renderer.set(null);
    });

    // The renderer keeps availability, filters and selection across floor changes, so these effects
    // may run in any order.
    effect(() => {
      const renderer = this.renderer();
      if (!renderer) return;
      renderer.setFloor(this.floor());
      untracked(() => {
        this.hover(this.hovered, true);
        this.emitSelectedRect();
      });
    });
    effect(() => {
      const renderer = this.renderer();
      const availability = this.availability();
      if (!renderer) return;
      renderer.setAvailability(availability);
      if (renderer.focused) untracked(() => this.announce(renderer.focused));
    });
    effect(() => this.renderer()?.setDimmed(this.dimmedSpaceIds()));
    effect(() => {
      const renderer = this.renderer();
      if (!renderer) return;
      // Read so that a new floor (after its own effect) moves the rectangle too.
      this.floor();
      renderer.setSelected(this.selectedSpaceId());
      untracked(() => this.emitSelectedRect());
    });
    effect(() => {
      const renderer = this.renderer();
      if (!renderer) return;
      renderer.setMarks(this.marks());
      if (renderer.focused) untracked(() => this.announce(renderer.focused));
    });
  }

  /** The drawing, for the host page's tests and tools; null before the first render. */
  get plan(): FloorPlanRenderer | null {
    return this.renderer();
  }

  /** Resolves once the stage exists (null if the component was destroyed first). */
  whenReady(): Promise<FloorPlanRenderer | null> {
    return this.ready;
  }

  fit(): void {
    this.renderer()?.fit();
  }

  zoomIn(): void {
    this.renderer()?.zoomIn();
  }

  zoomOut(): void {
    this.renderer()?.zoomOut();
  }

  protected onKeydown(event: KeyboardEvent): void {
    const renderer = this.renderer();
    if (!renderer || event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = KEY_DIRECTIONS[event.key];
    if (direction) {
      this.moveFocus(renderer.focused ? renderer.neighbour(direction) : this.startId(renderer));
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (renderer.focused) this.select(renderer.focused);
    } else if (event.key === '+' || event.key === '=') {
      renderer.zoomIn();
    } else if (event.key === '-') {
      renderer.zoomOut();
    } else if (event.key === '0') {
      renderer.fit();
    } else {
      return;
    }
    event.preventDefault();
  }

  protected onFocus(): void {
    const renderer = this.renderer();
    if (renderer && !renderer.focused) this.moveFocus(this.startId(renderer));
  }

  protected onBlur(): void {
    const renderer = this.renderer();
    this.lastFocused = renderer?.focused ?? null;
    renderer?.setFocused(null);
    this.keyboardHover = null;
    this.hover(this.pointerHover);
  }

  private startId(renderer: FloorPlanRenderer): string | null {
    const dimmed = this.dimmedSpaceIds();
    for (const id of [this.lastFocused, this.selectedSpaceId()]) {
      if (id && renderer.record(id) && !dimmed.has(id)) return id;
    }
    return renderer.neighbour(null);
  }

  private moveFocus(id: string | null): void {
    this.renderer()?.setFocused(id);
    this.lastFocused = id;
    this.announce(id);
    this.keyboardHover = id;
    this.hover(id ?? this.pointerHover);
  }

  /** Emits `spaceHovered` when the space changes, or with a fresh anchor when `moved`. */
  private hover(id: string | null, moved = false): void {
    if (id === this.hovered && (!moved || id === null)) return;
    const anchor = id ? this.anchorOf(id) : null;
    this.hovered = anchor ? id : null;
    this.spaceHovered.emit(id && anchor ? { spaceId: id, anchor } : null);
  }

  private lastRect: ScreenRect | null = null;

  private emitSelectedRect(): void {
    const id = this.selectedSpaceId();
    const rect = id ? this.renderer()?.screenRect(id) : null;
    const offset = this.canvasOffset();
    const next = rect ? { ...rect, x: rect.x + offset.x, y: rect.y + offset.y } : null;
    const last = this.lastRect;
    if (next === last || (next && last && (['x', 'y', 'width', 'height'] as const).every((k) => next[k] === last[k])))
      return;
    this.lastRect = next;
    this.selectedSpaceRect.emit(next);
  }

  /** Where the canvas starts within this component (the zoom buttons are above it). */
  private canvasOffset(): Point {
    const canvas = this.canvas().nativeElement.getBoundingClientRect();
    const host = this.host.nativeElement.getBoundingClientRect();
    return { x: canvas.left - host.left, y: canvas.top - host.top };
  }

  private anchorOf(id: string): Point | null {
    const renderer = this.renderer();
    const record = renderer?.record(id);
    if (!renderer || !record) return null;
    const at = renderer.plan.toScreen(record.center);
    const offset = this.canvasOffset();
    return { x: at.x + offset.x, y: at.y + offset.y };
  }

  private announce(id: string | null): void {
    const record = id ? this.renderer()?.record(id) : undefined;
    if (!record) return this.announcement.set('');
    const labels = this.labels();
    const mark = this.renderer()?.markOf(record.space.id);
    const parts = mark
      ? [record.space.label, mark, labels.states[record.state]]
      : [record.space.label, labels.states[record.state]];
    if (record.dimmed) parts.push(labels.filteredOut);
    this.announcement.set(parts.join(', '));
  }

  private select(id: string): void {
    if (this.dimmedSpaceIds().has(id)) return;
    this.spaceSelected.emit(id);
  }
}
