import type { Point } from '@flexdesk/shared-contracts';
import { pointInPolygon, polygonBounds, rectCenter } from './geometry';

const pts = (...coords: [number, number][]): Point[] =>
  coords.map(([x, y]) => ({ x, y }));

describe('pointInPolygon', () => {
  const square = pts([0, 0], [10, 0], [10, 10], [0, 10]);

  it('finds points inside and outside a square', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false);
    expect(pointInPolygon({ x: -1, y: 5 }, square)).toBe(false);
    expect(pointInPolygon({ x: 5, y: 11 }, square)).toBe(false);
  });

  it('counts edges and vertices as inside', () => {
    expect(pointInPolygon({ x: 0, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 10, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 5, y: 10 }, square)).toBe(true);
    expect(pointInPolygon({ x: 10, y: 10 }, square)).toBe(true);
    expect(pointInPolygon({ x: 0, y: 0 }, square)).toBe(true);
  });

  it('counts a point on a slanted edge as inside', () => {
    const triangle = pts([0, 0], [10, 0], [0, 10]);
    expect(pointInPolygon({ x: 5, y: 5 }, triangle)).toBe(true);
    expect(pointInPolygon({ x: 5.01, y: 5 }, triangle)).toBe(false);
  });

  describe('with a concave (U-shaped) polygon', () => {
    // A U opening upwards: the notch is x 4..6, y 4..10.
    const u = pts(
      [0, 0],
      [10, 0],
      [10, 10],
      [6, 10],
      [6, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    );

    it('finds points in both arms and the base', () => {
      expect(pointInPolygon({ x: 2, y: 8 }, u)).toBe(true);
      expect(pointInPolygon({ x: 8, y: 8 }, u)).toBe(true);
      expect(pointInPolygon({ x: 5, y: 2 }, u)).toBe(true);
    });

    it('excludes the notch, although it lies within the bounds', () => {
      expect(pointInPolygon({ x: 5, y: 8 }, u)).toBe(false);
    });

    it('counts the notch edges as inside', () => {
      expect(pointInPolygon({ x: 5, y: 4 }, u)).toBe(true);
      expect(pointInPolygon({ x: 6, y: 7 }, u)).toBe(true);
    });

    it('is not fooled by a ray through a reflex vertex', () => {
      // The horizontal ray from (1, 4) passes exactly through the vertices (4, 4) and (6, 4).
      expect(pointInPolygon({ x: 1, y: 4 }, u)).toBe(true);
      expect(pointInPolygon({ x: -1, y: 4 }, u)).toBe(false);
    });
  });

  it('works whatever the winding order', () => {
    const clockwise = pts([0, 0], [0, 10], [10, 10], [10, 0]);
    expect(pointInPolygon({ x: 5, y: 5 }, clockwise)).toBe(true);
    expect(pointInPolygon({ x: 11, y: 5 }, clockwise)).toBe(false);
  });

  it('is false for degenerate polygons', () => {
    expect(pointInPolygon({ x: 0, y: 0 }, [])).toBe(false);
    expect(pointInPolygon({ x: 0, y: 0 }, pts([0, 0], [1, 1]))).toBe(false);
  });
});

describe('polygonBounds', () => {
  it('gives the bounding box', () => {
    expect(polygonBounds(pts([2, 3], [10, 1], [7, 9], [-1, 4]))).toEqual({
      x: -1,
      y: 1,
      width: 11,
      height: 8,
    });
  });

  it('is empty for an empty polygon', () => {
    expect(polygonBounds([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe('rectCenter', () => {
  it('gives the centre of the box', () => {
    expect(rectCenter({ x: 10, y: 20, width: 30, height: 10 })).toEqual({
      x: 25,
      y: 25,
    });
  });

  it('ignores extra fields such as rotation', () => {
    const space = { x: 0, y: 0, width: 4, height: 2, rotation: 90 };
    expect(rectCenter(space)).toEqual({ x: 2, y: 1 });
  });
});
