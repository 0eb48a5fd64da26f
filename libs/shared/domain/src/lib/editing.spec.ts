import type { Point } from '@flexdesk/shared-contracts';
import {
  type Bounds,
  alignSpaces,
  angleFromCenter,
  boundsOf,
  clampDelta,
  clampIntoPlan,
  clampPoint,
  deleteVertex,
  distributeSpaces,
  duplicateSpaces,
  freshLabel,
  insertVertex,
  moveSpaces,
  moveVertex,
  nearestEdge,
  normalizeAngle,
  pointToSegment,
  rectFromPoints,
  resizeSpace,
  rowAlongLine,
  rotateAroundCenter,
  selectionBounds,
  snapAngle,
  snapMove,
  snapToGrid,
  spacesInRect,
} from './editing';
import { rotatedCenter, rotatedCorners } from './navigation';

const box = (id: string, x: number, y: number, width = 10, height = 10, rotation = 0) => ({
  id,
  label: id,
  x,
  y,
  width,
  height,
  rotation,
});
const b = (minX: number, minY: number, maxX: number, maxY: number): Bounds => ({ minX, minY, maxX, maxY });
const close = (p: Point, q: Point) => {
  expect(p.x).toBeCloseTo(q.x, 6);
  expect(p.y).toBeCloseTo(q.y, 6);
};
const off = { grid: null, neighbours: false, threshold: 5 };

describe('boundsOf / selectionBounds', () => {
  it('is the box itself when not rotated', () => {
    expect(boundsOf(box('a', 5, 6, 10, 4))).toEqual(b(5, 6, 15, 10));
  });

  it('covers the rotated box (90° turns around the top-left corner)', () => {
    const r = boundsOf(box('a', 20, 0, 10, 4, 90));
    expect(r.minX).toBeCloseTo(16);
    expect(r.maxX).toBeCloseTo(20);
    expect(r.minY).toBeCloseTo(0);
    expect(r.maxY).toBeCloseTo(10);
  });

  it('unites several and is null for none', () => {
    expect(selectionBounds([box('a', 0, 0), box('b', 30, 40)])).toEqual(b(0, 0, 40, 50));
    expect(selectionBounds([])).toBeNull();
  });
});

describe('snapToGrid', () => {
  it('rounds to the nearest grid line', () => {
    expect(snapToGrid(14, 10)).toBe(10);
    expect(snapToGrid(15, 10)).toBe(20);
    expect(snapToGrid(-6, 10)).toBe(-10);
  });

  it('leaves the value alone without a grid', () => {
    expect(snapToGrid(14.3, null)).toBe(14.3);
    expect(snapToGrid(14.3, 0)).toBe(14.3);
  });
});

describe('snapMove', () => {
  const moving = b(0, 0, 10, 10);

  it('passes the delta through when nothing snaps', () => {
    expect(snapMove(moving, { x: 3, y: 4 }, [], off)).toEqual({ dx: 3, dy: 4, guides: [] });
  });

  it('snaps the left edge to the grid', () => {
    const r = snapMove(b(2, 0, 12, 10), { x: 14, y: 3 }, [], { ...off, grid: 10 });
    expect(r.dx).toBe(18); // left edge 16 → 20
    expect(r.dy).toBe(0); // top edge 3 → 0
  });

  it("snaps the left edge to a neighbour's right edge and returns a vertical guide", () => {
    const r = snapMove(moving, { x: 48, y: 30 }, [b(60, 0, 80, 20)], { ...off, neighbours: true });
    // Moved left edge 48 is near nothing; right edge 58 is 2 from the neighbour's left edge 60.
    expect(r.dx).toBe(50);
    expect(r.guides).toEqual([{ axis: 'x', at: 60, from: 0, to: 40 }]);
    expect(r.dy).toBe(30);
  });

  it('snaps centres to centres', () => {
    const r = snapMove(moving, { x: 0, y: 33 }, [b(100, 30, 120, 50)], { ...off, neighbours: true });
    // Moved centre y 38, neighbour centre 40: 2 away; top 33 vs 30: 3 away.
    expect(r.dy).toBe(35);
    expect(r.guides).toEqual([{ axis: 'y', at: 40, from: 0, to: 120 }]);
  });

  it('prefers the closest candidate', () => {
    const r = snapMove(moving, { x: 21, y: 0 }, [b(0, 50, 20, 60), b(0, 80, 32, 90)], { ...off, neighbours: true });
    // Left edge 21 is 1 from 20; right edge 31 is 1 from 32 too: the first found wins ties.
    expect(Math.abs(r.dx - 21)).toBe(1);
  });

  it('does not snap beyond the threshold and then falls back to the grid', () => {
    const r = snapMove(moving, { x: 40, y: 0 }, [b(60, 0, 80, 20)], { grid: 25, neighbours: true, threshold: 5 });
    expect(r.dx).toBe(50);
    expect(r.guides.filter((g) => g.axis === 'x')).toEqual([]);
  });

  it('ignores neighbours when neighbour snapping is off', () => {
    expect(snapMove(moving, { x: 49, y: 0 }, [b(60, 0, 80, 20)], off).dx).toBe(49);
  });
});

