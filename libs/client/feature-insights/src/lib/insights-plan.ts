import type { Floor, InsightSpace } from '@flexdesk/shared-contracts';
import { rotatedCenter } from '@flexdesk/shared-domain';
import { heatLevel } from './insights-range';

/** Fill per heat level: light to dark blue, all light enough for black text with a white halo. */
export const HEAT_FILL = ['#f4f6fa', '#dbe6f5', '#b9cfee', '#93b2e2', '#6f94d4'] as const;
export const SUPPRESSED_FILL = '#e6e6e6';

export interface PlanCell {
  spaceId: string;
  label: string;
  /** SVG transform placing the unrotated box (rotation pivots on the top-left corner). */
  transform: string;
  width: number;
  height: number;
  cx: number;
  cy: number;
  fontSize: number;
  fill: string;
  /** The figure written in the space: a percentage, or the suppression note. */
  value: string;
}

/** The plan heatmap's cells: every space of the floor with its figure written in it. */
export function planCells(
  floor: Floor,
  spaces: readonly InsightSpace[],
  format: (s: InsightSpace | undefined) => string,
): PlanCell[] {
  const byId = new Map(spaces.map((s) => [s.spaceId, s]));
  return floor.spaces.map((space) => {
    const s = byId.get(space.id);
    const c = rotatedCenter(space);
    const suppressed = s?.measures.suppressed ?? false;
    return {
      spaceId: space.id,
      label: space.label,
      transform: `translate(${space.x} ${space.y}) rotate(${space.rotation})`,
      width: space.width,
      height: space.height,
      cx: c.x,
      cy: c.y,
      fontSize: Math.max(6, Math.min(space.width, space.height, 60) * 0.3),
      fill: suppressed ? SUPPRESSED_FILL : HEAT_FILL[heatLevel(s?.measures.bookedShare ?? null)],
      value: format(s),
    };
  });
}
