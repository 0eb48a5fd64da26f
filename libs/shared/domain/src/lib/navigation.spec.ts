import {
  type Placed,
  firstInReadingOrder,
  fitTransform,
  hitTest,
  nearestInDirection,
  pointInRotatedRect,
  rotatedCenter,
  rotatedCorners,
  zoomAround,
} from './navigation';

const at = (id: string, x: number, y: number): Placed => ({ id, center: { x, y } });

describe('nearestInDirection', () => {
  // A 3 × 3 grid, 10 units apart, ids by row and column.
  const grid = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => at(`r${row}c${col}`, col * 10, row * 10)));
  const centre = { x: 10, y: 10 };

  it('moves one step in each direction on a grid', () => {
    expect(nearestInDirection(centre, grid, 'right', 'r1c1')).toBe('r1c2');
    expect(nearestInDirection(centre, grid, 'left', 'r1c1')).toBe('r1c0');
    expect(nearestInDirection(centre, grid, 'up', 'r1c1')).toBe('r0c1');
    expect(nearestInDirection(centre, grid, 'down', 'r1c1')).toBe('r2c1');
  });

  it('returns null at the edge', () => {
    expect(nearestInDirection({ x: 20, y: 10 }, grid, 'right', 'r1c2')).toBeNull();
    expect(nearestInDirection({ x: 0, y: 0 }, grid, 'up', 'r0c0')).toBeNull();
  });

  it('ignores items outside the 90° cone', () => {
    const items = [at('steep', 5, 20)];
    expect(nearestInDirection({ x: 0, y: 0 }, items, 'right')).toBeNull();
    expect(nearestInDirection({ x: 0, y: 0 }, items, 'down')).toBe('steep');
  });

  it('prefers the item straight ahead over a nearer one off to the side', () => {
    const items = [at('ahead', 30, 0), at('aside', 12, 10)];
    // ahead: 30 + 0; aside: 12 + 2 × 10 = 32
    expect(nearestInDirection({ x: 0, y: 0 }, items, 'right')).toBe('ahead');
  });

  it('excludes the current item and items at the same spot', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, [at('self', 0, 0)], 'right', 'self')).toBeNull();
    expect(nearestInDirection({ x: 0, y: 0 }, [at('twin', 0, 0)], 'right')).toBeNull();
  });

  it('breaks ties by id, whatever the input order', () => {
    const a = [at('b', 10, 5), at('a', 10, -5)];
    expect(nearestInDirection({ x: 0, y: 0 }, a, 'right')).toBe('a');
    expect(nearestInDirection({ x: 0, y: 0 }, [...a].reverse(), 'right')).toBe('a');
  });

  it('returns null for no items', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, [], 'left')).toBeNull();
  });
});

describe('firstInReadingOrder', () => {
  it('picks the item nearest the top-left', () => {
    expect(firstInReadingOrder([at('far', 100, 100), at('near', 5, 3), at('mid', 50, 0)])).toBe('near');
    expect(firstInReadingOrder([])).toBeNull();
  });
});

describe('rotated boxes', () => {
  const box = { x: 10, y: 10, width: 4, height: 2, rotation: 90 };

  it('rotates corners clockwise around the top-left corner', () => {
    const [a, b, c, d] = rotatedCorners(box);
    expect(a).toEqual({ x: 10, y: 10 });
    expect(b.x).toBeCloseTo(10);
    expect(b.y).toBeCloseTo(14);
    expect(c.x).toBeCloseTo(8);
    expect(c.y).toBeCloseTo(14);
    expect(d.x).toBeCloseTo(8);
    expect(d.y).toBeCloseTo(10);
  });

  it('finds the centre of a rotated box', () => {
    const c = rotatedCenter(box);
    expect(c.x).toBeCloseTo(9);
    expect(c.y).toBeCloseTo(12);
    expect(rotatedCenter({ ...box, rotation: 0 })).toEqual({ x: 12, y: 11 });
  });

  it('hit-tests points against the rotated area, edges included', () => {
    expect(pointInRotatedRect({ x: 9, y: 12 }, box)).toBe(true);
    expect(pointInRotatedRect({ x: 10, y: 10 }, box)).toBe(true);
    expect(pointInRotatedRect({ x: 12, y: 11 }, box)).toBe(false); // inside only when unrotated
    expect(pointInRotatedRect({ x: 12, y: 11 }, { ...box, rotation: 0 })).toBe(true);
  });

  it('returns the topmost hit and honours the skip predicate', () => {
    const rects = [
      { id: 'under', x: 0, y: 0, width: 10, height: 10, rotation: 0 },
      { id: 'over', x: 5, y: 5, width: 10, height: 10, rotation: 0 },
    ];
    expect(hitTest({ x: 6, y: 6 }, rects)?.id).toBe('over');
    expect(hitTest({ x: 6, y: 6 }, rects, (r) => r.id === 'over')?.id).toBe('under');
    expect(hitTest({ x: 50, y: 50 }, rects)).toBeNull();
  });
});

describe('view maths', () => {
  it('fits and centres content in the viewport', () => {
    const v = fitTransform({ width: 200, height: 100 }, { width: 420, height: 420 }, 10);
    expect(v.scale).toBe(2);
    expect(v.x).toBe(10);
    expect(v.y).toBe(110);
  });

  it('copes with empty content and tiny viewports', () => {
    expect(fitTransform({ width: 0, height: 0 }, { width: 100, height: 100 })).toEqual({ scale: 1, x: 16, y: 16 });
    expect(fitTransform({ width: 10, height: 10 }, { width: 0, height: 0 }).scale).toBeGreaterThan(0);
  });

  it('zooms around an anchor, keeping the plan point under it', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const z = zoomAround(view, { x: 100, y: 50 }, 2);
    expect(z).toEqual({ scale: 2, x: -100, y: -50 });
    // The plan point (100, 50) is still at screen (100, 50).
    expect(100 * z.scale + z.x).toBe(100);
  });

  it('clamps the scale', () => {
    expect(zoomAround({ scale: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 1000, 0.1, 5).scale).toBe(5);
    expect(zoomAround({ scale: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 0.0001, 0.1, 5).scale).toBe(0.1);
  });
});
