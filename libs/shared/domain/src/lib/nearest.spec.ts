import { type PlacedSpace, nearestFreeSpace } from './nearest';

const desk = (id: string, x: number, y: number, overrides: Partial<PlacedSpace> = {}): PlacedSpace => ({
  id,
  label: id,
  kind: 'desk',
  x,
  y,
  width: 10,
  height: 10,
  rotation: 0,
  ...overrides,
});

describe('nearestFreeSpace', () => {
  const spaces = [desk('A', 0, 0), desk('B', 20, 0), desk('C', 0, 15), desk('D', 100, 100)];
  const free = (ids: string[]) => (s: PlacedSpace) => ids.includes(s.id);

  it('picks the closest free space of the same kind', () => {
    expect(nearestFreeSpace(spaces, 'A', free(['B', 'C', 'D']))?.id).toBe('C');
    expect(nearestFreeSpace(spaces, 'A', free(['B', 'D']))?.id).toBe('B');
  });

  it('never returns the anchor itself', () => {
    expect(nearestFreeSpace(spaces, 'A', free(['A', 'D']))?.id).toBe('D');
  });

  it('ignores other kinds and unknown anchors, and is null when nothing is free', () => {
    const withRoom = [...spaces, desk('R', 0, 5, { kind: 'room' })];
    expect(nearestFreeSpace(withRoom, 'A', free(['R', 'D']))?.id).toBe('D');
    expect(nearestFreeSpace(withRoom, 'A', free(['R']), 'room')?.id).toBe('R');
    expect(nearestFreeSpace(spaces, 'nope', free(['B']))).toBeNull();
    expect(nearestFreeSpace(spaces, 'A', free([]))).toBeNull();
  });

  it('measures between rotated centres', () => {
    // A long desk rotated by 90° around its corner has its centre to the left of the origin.
    const rotated = [desk('A', 0, 0), desk('L', 30, 0, { width: 40, height: 10, rotation: 90 }), desk('M', 18, 0)];
    expect(nearestFreeSpace(rotated, 'A', free(['L', 'M']))?.id).toBe('M');
  });

  it('breaks ties by label, numerically', () => {
    const tied = [desk('A', 0, 0), desk('x', 20, 0, { label: '2.10' }), desk('y', -20, 0, { label: '2.9' })];
    expect(nearestFreeSpace(tied, 'A', free(['x', 'y']))?.label).toBe('2.9');
  });
});
