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
  viewChild,
} from '@angular/core';
import type { FloorLayout } from '@flexdesk/shared-contracts';
import type { RowTemplate, SnapSettings } from '@flexdesk/shared-domain';
import type { EditorEdit, EditorRenderer, EditorTool } from './editor-renderer';

/** Every visible or spoken text of the editor canvas; the caller translates. */
export interface FloorPlanEditorLabels {
  /** Accessible name of the canvas. */
  canvas: string;
  /** How to use it with mouse and keyboard; referenced by aria-describedby. */
  instructions: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
}

let nextId = 0;

/**
 * The floor plan editor's canvas: draws a layout (plain contract types) and turns pointer gestures
 * into meaning — selection, moves, resizes, rotations, new desks, rows, zones, vertex edits and the
 * scale line. It never changes the layout itself: the host applies the emitted edits (one undo step
 * per drag) and passes the new layout back in.
 */
@Component({
  selector: 'fd-floor-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './floor-plan-editor.component.html',
  styleUrl: './floor-plan-editor.component.css',
})
export class FloorPlanEditorComponent {
  readonly layout = input.required<FloorLayout>();
  readonly selectedIds = input<readonly string[]>([]);
  readonly selectedZoneId = input<string | null>(null);
  readonly tool = input<EditorTool>('select');
  readonly snap = input<SnapSettings>({ grid: null, neighbours: true, threshold: 8 });
  /** Shown under everything, scaled to the plan; null uses the layout's `plan.backgroundUrl`. */
  readonly backgroundUrl = input<string | null>(null);
  /** Desk size and gap for the row tool's preview. */
  readonly rowTemplate = input<RowTemplate | null>(null);
  readonly labels = input.required<FloorPlanEditorLabels>();

  /**
   * Everything the canvas means, as one union (see `EditorEdit`): a selection, a move/resize/rotate
   * of spaces (one undo step per drag), a new desk, row or zone, changed zone vertices, the scale line.
   */
  readonly edit = output<EditorEdit>();

  protected readonly instructionsId = `fd-floor-plan-editor-help-${++nextId}`;
  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private readonly renderer = signal<EditorRenderer | null>(null);
  private destroyed = false;
  private readonly ready: Promise<EditorRenderer | null>;
  private resolveReady: (renderer: EditorRenderer | null) => void = () => undefined;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    afterNextRender(async () => {
      // Konva loads with the editor, not with every page.
      const { EditorRenderer } = await import('./editor-renderer');
      if (this.destroyed) return this.resolveReady(null);
      const element = this.canvas().nativeElement;
      const renderer = new EditorRenderer(element, { onEdit: (edit) => this.edit.emit(edit) });
      this.renderer.set(renderer);
      this.resolveReady(renderer);
    });
    destroyRef.onDestroy(() => {
      this.destroyed = true;
      this.resolveReady(null);
      this.renderer()?.destroy();
      this.renderer.set(null);
    });

    // The layout first, so that selections and zones refer to what is drawn.
    effect(() => {
      const renderer = this.renderer();
      if (!renderer) return;
      renderer.setLayout(this.layout());
      renderer.setSelection(this.selectedIds());
      renderer.setSelectedZone(this.selectedZoneId());
    });
    effect(() => this.renderer()?.setTool(this.tool()));
    effect(() => this.renderer()?.setSnap(this.snap()));
    effect(() => this.renderer()?.setBackgroundUrl(this.backgroundUrl()));
    effect(() => this.renderer()?.setRowTemplate(this.rowTemplate()));
  }

  /** The drawing, for the host's tests and tools; null before the first render. */
  get plan(): EditorRenderer | null {
    return this.renderer();
  }

  whenReady(): Promise<EditorRenderer | null> {
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

  /** Canvas keys: zoom, and the zone tool's Enter/Escape/Backspace; a chosen zone vertex goes with Delete. */
  protected onKeydown(event: KeyboardEvent): void {
    const renderer = this.renderer();
    if (!renderer || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ') {
      // Space pans while held (handled by the renderer); it must not scroll the page.
      event.preventDefault();
      return;
    }
    if (renderer.drawingZone) {
      if (event.key === 'Enter') renderer.finishZone();
      else if (event.key === 'Escape') renderer.cancelDrawing();
      else if (event.key === 'Backspace') renderer.undoZonePoint();
      else return;
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && renderer.selectedVertex !== null) {
      if (!renderer.deleteSelectedVertex()) return;
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
    event.stopPropagation();
  }

  protected onPointerDown(): void {
    // Keyboard shortcuts (space to pan, Delete for a vertex) follow the pointer onto the canvas.
    this.canvas().nativeElement.focus({ preventScroll: true });
  }
}
