import Konva from 'konva';
import { PlanStage, type PlanPointerHandler } from './plan-stage';

function host(width = 600, height = 400): HTMLDivElement {
  const div = document.createElement('div');
  Object.defineProperty(div, 'clientWidth', { value: width });
  Object.defineProperty(div, 'clientHeight', { value: height });
  document.body.append(div);
  return div;
}

describe('PlanStage', () => {
  const fire = (stage: PlanStage, type: string, id: number, x: number, y: number, pointerType = 'touch') =>
    stage.container.dispatchEvent(
      Object.assign(new Event(type), { pointerId: id, pointerType, clientX: x, clientY: y }),
    );

  it('fits a new plan, keeps the centre on resize and stays within the zoom range', () => {
    const onViewChange = jest.fn();
    const stage = new PlanStage(host(), { gestures: 'canvas', zoomRange: { min: 0.5, max: 2 }, onViewChange });
    expect(stage.setPlan({ width: 568, height: 368 })).toBe(true);
    expect(stage.getView()).toEqual({ scale: 1, x: 16, y: 16 });
    expect(stage.setPlan({ width: 568, height: 368 })).toBe(false);
    stage.resize(700, 400);
    expect(stage.getView()).toEqual({ scale: 1, x: 66, y: 16 });
    for (let i = 0; i < 20; i++) stage.zoomIn();
    expect(stage.getView().scale).toBeCloseTo(4); // the absolute floor of the maximum (4) wins over 2×
    for (let i = 0; i < 40; i++) stage.zoomOut();
    expect(stage.getView().scale).toBeCloseTo(0.5);
    expect(onViewChange).toHaveBeenCalled();
    stage.destroy();
  });

  it('zooms with the plain wheel on a canvas', () => {
    const stage = new PlanStage(host(), { gestures: 'canvas', zoomRange: { min: 0.25, max: 40 } });
    stage.setPlan({ width: 568, height: 368 });
    const wheel = Object.assign(new Event('wheel', { cancelable: true }), {
      ctrlKey: false,
      metaKey: false,
      deltaY: -100,
      deltaMode: 0,
      clientX: 0,
      clientY: 0,
    });
    stage.container.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
    expect(stage.getView().scale).toBeGreaterThan(1);
    expect(stage.container.style.touchAction).toBe('none');
    stage.destroy();
  });

  it('hands single pointers to the owner and keeps two-finger gestures for itself', () => {
    const calls: string[] = [];
    const pointer: PlanPointerHandler = {
      down: () => calls.push('down'),
      move: (_p, _e, pressed) => calls.push(pressed ? 'drag' : 'hover'),
      up: () => calls.push('up'),
      cancel: () => calls.push('cancel'),
    };
    const stage = new PlanStage(host(), { gestures: 'canvas', zoomRange: { min: 0.25, max: 40 }, pointer });
    stage.setPlan({ width: 568, height: 368 });
    fire(stage, 'pointermove', 9, 5, 5, 'mouse');
    fire(stage, 'pointerdown', 1, 100, 100);
    fire(stage, 'pointermove', 1, 110, 100);
    fire(stage, 'pointerdown', 2, 200, 100);
    fire(stage, 'pointermove', 2, 300, 100);
    fire(stage, 'pointerup', 2, 300, 100);
    // The finger left after a pinch pans.
    const before = stage.getView();
    fire(stage, 'pointermove', 1, 130, 120);
    expect(stage.getView()).toEqual({ ...before, x: before.x + 20, y: before.y + 20 });
    fire(stage, 'pointerup', 1, 130, 120);
    expect(calls).toEqual(['hover', 'down', 'drag', 'cancel']);
    stage.destroy();
  });

  it('scales the background image to the plan and tears everything down', () => {
    const stage = new PlanStage(host(), { gestures: 'page', zoomRange: { min: 0.5, max: 40 } });
    stage.setPlan({ width: 1000, height: 500 });
    stage.setBackground('data:image/png;base64,iVBORw0KGgo=');
    expect(stage.hasBackground).toBe(false); // until it loads
    const konva = stage.stage;
    stage.destroy();
    expect(stage.isDestroyed).toBe(true);
    expect(Konva.stages).not.toContain(konva);
    expect(stage.container.querySelector('canvas')).toBeNull();
  });
});
