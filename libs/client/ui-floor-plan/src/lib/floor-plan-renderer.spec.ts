import Konva from 'konva';
import { FloorPlanRenderer } from './floor-plan-renderer';
import { availabilityOf, gridFloor } from './test-floor';

function host(width = 600, height = 400): HTMLDivElement {
  const div = document.createElement('div');
  Object.defineProperty(div, 'clientWidth', { value: width });
  Object.defineProperty(div, 'clientHeight', { value: height });
  document.body.append(div);
  return div;
}

describe('FloorPlanRenderer', () => {
  let renderer: FloorPlanRenderer;
  const floor = gridFloor(4, 3);
  const onSelect = jest.fn();
  const onViewChange = jest.fn();

  beforeEach(() => {
    onSelect.mockReset();
    onViewChange.mockReset();
    renderer = new FloorPlanRenderer(host(), { onSelect, onViewChange });
    renderer.setFloor(floor);
    renderer.setAvailability(availabilityOf(floor), true);
  });

  afterEach(() => renderer.destroy());

  it('creates a stage with its layers and one record per space', () => {
    expect(renderer.stage.getLayers()).toHaveLength(5);
    expect(renderer.container.querySelectorAll('canvas')).toHaveLength(5);
    expect(renderer.spaceCount).toBe(12);
    for (const space of floor.spaces) expect(renderer.record(space.id)?.space).toBe(space);
  });

  it('keeps states given before the floor arrives, and treats unknown spaces as unavailable', () => {
    const early = new FloorPlanRenderer(host());
    early.setAvailability([{ spaceId: 'd0', state: 'mine', bookings: [] }]);
    early.setFloor(floor);
    expect(early.stateOf('d0')).toBe('mine');
    expect(early.stateOf('d1')).toBe('unavailable');
    early.destroy();
  });

  it('restyles only the spaces whose state changed and repaints just those', () => {
    const fullDraw = jest.spyOn(renderer.stateLayer, 'draw');
    const batchDraw = jest.spyOn(renderer.stateLayer, 'batchDraw');
    const changed = renderer.setAvailability(availabilityOf(floor, { d2: 'booked', d5: 'mine' }), true);
    expect(changed).toEqual(['d2', 'd5']);
    expect(renderer.lastPaint).toBe('partial');
    expect(renderer.stateOf('d2')).toBe('booked');
    expect(renderer.stateOf('d5')).toBe('mine');
    expect(renderer.stateOf('d3')).toBe('free');
    expect(fullDraw).not.toHaveBeenCalled();
    expect(batchDraw).not.toHaveBeenCalled();

    expect(renderer.setAvailability(availabilityOf(floor, { d2: 'booked', d5: 'mine' }), true)).toEqual([]);
    expect(renderer.lastPaint).toBe('none');
  });

  it('draws in full when most spaces change at once', () => {
    const fullDraw = jest.spyOn(renderer.stateLayer, 'draw');
    const all = Object.fromEntries(floor.spaces.map((s) => [s.id, 'booked' as const]));
    expect(renderer.setAvailability(availabilityOf(floor, all), true)).toHaveLength(12);
    expect(renderer.lastPaint).toBe('full');
    expect(fullDraw).toHaveBeenCalledTimes(1);
  });

  it('hit-tests in plan coordinates and skips dimmed spaces', () => {
    renderer.setView({ scale: 2, x: 10, y: 10 });
    // d0 spans plan x 20–100, y 20–60 → screen 50–210, 50–130.
    expect(renderer.spaceAt({ x: 60, y: 60 })).toBe('d0');
    expect(renderer.spaceAt({ x: 5, y: 5 })).toBeNull();
    renderer.setDimmed(new Set(['d0']));
    expect(renderer.spaceAt({ x: 60, y: 60 })).toBeNull();
  });

  it('emits a selection for a tap and not for a drag', () => {
    renderer.setView({ scale: 1, x: 0, y: 0 });
    const el = renderer.container;
    const fire = (type: string, x: number, y: number) =>
      el.dispatchEvent(Object.assign(new Event(type), { pointerId: 1, pointerType: 'mouse', clientX: x, clientY: y }));
    fire('pointerdown', 30, 30);
    fire('pointerup', 31, 30);
    expect(onSelect).toHaveBeenCalledWith('d0');

    onSelect.mockReset();
    fire('pointerdown', 30, 30);
    fire('pointermove', 80, 30);
    fire('pointerup', 80, 30);
    expect(onSelect).not.toHaveBeenCalled();
    expect(renderer.getView().x).toBe(50);
  });

  it('zooms around the pointer with the wheel and fits the plan', () => {
    renderer.setView({ scale: 1, x: 0, y: 0 });
    renderer.container.dispatchEvent(
      Object.assign(new Event('wheel', { cancelable: true }), {
        ctrlKey: true,
        metaKey: false,
        deltaY: -100,
        deltaMode: 0,
        clientX: 100,
        clientY: 100,
      }),
    );
    const view = renderer.getView();
    expect(view.scale).toBeGreaterThan(1);
    expect((100 - view.x) / view.scale).toBeCloseTo(100);
    renderer.fit();
    expect(renderer.getView().scale).toBeCloseTo(Math.min((600 - 32) / 440, (400 - 32) / 220));
    expect(onViewChange).toHaveBeenCalled();
  });

  const pointer = (type: string, id: number, pointerType: string, x: number, y: number) =>
    renderer.container.dispatchEvent(
      Object.assign(new Event(type), { pointerId: id, pointerType, clientX: x, clientY: y }),
    );

  it('leaves a plain wheel to the page and zooms only with Ctrl or Cmd', () => {
    renderer.setView({ scale: 1, x: 0, y: 0 });
    const props = { ctrlKey: false, metaKey: false, deltaY: -100, deltaMode: 0, clientX: 100, clientY: 100 };
    const wheel = Object.assign(new Event('wheel', { cancelable: true }), props);
    renderer.container.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(false);
    expect(renderer.getView().scale).toBe(1);
    renderer.container.dispatchEvent(
      Object.assign(new Event('wheel', { cancelable: true }), { ...props, metaKey: true }),
    );
    expect(renderer.getView().scale).toBeGreaterThan(1);
  });

  it('lets one finger scroll the page (no pan, page scrolling allowed) and pans and zooms with two', () => {
    expect(renderer.container.style.touchAction).toBe('pan-x pan-y');
    renderer.setView({ scale: 1, x: 0, y: 0 });
    pointer('pointerdown', 1, 'touch', 100, 100);
    pointer('pointermove', 1, 'touch', 100, 160);
    expect(renderer.getView()).toEqual({ scale: 1, x: 0, y: 0 });
    pointer('pointerdown', 2, 'touch', 140, 160);
    pointer('pointermove', 2, 'touch', 180, 160);
    expect(renderer.getView().scale).toBeCloseTo(2);
    pointer('pointerup', 2, 'touch', 180, 160);
    pointer('pointerup', 1, 'touch', 100, 160);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('stops a two-finger touch from scrolling the page, not a one-finger one', () => {
    const touch = (n: number) =>
      Object.assign(new Event('touchmove', { cancelable: true }), { touches: { length: n } });
    const one = touch(1);
    const two = touch(2);
    renderer.container.dispatchEvent(one);
    renderer.container.dispatchEvent(two);
    expect(one.defaultPrevented).toBe(false);
    expect(two.defaultPrevented).toBe(true);
  });

  it('gives the on-screen box of a space', () => {
    renderer.setView({ scale: 2, x: 10, y: 10 });
    expect(renderer.screenRect('d0')).toEqual({ x: 50, y: 50, width: 160, height: 80 });
    expect(renderer.screenRect('nope')).toBeNull();
  });

  it('draws labels only where they are readable, and the focused one on a tag otherwise', () => {
    const ctx = renderer.stage.getLayers()[3].getCanvas().getContext()._context as CanvasRenderingContext2D & {
      __clearEvents(): void;
      __getEvents(): { type: string; props: Record<string, unknown> }[];
    };
    const texts = () =>
      ctx
        .__getEvents()
        .filter((e) => e.type === 'fillText')
        .map((e) => e.props['text']);
    renderer.setView({ scale: 1, x: 0, y: 0 });
    ctx.__clearEvents();
    renderer.drawNow();
    expect(texts()).toHaveLength(12);
    renderer.setView({ scale: 0.1, x: 0, y: 0 });
    ctx.__clearEvents();
    renderer.drawNow();
    expect(texts()).toHaveLength(0);
    const overlay = renderer.stage.getLayers()[4].getCanvas().getContext()._context as typeof ctx;
    renderer.setFocused('d5');
    overlay.__clearEvents();
    renderer.drawNow();
    expect(
      overlay
        .__getEvents()
        .filter((e) => e.type === 'fillText')
        .map((e) => e.props['text']),
    ).toEqual(['D6']);
  });

  it('draws marks on their spaces', () => {
    renderer.setMarks({ d0: 'AB', d2: ' ' });
    expect(renderer.markOf('d0')).toBe('AB');
    expect(renderer.markOf('d2')).toBeNull();
    renderer.setView({ scale: 1, x: 0, y: 0 });
    const ctx = renderer.stage.getLayers()[3].getCanvas().getContext()._context as CanvasRenderingContext2D & {
      __clearEvents(): void;
      __getEvents(): { type: string; props: Record<string, unknown> }[];
    };
    ctx.__clearEvents();
    renderer.drawNow();
    expect(ctx.__getEvents().some((e) => e.type === 'fillText' && e.props['text'] === 'AB')).toBe(true);
  });

  it('finds keyboard neighbours, skipping dimmed spaces', () => {
    expect(renderer.neighbour(null)).toBe('d0');
    renderer.setFocused('d0');
    expect(renderer.neighbour('right')).toBe('d1');
    renderer.setDimmed(new Set(['d1']));
    expect(renderer.neighbour('right')).toBe('d2');
    expect(renderer.neighbour('up')).toBe('d0');
  });

  it('draws dimmed spaces at reduced opacity', () => {
    renderer.setDimmed(new Set(['d3']));
    expect(renderer.record('d3')?.dimmed).toBe(true);
    const ctx = renderer.stateLayer.getCanvas().getContext()._context as CanvasRenderingContext2D & {
      __clearEvents(): void;
      __getEvents(): { type: string; props: Record<string, unknown> }[];
    };
    ctx.__clearEvents();
    renderer.drawNow();
    const alphas = ctx
      .__getEvents()
      .filter((e) => e.type === 'globalAlpha')
      .map((e) => e.props['value']);
    expect(alphas).toContain(0.25);
  });

  it('destroys the stage and stops listening', () => {
    const stage = renderer.stage;
    renderer.destroy();
    expect(renderer.isDestroyed).toBe(true);
    expect(Konva.stages).not.toContain(stage);
    expect(renderer.container.querySelector('canvas')).toBeNull();
    renderer.container.dispatchEvent(
      Object.assign(new Event('pointerdown'), { pointerId: 1, pointerType: 'mouse', clientX: 30, clientY: 30 }),
    );
    renderer.container.dispatchEvent(
      Object.assign(new Event('pointerup'), { pointerId: 1, pointerType: 'mouse', clientX: 30, clientY: 30 }),
    );
    expect(onSelect).not.toHaveBeenCalled();
  });
});
