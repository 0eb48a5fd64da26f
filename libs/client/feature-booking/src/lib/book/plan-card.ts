import type { Point } from '@flexdesk/shared-contracts';

/** Below this width (px) of the plan, the card spans the plan's width instead of sitting beside the space. */
export const NARROW_PLAN_PX = 480;
/** Gap between the space's centre and the card's nearest corner, so the label and symbol stay visible. */
const GAP_PX = 14;

export interface CardPosition {
  left: string;
  top: string;
  width: string | null;
  transform: string;
}

/**
 * Where to put the card for a space whose centre is at `anchor` (pixels of the plan component): in
 * the quadrant facing the middle of the plan, so it opens towards free room and does not spill out.
 * On a narrow plan (a phone) it takes the full width, above or below the space.
 */
export function cardPosition(anchor: Point, area: { width: number; height: number }): CardPosition {
  const below = anchor.y < area.height / 2;
  const top = `${Math.round(below ? anchor.y + GAP_PX : anchor.y - GAP_PX)}px`;
  const y = below ? '0' : '-100%';
  if (area.width < NARROW_PLAN_PX) {
    return { left: '0.5rem', top, width: 'calc(100% - 1rem)', transform: `translateY(${y})` };
  }
  const right = anchor.x < area.width / 2;
  return {
    left: `${Math.round(right ? anchor.x + GAP_PX : anchor.x - GAP_PX)}px`,
    top,
    width: null,
    transform: `translate(${right ? '0' : '-100%'}, ${y})`,
  };
}