describe('clampDelta / clampIntoPlan', () => {
  const plan = { width: 100, height: 50 };

  it('keeps a moved selection inside the plan', () => {
    expect(clampDelta([box('a', 10, 10), box('b', 70, 30)], { x: 50, y: -20 }, plan)).toEqual({ x: 20, y: -10 });
    expect(clampDelta([box('a', 10, 10)], { x: -30, y: 100 }, plan)).toEqual({ x: -10, y: 30 });
  });

  it('passes a delta that stays inside', () => {
    expect(clampDelta([box('a', 10, 10)], { x: 5, y: 5 }, plan)).toEqual({ x: 5, y: 5 });
  });

  it('keeps rotated boxes wholly visible', () => {
    // Rotated 90° around (5, 0): it reaches from x = -5 to 5, so it must move right by 5.
    const p = clampIntoPlan(box('a', 5, 0, 10, 10, 90), plan);
    expect(p.x).toBeCloseTo(10);
    expect(p.y).toBeCloseTo(0);
  });

  it('moves a space that sticks out back inside', () => {
    expect(clampIntoPlan(box('a', 95, -3), plan)).toEqual({ x: 90, y: 0 });
  });
});

describe('spacesInRect', () => {
  const spaces = [box('a', 0, 0), box('b', 20, 0), box('c', 50, 50), box('r', 40, 0, 20, 4, 45)];

  it('selects everything touching the band', () => {
    expect(spacesInRect(spaces, b(5, 5, 25, 8))).toEqual(['a', 'b']);
  });

  it('selects only what lies wholly inside in contain mode', () => {
    expect(spacesInRect(spaces, b(-1, -1, 25, 11), 'contain')).toEqual(['a']);
    expect(spacesInRect(spaces, b(-1, -1, 31, 11), 'contain')).toEqual(['a', 'b']);
  });

  it('uses the rotated shape, not its bounds', () => {
    // The 45° box from (40,0) runs down-right; (41, 12) is within its bounds but off the box.
    const r = spaces[3];
    const bounds = boundsOf(r);
    expect(bounds.maxY).toBeGreaterThan(12);
    expect(spacesInRect([r], b(40.5, 11.5, 41.5, 12.5))).toEqual([]);
    const c = rotatedCenter(r);
    expect(spacesInRect([r], b(c.x - 0.5, c.y - 0.5, c.x + 0.5, c.y + 0.5))).toEqual(['r']);
  });

  it('builds the band from corners in any order', () => {
    expect(rectFromPoints({ x: 10, y: 2 }, { x: 3, y: 8 })).toEqual(b(3, 2, 10, 8));
  });
});

describe('alignSpaces', () => {
  const spaces = [box('a', 0, 0, 10, 10), box('b', 30, 20, 20, 10), box('c', 10, 40, 10, 20)];

  it('aligns left edges', () => {
    expect(alignSpaces(spaces, 'left')).toEqual([
      { id: 'b', x: 0, y: 20 },
      { id: 'c', x: 0, y: 40 },
    ]);
  });

  it('aligns right edges and centres', () => {
    expect(alignSpaces(spaces, 'right')).toEqual([
      { id: 'a', x: 40, y: 0 },
      { id: 'c', x: 40, y: 40 },
    ]);
    expect(alignSpaces(spaces, 'center')).toEqual([
      { id: 'a', x: 20, y: 0 },
      { id: 'b', x: 15, y: 20 },
      { id: 'c', x: 20, y: 40 },
    ]);
  });

  it('aligns top, middle and bottom', () => {
    expect(alignSpaces(spaces, 'top').map((p) => p.y)).toEqual([0, 0]);
    expect(alignSpaces(spaces, 'bottom')).toEqual([
      { id: 'a', x: 0, y: 50 },
      { id: 'b', x: 30, y: 50 },
    ]);
    expect(alignSpaces(spaces, 'middle').map((p) => p.y)).toEqual([25, 25, 20]);
  });

  it('aligns rotated spaces by their bounds', () => {
    const turned = box('t', 50, 50, 20, 10, 90); // bounds x 40..50
    const [patch] = alignSpaces([box('a', 0, 0), turned], 'left');
    expect(patch.id).toBe('t');
    expect(boundsOf({ ...turned, ...patch }).minX).toBeCloseTo(0);
  });

  it('does nothing for fewer than two spaces', () => {
    expect(alignSpaces([box('a', 3, 3)], 'left')).toEqual([]);
  });
});

