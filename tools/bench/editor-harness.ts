// Browser side of `tools/bench/editor.mjs`: mounts the real EditorRenderer (on PlanStage, the class the Angular
// FloorPlanEditorComponent wraps) on a synthetic 2,000-space layout, selects a block of spaces and
// times each pointer move of a drag. The driver sends real mouse events (page.mouse); this side
// records, per pointermove, the synchronous work and, per animation frame, the frame's draw time.
import type { FloorLayout, LayoutSpace } from '@flexdesk/shared-contracts';
import { EditorRenderer } from '../../libs/client/ui-floor-plan/src/lib/editor-renderer';

function syntheticLayout(count: number): FloorLayout {
  const cols = Math.ceil(Math.sqrt(count * 1.6));
  const spaces: LayoutSpace[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const kind = i % 23 === 0 ? 'room' : i % 17 === 0 ? 'parking' : 'desk';
    spaces.push({
      id: `s${i}`,
      zoneId: null,
      kind,
      label: `${String.fromCharCode(65 + (row % 26))}-${col + 1}`,
      x: 40 + col * 100 + (i % 7 === 0 ? 60 : 0),
      y: 40 + row * 70,
      width: kind === 'room' ? 90 : 80,
      height: 40,
      rotation: i % 7 === 0 ? 90 : 0,
      attributes: [],
      capacity: null,
      bookable: i % 11 !== 0,
      restrictedToGroupIds: [],
    });
  }
  const rows = Math.ceil(count / cols);
  const width = 80 + cols * 100;
  const height = 80 + rows * 70;
  return {
    plan: { width, height, scale: null, backgroundUrl: null },
    zones: [0, 1, 2, 3].map((q) => {
      const x0 = (q % 2) * (width / 2);
      const y0 = Math.floor(q / 2) * (height / 2);
      return {
        id: `z${q}`,
        name: `Zone ${q + 1}`,
        color: ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00'][q],
        polygon: [
          { x: x0, y: y0 },
          { x: x0 + width / 2, y: y0 },
          { x: x0 + width / 2, y: y0 + height / 2 },
          { x: x0, y: y0 + height / 2 },
        ],
        restrictedToGroupIds: [],
      };
    }),
    spaces,
  };
}

const container = document.createElement('div');
container.style.cssText = 'width:1280px;height:800px;position:absolute;left:0;top:0';
document.body.append(container);

let renderer: EditorRenderer | null = null;
let moves: number[] = [];
let frames: number[] = [];
let recording = false;
let moved: { id: string; x: number; y: number }[] = [];

// Work done synchronously per pointermove (hit test, snapping, layer offset), measured around the
// renderer's own listener: ours is added first on the capture phase and the bubble listener last.
let moveStart = 0;
container.addEventListener('pointermove', () => (moveStart = performance.now()), { capture: true });

// Konva draws the batched layers in a requestAnimationFrame callback. The draw methods of the layers
// are wrapped to add their time to the current frame's work; a rAF loop closes each frame and also
// records the interval between frames (which includes waiting for vsync).
let frameWork = 0;
let lastFrame = 0;
let deltas: number[] = [];
let staticDraws = 0;
function timeDraws(r: EditorRenderer): void {
  for (const layer of [r.dragLayer, r.overlayLayer, r.staticLayer]) {
    const draw = layer.draw.bind(layer);
    layer.draw = () => {
      const t = performance.now();
      const result = draw();
      if (recording) {
        frameWork += performance.now() - t;
        if (layer === r.staticLayer) staticDraws++;
      }
      return result;
    };
  }
}

function frameLoop(now: number): void {
  if (!recording) return;
  if (lastFrame) {
    deltas.push(now - lastFrame);
    if (frameWork > 0) frames.push(frameWork);
  }
  frameWork = 0;
  lastFrame = now;
  requestAnimationFrame(frameLoop);
}

const api = {
  prepare(count: number, selectCount: number) {
    renderer?.destroy();
    const layout = syntheticLayout(count);
    renderer = new EditorRenderer(container, {
      onEdit: (edit) => {
        if (edit.kind === 'move') moved = edit.patches as typeof moved;
      },
    });
    timeDraws(renderer);
    renderer.setLayout(layout);
    renderer.setSnap({ grid: 20, neighbours: true, threshold: 8 });
    // A block of spaces in the middle of the plan, so snapping has neighbours all around.
    const start = Math.floor(count / 2 - selectCount / 2);
    const ids = layout.spaces.slice(start, start + selectCount).map((s) => s.id);
    renderer.setSelection(ids);
    const first = layout.spaces[start];
    // Zoom so the selection's first space is in the middle of the view at the fitted scale.
    const view = renderer.getView();
    renderer.setView({ scale: view.scale, x: 640 - (first.x + 20) * view.scale, y: 400 - (first.y + 20) * view.scale });
    renderer.drawNow();
    const grip = renderer.toScreen({ x: first.x + 20, y: first.y + 20 });
    return { spaces: count, selected: ids.length, grip, scale: renderer.getView().scale, hit: renderer.spaceAt(grip) };
  },
  start() {
    moves = [];
    frames = [];
    deltas = [];
    moved = [];
    frameWork = 0;
    lastFrame = 0;
    staticDraws = 0;
    recording = true;
    container.addEventListener('pointermove', api.afterMove);
    requestAnimationFrame(frameLoop);
  },
  afterMove() {
    const work = performance.now() - moveStart;
    moves.push(work);
    frameWork += work;
  },
  stop() {
    recording = false;
    container.removeEventListener('pointermove', api.afterMove);
    return { moves, frames, deltas, staticDraws, movedCount: moved.length, dragOffset: renderer?.dragOffset };
  },
  /** Draw time of the drag layer alone (what each frame of a drag redraws), synchronously, n times. */
  dragLayerDraw(n: number) {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      renderer?.dragLayer.position({ x: i % 2, y: 0 });
      renderer?.dragLayer.draw();
      renderer?.overlayLayer.draw();
      out.push(performance.now() - t);
    }
    renderer?.dragLayer.position({ x: 0, y: 0 });
    return out;
  },
  /** For comparison: a full redraw of every layer (what a naive drag would cost per frame). */
  fullDraw(n: number) {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      renderer?.drawNow();
      out.push(performance.now() - t);
    }
    return out;
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
