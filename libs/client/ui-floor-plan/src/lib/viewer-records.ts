import type { Point, Space, SpaceState } from '@flexdesk/shared-contracts';
import { rotatedCenter, rotatedCorners } from '@flexdesk/shared-domain';

/** One space as the viewer draws it: geometry worked out once per floor, state kept up to date. */
export interface SpaceRecord {
  readonly space: Space;
  /** Rotated corners, flattened: x0 y0 x1 y1 x2 y2 x3 y3. */
  readonly corners: readonly number[];
  readonly center: Point;
  /** Centre and radius of the state symbol (plan units). */
  readonly symbol: { x: number; y: number; r: number };
  /** Where a mark (e.g. a colleague's initials) sits: near the corner opposite the symbol. */
  readonly markAt: Point;
  /** Natural label size (plan units); the drawing may enlarge it to stay readable. */
  readonly fontSize: number;
  /** Axis-aligned bounds of the rotated box, plan units. */
  readonly box: Box;
  state: SpaceState;
  dimmed: boolean;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function spaceRecord(space: Space, state: SpaceState, dimmed: boolean): SpaceRecord {
  const corners = rotatedCorners(space).flatMap((p) => [p.x, p.y]);
  const r = Math.min(space.width, space.height) * 0.17;
  const rad = (space.rotation * Math.PI) / 180;
  // Symbol in the top-right corner of the unrotated box, so the centred label stays readable.
  const lx = space.width - r * 1.35;
  const ly = r * 1.35;
  const xs = [corners[0], corners[2], corners[4], corners[6]];
  const ys = [corners[1], corners[3], corners[5], corners[7]];
  const center = rotatedCenter(space);
  // The bottom-left corner, moved a little towards the centre.
  const toCenter = { x: center.x - corners[6], y: center.y - corners[7] };
  return {
    space,
    corners,
    box: { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) },
    center,
    symbol: {
      x: space.x + lx * Math.cos(rad) - ly * Math.sin(rad),
      y: space.y + lx * Math.sin(rad) + ly * Math.cos(rad),
      r,
    },
    markAt: { x: corners[6] + toCenter.x * 0.35, y: corners[7] + toCenter.y * 0.35 },
    fontSize: Math.max(4, Math.round(Math.min(space.height * 0.3, space.width * 0.22, 18))),
    state,
    dimmed,
  };
}

/** Uniform grid over the plan: which records touch a box, without looking at every record. */
export class SpatialGrid {
  private readonly cells = new Map<string, SpaceRecord[]>();
  private readonly cellSize: number;

  constructor(records: readonly SpaceRecord[]) {
    const sizes = records.map((r) => Math.max(r.space.width, r.space.height)).sort((a, b) => a - b);
    this.cellSize = Math.max(1, (sizes[Math.floor(sizes.length / 2)] ?? 50) * 2);
    for (const record of records) {
      this.forCells(record.box, (key) => {
        const cell = this.cells.get(key);
        if (cell) cell.push(record);
        else this.cells.set(key, [record]);
      });
    }
  }

  /** Records whose box overlaps `area`. */
  touching(area: Box, into: Set<SpaceRecord>): void {
    this.forCells(area, (key) => {
      for (const record of this.cells.get(key) ?? []) {
        const b = record.box;
        if (b.maxX >= area.minX && b.minX <= area.maxX && b.maxY >= area.minY && b.minY <= area.maxY) {
          into.add(record);
        }
      }
    });
  }

  private forCells(box: Box, visit: (key: string) => void): void {
    const size = this.cellSize;
    for (let cx = Math.floor(box.minX / size); cx <= Math.floor(box.maxX / size); cx++) {
      for (let cy = Math.floor(box.minY / size); cy <= Math.floor(box.maxY / size); cy++) visit(`${cx},${cy}`);
    }
  }
}
