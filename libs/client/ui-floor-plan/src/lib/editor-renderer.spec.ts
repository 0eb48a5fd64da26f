import type { FloorLayout, LayoutSpace } from '@flexdesk/shared-contracts';
import { type EditorEdit, EditorRenderer, type EditorRendererOptions } from './editor-renderer';

function host(width = 600, height = 400): HTMLDivElement {
  const div = document.createElement('div');
  Object.defineProperty(div, 'clientWidth', { value: width });
  Object.defineProperty(div, 'clientHeight', { value: height });
  document.body.append(div);
  return div;
}

const desk = (i: number, x: number, y: number, extra: Partial<LayoutSpace> = {}): LayoutSpace => ({
  id: `s${i}`,
  zoneId: null,
  kind: 'desk',
  label: `D${i}`,
  x,
  y,
  width: 80,
  height: 40,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
  ...extra,
});

/** Three desks in a row 100 apart, and one zone around the first two. */
function layout(): FloorLayout {
  return {
    plan: { width: 600, height: 400, scale: null, backgroundUrl: null },
    zones: [
      {
        id: 'z1',
        name: 'North',
        color: '#4f7cac',
        polygon: [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
          { x: 200, y: 100 },
          { x: 0, y: 100 },
        ],
        restrictedToGroupIds: [],
      },
    ],
    spaces: [desk(0, 20, 20), desk(1, 120, 20), desk(2, 320, 20, { bookable: false })],
  };
}

type Fire = (type: string, x: number, y: number, extra?: Record<string, unknown>) => void;