describe('distributeSpaces', () => {
  it('evens out the horizontal gaps, keeping the outermost spaces', () => {
    const spaces = [box('a', 0, 0), box('c', 90, 0), box('b', 20, 5)];
    expect(distributeSpaces(spaces, 'horizontal')).toEqual([{ id: 'b', x: 45 }]);
  });

  it('handles different sizes vertically', () => {
    const spaces = [box('a', 0, 0, 10, 10), box('b', 0, 12, 10, 30), box('c', 0, 100, 10, 10), box('d', 0, 50, 10, 10)];
    // Occupied 60 of 110: gap 50/3.
    const patches = distributeSpaces(spaces, 'vertical');
    const gap = 50 / 3;
    expect(patches).toEqual([
      { id: 'b', y: 10 + gap },
      { id: 'd', y: 10 + gap + 30 + gap },
    ]);
  });

  it('needs at least three spaces', () => {
    expect(distributeSpaces([box('a', 0, 0), box('b', 50, 0)], 'horizontal')).toEqual([]);
  });
});

describe('resizeSpace', () => {
  it('grows to the right and down from the south-east handle', () => {
    expect(resizeSpace(box('a', 10, 10, 20, 10), 'se', { x: 5, y: 7 })).toEqual({
      x: 10,
      y: 10,
      width: 25,
      height: 17,
    });
  });

  it('keeps the opposite edge when dragging the west/north handles', () => {
    expect(resizeSpace(box('a', 10, 10, 20, 10), 'nw', { x: 4, y: -3 })).toEqual({
      x: 14,
      y: 7,
      width: 16,
      height: 13,
    });
  });

  it('never goes below the minimum size', () => {
    expect(resizeSpace(box('a', 10, 10, 20, 10), 'e', { x: -50, y: 0 }, 5)).toEqual({
      x: 10,
      y: 10,
      width: 5,
      height: 10,
    });
    expect(resizeSpace(box('a', 10, 10, 20, 10), 'w', { x: 50, y: 0 }, 5)).toEqual({
      x: 25,
      y: 10,
      width: 5,
      height: 10,
    });
  });

  it('ignores the component of the drag the handle does not move', () => {
    expect(resizeSpace(box('a', 0, 0, 20, 10), 'e', { x: 5, y: 100 })).toEqual({ x: 0, y: 0, width: 25, height: 10 });
  });

  it('works in the frame of a rotated space and keeps the opposite corner fixed', () => {
    const s = box('a', 50, 50, 20, 10, 90);
    const [, , farBefore] = rotatedCorners(s);
    // Rotated 90°, the local x axis points down the plan: dragging the west edge down by 5 narrows it by 5.
    const r = resizeSpace(s, 'nw', { x: 0, y: 5 });
    expect(r.width).toBeCloseTo(15);
    const [, , farAfter] = rotatedCorners({ ...s, ...r });
    close(farAfter, farBefore);
  });
});

