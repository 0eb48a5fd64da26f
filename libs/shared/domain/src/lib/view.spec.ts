import {
  READABLE_LABEL_PX,
  labelFontSize,
  pinchOf,
  pinchStep,
  screenRectOf,
  toPlan,
  toScreen,
  wheelZoomFactor,
  wheelZooms,
  zoomLimits,
} from './view';

const view = { scale: 2, x: 10, y: -20 };

describe('toPlan / toScreen', () => {
  it('are inverse', () => {
    const p = { x: 13, y: 7 };
    expect(toScreen(view, p)).toEqual({ x: 36, y: -6 });
    expect(toPlan(view, toScreen(view, p))).toEqual(p);
  });
});

describe('screenRectOf', () => {
  it('scales and shifts a box, plus an offset', () => {
    expect(screenRectOf({ minX: 0, minY: 10, maxX: 5, maxY: 20 }, view, { x: 100, y: 50 })).toEqual({
      x: 110,
      y: 50,
      width: 10,
      height: 20,
    });
  });
});

describe('wheel', () => {
  it('zooms in on a wheel up and out on a wheel down, by line and page units too', () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48, 0));
    expect(wheelZoomFactor(1, 2)).toBeCloseTo(wheelZoomFactor(400, 0));
    expect(wheelZoomFactor(0, 0)).toBe(1);
  });

  it('scrolls the page unless Ctrl or Cmd is held, on a plan inside a page', () => {
    expect(wheelZooms('page', { ctrlKey: false, metaKey: false })).toBe(false);
    expect(wheelZooms('page', { ctrlKey: true, metaKey: false })).toBe(true);
    expect(wheelZooms('page', { ctrlKey: false, metaKey: true })).toBe(true);
    expect(wheelZooms('canvas', { ctrlKey: false, metaKey: false })).toBe(true);
  });
});

describe('pinch', () => {
  it('measures centre and spread, never zero', () => {
    expect(pinchOf({ x: 0, y: 0 }, { x: 6, y: 8 })).toEqual({ center: { x: 3, y: 4 }, distance: 10 });
    expect(pinchOf({ x: 1, y: 1 }, { x: 1, y: 1 }).distance).toBe(1);
  });

  it('keeps the plan point under the fingers while spreading them', () => {
    const start = { scale: 1, x: 0, y: 0 };
    const from = pinchOf({ x: 90, y: 100 }, { x: 110, y: 100 });
    const to = pinchOf({ x: 80, y: 100 }, { x: 120, y: 100 });
    const next = pinchStep(start, from, to, 0.1, 10);
    expect(next.scale).toBeCloseTo(2);
    expect(toPlan(next, { x: 100, y: 100 })).toEqual({ x: 100, y: 100 });
  });

  it('pans by the movement of the centre', () => {
    const from = pinchOf({ x: 0, y: 0 }, { x: 10, y: 0 });
    const to = pinchOf({ x: 5, y: 7 }, { x: 15, y: 7 });
    expect(pinchStep({ scale: 1, x: 0, y: 0 }, from, to, 0.1, 10)).toEqual({ scale: 1, x: 5, y: 7 });
  });

  it('respects the zoom limits', () => {
    const from = pinchOf({ x: 0, y: 0 }, { x: 10, y: 0 });
    const to = pinchOf({ x: 0, y: 0 }, { x: 1000, y: 0 });
    expect(pinchStep({ scale: 1, x: 0, y: 0 }, from, to, 0.1, 3).scale).toBe(3);
  });
});

describe('labelFontSize (level of detail)', () => {
  const desk = { width: 80, height: 40 };

  it('uses the natural size when that is readable on screen', () => {
    expect(labelFontSize(12, 1, desk, 4)).toBe(12);
  });

  it('grows the label to a readable screen size when zoomed out, if it still fits', () => {
    const size = labelFontSize(12, 0.5, desk, 4);
    expect(size).toBe(READABLE_LABEL_PX / 0.5);
    expect((size ?? 0) * 0.5).toBe(READABLE_LABEL_PX);
  });

  it('leaves the label out when the space is too small on screen for it', () => {
    // 80 × 40 plan units at 0.2 = 16 × 8 px: no 11 px label fits.
    expect(labelFontSize(12, 0.2, desk, 4)).toBeNull();
  });

  it('leaves out a label too long for its space', () => {
    expect(labelFontSize(12, 1, desk, 20)).toBeNull();
  });
});

describe('zoomLimits', () => {
  it('is relative to the whole-plan scale with an absolute floor for the maximum', () => {
    expect(zoomLimits(0.5, { min: 0.5, max: 40 })).toEqual({ min: 0.25, max: 20 });
    expect(zoomLimits(0.01, { min: 0.25, max: 40 })).toEqual({ min: 0.0025, max: 4 });
  });
});