describe('EditorRenderer', () => {
  let renderer: EditorRenderer;
  let events: Record<string, jest.Mock>;
  let fire: Fire;

  beforeEach(() => {
    events = {
      onSelectionChange: jest.fn(),
      onZoneSelect: jest.fn(),
      onMove: jest.fn(),
      onResize: jest.fn(),
      onRotate: jest.fn(),
      onAddSpace: jest.fn(),
      onRowDrawn: jest.fn(),
      onZoneDrawn: jest.fn(),
      onZoneVertexChange: jest.fn(),
      onScaleLine: jest.fn(),
      onViewChange: jest.fn(),
    };
    // The renderer reports one union of edits; the tests read them by kind.
    const byKind: Record<EditorEdit['kind'], (e: EditorEdit) => void> = {
      select: (e) => events['onSelectionChange']((e as { ids: string[] }).ids),
      selectZone: (e) => events['onZoneSelect']((e as { zoneId: string | null }).zoneId),
      move: (e) => events['onMove']((e as { patches: unknown }).patches),
      resize: (e) => events['onResize']((e as { patches: unknown }).patches),
      rotate: (e) => events['onRotate']((e as { patches: unknown }).patches),
      addSpace: (e) => events['onAddSpace']((e as { at: unknown }).at),
      row: (e) => events['onRowDrawn']((e as { line: unknown }).line),
      zone: (e) => events['onZoneDrawn']((e as { polygon: unknown }).polygon),
      zoneVertices: (e) => {
        const { zoneId, polygon } = e as { zoneId: string; polygon: unknown };
        events['onZoneVertexChange']({ zoneId, polygon });
      },
      scaleLine: (e) => {
        const { a, b } = e as { a: unknown; b: unknown };
        events['onScaleLine']({ a, b });
      },
    };
    const options: EditorRendererOptions = {
      onEdit: (e) => byKind[e.kind](e),
      onViewChange: (v) => events['onViewChange'](v),
    };
    renderer = new EditorRenderer(host(), options);
    renderer.setLayout(layout());
    renderer.setView({ scale: 1, x: 0, y: 0 }, false);
    renderer.setSnap({ grid: null, neighbours: false, threshold: 8 });
    fire = (type, x, y, extra = {}) =>
      renderer.container.dispatchEvent(
        Object.assign(new Event(type), {
          pointerId: 1,
          pointerType: 'mouse',
          button: 0,
          clientX: x,
          clientY: y,
          shiftKey: false,
          ...extra,
        }),
      );
  });

  afterEach(() => renderer.destroy());

  const drag = (from: [number, number], to: [number, number], extra: Record<string, unknown> = {}) => {
    fire('pointerdown', ...from, extra);
    fire('pointermove', (from[0] + to[0]) / 2, (from[1] + to[1]) / 2, extra);
    fire('pointermove', ...to, extra);
    fire('pointerup', ...to, extra);
  };

  it('stacks background, zones, static spaces, the drag layer and the overlay', () => {
    expect(renderer.stage.getLayers()).toHaveLength(5);
    expect(renderer.spaceAt({ x: 30, y: 30 })).toBe('s0');
    expect(renderer.spaceAt({ x: 110, y: 30 })).toBeNull();
  });

  it('fits the plan when the first layout arrives', () => {
    const fresh = new EditorRenderer(host());
    fresh.setLayout(layout());
    expect(fresh.getView().scale).toBeCloseTo(Math.min((600 - 32) / 600, (400 - 32) / 400));
    fresh.destroy();
  });

  it('selects by click, toggles with shift and clears on the empty plan', () => {
    fire('pointerdown', 30, 30);
    fire('pointerup', 30, 30);
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith(['s0']);
    fire('pointerdown', 130, 30, { shiftKey: true });
    fire('pointerup', 130, 30, { shiftKey: true });
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith(['s0', 's1']);
    fire('pointerdown', 30, 30, { shiftKey: true });
    fire('pointerup', 30, 30, { shiftKey: true });
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith(['s1']);
    fire('pointerdown', 500, 300);
    fire('pointerup', 500, 300);
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith([]);
    expect(renderer.selection).toEqual([]);
  });

  it('selects a zone by clicking inside it where there is no space', () => {
    fire('pointerdown', 50, 90);
    fire('pointerup', 50, 90);
    expect(events['onZoneSelect']).toHaveBeenCalledWith('z1');
    expect(renderer.selectedZone).toBe('z1');
  });

  it('selects with a rubber band on the empty plan', () => {
    drag([10, 70], [150, 30]);
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith(['s0', 's1']);
    drag([300, 10], [330, 30], { shiftKey: true });
    expect(events['onSelectionChange']).toHaveBeenLastCalledWith(['s0', 's1', 's2']);
  });

  it('moves the whole selection by shifting the drag layer only, and reports once on drop', () => {
    renderer.setSelection(['s0', 's1']);
    renderer.drawNow();
    const staticDraw = jest.spyOn(renderer.staticLayer, 'draw');
    const staticBatch = jest.spyOn(renderer.staticLayer, 'batchDraw');
    fire('pointerdown', 30, 30);
    fire('pointermove', 40, 45);
    fire('pointermove', 60, 80);
    expect(renderer.activeGesture).toBe('move');
    expect(renderer.dragOffset).toEqual({ x: 30, y: 50 });
    expect(events['onMove']).not.toHaveBeenCalled();
    fire('pointerup', 60, 80);
    expect(events['onMove']).toHaveBeenCalledTimes(1);
    expect(events['onMove']).toHaveBeenCalledWith([
      { id: 's0', x: 50, y: 70 },
      { id: 's1', x: 150, y: 70 },
    ]);
    expect(staticDraw).not.toHaveBeenCalled();
    expect(staticBatch).not.toHaveBeenCalled();
    // The host applies the move; the drag layer goes back to zero.
    renderer.setLayout({
      ...layout(),
      spaces: [desk(0, 50, 70), desk(1, 150, 70), desk(2, 320, 20)],
    });
    expect(renderer.dragOffset).toEqual({ x: 0, y: 0 });
  });

  it('drags an unselected space after selecting it', () => {
    drag([330, 30], [340, 60]);
    expect(events['onSelectionChange']).toHaveBeenCalledWith(['s2']);
    expect(events['onMove']).toHaveBeenCalledWith([{ id: 's2', x: 330, y: 50 }]);
  });

  it('keeps a move inside the plan', () => {
    renderer.setSelection(['s0']);
    drag([30, 30], [-100, -100]);
    expect(events['onMove']).toHaveBeenCalledWith([{ id: 's0', x: 0, y: 0 }]);
  });

  it('snaps to neighbours and shows a guide while dragging', () => {
    renderer.setSnap({ grid: null, neighbours: true, threshold: 8 });
    renderer.setSelection(['s2']);
    fire('pointerdown', 330, 30);
    // The left edge goes from 320 to 203, 3 from s1's right edge at 200.
    fire('pointermove', 213, 33);
    expect(renderer.snapGuides.some((g) => g.axis === 'x' && g.at === 200)).toBe(true);
    expect(renderer.dragOffset.x).toBe(-120);
    fire('pointerup', 213, 33);
    expect(events['onMove']).toHaveBeenCalledWith([{ id: 's2', x: 200, y: 20 }]);
    expect(renderer.snapGuides).toEqual([]);
  });

  it('snaps to the grid', () => {
    renderer.setSnap({ grid: 25, neighbours: false, threshold: 8 });
    renderer.setSelection(['s2']);
    drag([330, 30], [341, 63]);
    expect(events['onMove']).toHaveBeenCalledWith([{ id: 's2', x: 325, y: 50 }]);
  });

  it('resizes a single selection with its handles', () => {
    renderer.setSelection(['s0']);
    // South-east handle at (100, 60).
    drag([100, 60], [120, 70]);
    expect(events['onResize']).toHaveBeenCalledWith([{ id: 's0', x: 20, y: 20, width: 100, height: 50 }]);
    expect(events['onMove']).not.toHaveBeenCalled();
  });

  it('rotates around the centre with 15° steps', () => {
    renderer.setSelection(['s0']);
    // Rotate handle 26 px above the top edge's middle (60, 20); centre (60, 40). Drag to the right of the centre.
    drag([60, -6], [160, 44]);
    const [[patch]] = events['onRotate'].mock.calls[0];
    expect(patch.rotation).toBe(90);
    expect(patch.id).toBe('s0');
  });

  it('adds a desk where the desk tool clicks, snapped to the grid', () => {
    renderer.setTool('desk');
    renderer.setSnap({ grid: 10, neighbours: false, threshold: 8 });
    fire('pointerdown', 503, 207);
    fire('pointerup', 503, 207);
    expect(events['onAddSpace']).toHaveBeenCalledWith({ x: 500, y: 210 });
    expect(events['onSelectionChange']).not.toHaveBeenCalled();
  });

  it('draws a row line with the row tool', () => {
    renderer.setTool('row');
    renderer.setRowTemplate({ width: 80, height: 40, gap: 0 });
    drag([100, 300], [500, 305]);
    expect(events['onRowDrawn']).toHaveBeenCalledWith({ start: { x: 100, y: 300 }, end: { x: 500, y: 305 } });
  });

  it('draws the scale line with the scale tool', () => {
    renderer.setTool('scale');
    drag([100, 300], [400, 300]);
    expect(events['onScaleLine']).toHaveBeenCalledWith({ a: { x: 100, y: 300 }, b: { x: 400, y: 300 } });
  });

  it('draws a zone point by point and closes it on the first point', () => {
    renderer.setTool('zone');
    for (const [x, y] of [
      [300, 200],
      [500, 200],
      [500, 350],
    ]) {
      fire('pointerdown', x, y);
      fire('pointerup', x, y);
    }
    expect(renderer.zonePoints).toHaveLength(3);
    expect(renderer.drawingZone).toBe(true);
    fire('pointerdown', 302, 201);
    fire('pointerup', 302, 201);
    expect(events['onZoneDrawn']).toHaveBeenCalledWith([
      { x: 300, y: 200 },
      { x: 500, y: 200 },
      { x: 500, y: 350 },
    ]);
    expect(renderer.drawingZone).toBe(false);
  });

  it('needs three points to finish a zone and cancels on a tool change', () => {
    renderer.setTool('zone');
    fire('pointerdown', 300, 200);
    fire('pointerup', 300, 200);
    expect(renderer.finishZone()).toBe(false);
    renderer.setTool('select');
    expect(renderer.zonePoints).toEqual([]);
  });

  describe('zone vertices', () => {
    beforeEach(() => renderer.setSelectedZone('z1'));

    it('moves a vertex by dragging its handle', () => {
      drag([200, 100], [250, 150]);
      expect(events['onZoneVertexChange']).toHaveBeenCalledWith({
        zoneId: 'z1',
        polygon: [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
          { x: 250, y: 150 },
          { x: 0, y: 100 },
        ],
      });
    });

    it('inserts a vertex on a double-clicked edge', () => {
      renderer.container.dispatchEvent(Object.assign(new Event('dblclick'), { clientX: 100, clientY: 102 }));
      const [[change]] = events['onZoneVertexChange'].mock.calls;
      expect(change.polygon).toHaveLength(5);
      expect(change.polygon[3]).toEqual({ x: 100, y: 100 });
      expect(renderer.selectedVertex).toBe(3);
    });

    it('deletes the chosen vertex but keeps a triangle', () => {
      fire('pointerdown', 200, 0);
      fire('pointerup', 200, 0);
      expect(renderer.selectedVertex).toBe(1);
      expect(renderer.deleteSelectedVertex()).toBe(true);
      const [[change]] = events['onZoneVertexChange'].mock.calls;
      expect(change.polygon).toHaveLength(3);
      renderer.setLayout({ ...layout(), zones: [{ ...layout().zones[0], polygon: change.polygon }] });
      fire('pointerdown', 0, 0);
      fire('pointerup', 0, 0);
      expect(renderer.deleteSelectedVertex()).toBe(false);
    });
  });

  it('pans with the pan tool and zooms with the wheel', () => {
    renderer.setTool('pan');
    drag([100, 100], [150, 120]);
    expect(renderer.getView()).toEqual({ scale: 1, x: 50, y: 20 });
    expect(events['onMove']).not.toHaveBeenCalled();
    renderer.container.dispatchEvent(
      Object.assign(new Event('wheel', { cancelable: true }), {
        deltaY: -100,
        deltaMode: 0,
        clientX: 100,
        clientY: 100,
      }),
    );
    expect(renderer.getView().scale).toBeGreaterThan(1);
    expect(events['onViewChange']).toHaveBeenCalled();
  });

  it('pans with the middle button in the select tool', () => {
    drag([30, 30], [80, 30], { button: 1 });
    expect(renderer.getView().x).toBe(50);
    expect(events['onMove']).not.toHaveBeenCalled();
  });

  it('stops listening when destroyed', () => {
    renderer.destroy();
    fire('pointerdown', 30, 30);
    fire('pointerup', 30, 30);
    expect(events['onSelectionChange']).not.toHaveBeenCalled();
    expect(renderer.isDestroyed).toBe(true);
  });
});