describe('angles', () => {
  it('normalises into [0, 360)', () => {
    expect(normalizeAngle(370)).toBe(10);
    expect(normalizeAngle(-90)).toBe(270);
    expect(normalizeAngle(360)).toBe(0);
  });

  it('snaps to 15° steps', () => {
    expect(snapAngle(7)).toBe(0);
    expect(snapAngle(8)).toBe(15);
    expect(snapAngle(-8)).toBe(345);
    expect(snapAngle(44, 45)).toBe(45);
  });

  it('measures a handle drag with straight up as 0°', () => {
    expect(angleFromCenter({ x: 0, y: 0 }, { x: 0, y: -10 })).toBeCloseTo(0);
    expect(angleFromCenter({ x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(90);
    expect(angleFromCenter({ x: 0, y: 0 }, { x: -10, y: 0 })).toBeCloseTo(270);
  });
});

describe('rotateAroundCenter', () => {
  it('keeps the centre where it was', () => {
    const s = box('a', 10, 20, 40, 10);
    const r = rotateAroundCenter(s, 90);
    expect(r.rotation).toBe(90);
    close(rotatedCenter({ ...s, ...r }), rotatedCenter(s));
  });

  it('snaps the angle when asked', () => {
    const s = box('a', 10, 20, 40, 10, 30);
    const r = rotateAroundCenter(s, 52, 15);
    expect(r.rotation).toBe(45);
    close(rotatedCenter({ ...s, ...r }), rotatedCenter(s));
  });

  it('turning back to 0 restores the original position', () => {
    const s = box('a', 10, 20, 40, 10);
    const turned = { ...s, ...rotateAroundCenter(s, 135) };
    const back = rotateAroundCenter(turned, 0);
    expect(back.x).toBeCloseTo(10);
    expect(back.y).toBeCloseTo(20);
  });
});

describe('polygon vertices', () => {
  const square: Point[] = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];

  it('measures the distance to a segment, clamped to its ends', () => {
    expect(pointToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({
      distance: 3,
      point: { x: 5, y: 0 },
      t: 0.5,
    });
    expect(pointToSegment({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 }).distance).toBe(5);
    expect(pointToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 }).distance).toBe(5);
  });

  it('finds the nearest edge, including the closing one', () => {
    expect(nearestEdge(square, { x: 5, y: 1 })?.index).toBe(0);
    expect(nearestEdge(square, { x: 1, y: 6 })).toEqual({ index: 3, distance: 1, point: { x: 0, y: 6 } });
    expect(nearestEdge(square, { x: 5, y: 5 }, 2)).toBeNull();
  });

  it('inserts a vertex after the edge start', () => {
    const p = insertVertex(square, 3, { x: 0, y: 5 });
    expect(p).toHaveLength(5);
    expect(p[4]).toEqual({ x: 0, y: 5 });
    expect(insertVertex(square, 0, { x: 5, y: 0 })[1]).toEqual({ x: 5, y: 0 });
    expect(square).toHaveLength(4);
  });

  it('moves a vertex without touching the original', () => {
    const p = moveVertex(square, 2, { x: 12, y: 12 });
    expect(p[2]).toEqual({ x: 12, y: 12 });
    expect(square[2]).toEqual({ x: 10, y: 10 });
  });

  it('deletes a vertex but keeps at least three', () => {
    const p = deleteVertex(square, 1);
    expect(p).toEqual([square[0], square[2], square[3]]);
    expect(deleteVertex(p, 0)).toEqual(p);
    expect(deleteVertex(square, 9)).toEqual(square);
  });

  it('clamps points into the plan', () => {
    expect(clampPoint({ x: -5, y: 120 }, { width: 100, height: 100 })).toEqual({ x: 0, y: 100 });
  });
});

describe('duplicate', () => {
  it('counts a trailing number up, keeping leading zeros', () => {
    expect(freshLabel('2.09', new Set(['2.09']))).toBe('2.10');
    expect(freshLabel('A-1', new Set(['a-1', 'a-2']))).toBe('A-3');
    expect(freshLabel('007', new Set())).toBe('008');
  });

  it('appends a number to labels without one', () => {
    const taken = new Set(['lounge', 'lounge-2']);
    expect(freshLabel('Lounge', taken)).toBe('Lounge-3');
    expect(taken.has('lounge-3')).toBe(true);
  });

  it('stays within 40 characters', () => {
    expect(freshLabel('x'.repeat(40), new Set()).length).toBeLessThanOrEqual(40);
  });

  it('copies with new ids, offset and unused labels', () => {
    let n = 0;
    const all = [box('1', 0, 0), box('2', 20, 0), box('3', 40, 0)];
    const copies = duplicateSpaces(all.slice(0, 2), all, { x: 5, y: 5 }, () => `new${++n}`);
    expect(copies.map((c) => [c.id, c.label, c.x, c.y])).toEqual([
      ['new1', '4', 5, 5],
      ['new2', '5', 25, 5],
    ]);
  });

  it('keeps copies inside the plan', () => {
    const copies = duplicateSpaces([box('1', 90, 0)], [], { x: 20, y: 20 }, () => 'n', { width: 100, height: 100 });
    expect([copies[0].x, copies[0].y]).toEqual([90, 20]);
  });
});

describe('moveSpaces', () => {
  it('patches each position by the delta', () => {
    expect(moveSpaces([box('a', 1, 2), box('b', 3, 4)], { x: 10, y: -1 })).toEqual([
      { id: 'a', x: 11, y: 1 },
      { id: 'b', x: 13, y: 3 },
    ]);
  });
});

describe('rowAlongLine', () => {
  const desk = { width: 20, height: 10, gap: 5 };

  it('fits as many desks as the line is long, horizontally', () => {
    // 4 desks + 3 gaps = 95.
    expect(rowAlongLine({ x: 100, y: 50 }, { x: 5, y: 53 }, desk)).toEqual({
      direction: 'horizontal',
      count: 4,
      x: 5,
      y: 45,
    });
    expect(rowAlongLine({ x: 0, y: 0 }, { x: 94, y: 0 }, desk).count).toBe(3);
  });

  it('goes vertical when the line is steeper', () => {
    expect(rowAlongLine({ x: 30, y: 0 }, { x: 32, y: 40 }, desk)).toEqual({
      direction: 'vertical',
      count: 3,
      x: 20,
      y: 0,
    });
  });

  it('makes at least one and at most maxCount desks', () => {
    expect(rowAlongLine({ x: 0, y: 0 }, { x: 1, y: 0 }, desk).count).toBe(1);
    expect(rowAlongLine({ x: 0, y: 0 }, { x: 100_000, y: 0 }, desk, 50).count).toBe(50);
  });
});
