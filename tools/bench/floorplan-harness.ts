// Browser side of `tools/bench/floorplan.mjs`: mounts the real FloorPlanRenderer (the same class the
// Angular component wraps) on a synthetic floor and a naive one-Konva-node-per-space baseline, and
// exposes timing functions for the driver. Bundled with esbuild; no Angular involved.
import Konva from 'konva';
import type { Floor, Space, SpaceAvailability, SpaceState, Zone } from '@flexdesk/shared-contracts';
import { FloorPlanRenderer } from '../../libs/client/ui-floor-plan/src/lib/floor-plan-renderer';
import { STATE_FILL, STATE_INK } from '../../libs/client/ui-floor-plan/src/lib/floor-plan-style';

const STATES: SpaceState[] = ['free', 'partial', 'booked', 'mine', 'unavailable'];

/** Deterministic, so every run measures the same floor and the same changes. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticFloor(count: number): Floor {
  const cols = Math.ceil(Math.sqrt(count * 1.6));
  const spaces: Space[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const kind = i % 23 === 0 ? 'room' : i % 17 === 0 ? 'parking' : 'desk';
    spaces.push({
      id: `s${i}`,
      floorId: 'bench',
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
      bookable: true,
      restrictedToGroupIds: [],
    });
  }
  const rows = Math.ceil(count / cols);
  const width = 80 + cols * 100;
  const height = 80 + rows * 70;
  const zones: Zone[] = [0, 1, 2, 3].map((q) => {
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
  });
  return {
    id: 'bench',
    buildingId: 'b',
    name: 'Bench floor',
    level: 1,
    spaceCount: count,
    buildingName: 'Bench',
    timeZone: 'UTC',
    plan: { width, height, backgroundUrl: null, scale: null },
    version: 1,
    zones,
    spaces,
  };
}

/** The initial states and `steps` successive answers, each flipping `share` of the spaces. */
function availabilitySeries(floor: Floor, steps: number, share: number): SpaceAvailability[][] {
  const random = rng(42);
  const current = floor.spaces.map(() => STATES[Math.floor(random() * STATES.length)]);
  const toAnswer = () => floor.spaces.map((s, i) => ({ spaceId: s.id, state: current[i], bookings: [] }));
  const series = [toAnswer()];
  const flips = Math.round(floor.spaces.length * share);
  for (let step = 0; step < steps; step++) {
    for (let k = 0; k < flips; k++) {
      const i = Math.floor(random() * current.length);
      const other = STATES.filter((s) => s !== current[i]);
      current[i] = other[Math.floor(random() * other.length)];
    }
    series.push(toAnswer());
  }
  return series;
}

function container(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width:1280px;height:800px;position:absolute;left:0;top:0';
  document.body.replaceChildren(div);
  return div;
}

/** Reading one pixel back forces the canvas to finish rasterising, so deferred work is counted. */
function flush(layer: Konva.Layer): void {
  layer.getCanvas().getContext()._context.getImageData(0, 0, 1, 1);
}

let series: SpaceAvailability[][] = [];
let floor: Floor;
let renderer: FloorPlanRenderer | null = null;
let naive: { stage: Konva.Stage; layer: Konva.Layer; rects: Konva.Rect[] } | null = null;

const api = {
  prepare(count: number, steps: number, share: number): { spaces: number; changesPerStep: number } {
    floor = syntheticFloor(count);
    series = availabilitySeries(floor, steps, share);
    return { spaces: floor.spaces.length, changesPerStep: Math.round(count * share) };
  },

  /** Time from an empty container to a fully drawn plan with states. */
  mountRenderer(): number {
    naive?.stage.destroy();
    naive = null;
    const t0 = performance.now();
    renderer = new FloorPlanRenderer(container());
    renderer.setFloor(floor);
    renderer.setAvailability(series[0]);
    renderer.drawNow();
    flush(renderer.stateLayer);
    return performance.now() - t0;
  },

  /** One availability answer applied and drawn synchronously; returns [ms, spaces restyled]. */
  updateRenderer(step: number): [number, number] {
    if (!renderer) throw new Error('mountRenderer first');
    const t0 = performance.now();
    const changed = renderer.setAvailability(series[step], true);
    flush(renderer.stateLayer);
    return [performance.now() - t0, changed.length];
  },

  /** Same, measured to the second animation frame after the change (the draw scheduled by batchDraw). */
  async frameRenderer(step: number): Promise<number> {
    if (!renderer) throw new Error('mountRenderer first');
    const t0 = performance.now();
    renderer.setAvailability(series[step]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  },

  /** The naive baseline: one Konva.Rect per space, every one recoloured and the layer redrawn. */
  mountNaive(): number {
    renderer?.destroy();
    renderer = null;
    const t0 = performance.now();
    const stage = new Konva.Stage({ container: container(), width: 1280, height: 800 });
    const layer = new Konva.Layer();
    const scale = Math.min(1248 / floor.plan.width, 768 / floor.plan.height);
    stage.scale({ x: scale, y: scale });
    const rects = floor.spaces.map(
      (s) =>
        new Konva.Rect({
          x: s.x,
          y: s.y,
          width: s.width,
          height: s.height,
          rotation: s.rotation,
          cornerRadius: s.kind === 'parking' ? 8 : 0,
          strokeWidth: 1,
        }),
    );
    layer.add(...rects);
    stage.add(layer);
    api.recolourNaive(0);
    flush(layer);
    naive = { stage, layer, rects };
    return performance.now() - t0;
  },

  recolourNaive(step: number): number {
    const target = naive ?? null;
    const t0 = performance.now();
    const answer = series[step];
    const rects = target?.rects ?? [];
    for (let i = 0; i < rects.length; i++) {
      const state = answer[i].state;
      rects[i].fill(STATE_FILL[state]);
      rects[i].stroke(STATE_INK[state]);
    }
    if (target) {
      target.layer.draw();
      flush(target.layer);
    }
    return performance.now() - t0;
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
