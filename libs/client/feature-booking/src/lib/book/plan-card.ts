import type { ScreenRect } from '@flexdesk/shared-domain';

/** Below this width (px) of the plan, the card spans the plan's width instead of sitting beside the space. */
export const NARROW_PLAN_PX = 480;
/** Room between the space's box and the card, so its outline, badge and label stay visible. */
export const CARD_GAP_PX = 8;
/** Room kept between the card and the edges of the plan area. */
const MARGIN_PX = 8;
/** The card's size before it was first measured (its CSS width, a typical height). */
export const CARD_ESTIMATE = { width: 320, height: 240 } as const;

export type CardSide = 'right' | 'left' | 'below' | 'above';

export interface CardPosition {
  left: string;
  top: string;
  width: string | null;
  transform: string;
  /** Where the card ended up relative to the space; `sheet` on a narrow plan. */
  side: CardSide | 'sheet';
}

interface Size {
  width: number;
  height: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Where to put the card for the space whose box (pixels of the plan area) is `space`, so that it
 * never covers it: beside the space (towards the side with more room first), else below or above,
 * whichever fits inside the plan area; each slid along its edge to stay inside. When nothing fits
 * (a card taller than the plan, say), the side with the most room, still clear of the space.
 * On a narrow plan (a phone) the card spans the width, below or above the space, as a sheet.
 */
export function cardPosition(space: ScreenRect, area: Size, card: Size = CARD_ESTIMATE): CardPosition {
  const px = (n: number) => `${Math.round(n)}px`;
  const room = {
    right: area.width - MARGIN_PX - (space.x + space.width + CARD_GAP_PX),
    left: space.x - CARD_GAP_PX - MARGIN_PX,
    below: area.height - MARGIN_PX - (space.y + space.height + CARD_GAP_PX),
    above: space.y - CARD_GAP_PX - MARGIN_PX,
  };
  const topBelow = space.y + space.height + CARD_GAP_PX;
  const topAbove = space.y - CARD_GAP_PX - card.height;

  if (area.width < NARROW_PLAN_PX) {
    const below = room.below >= card.height || room.below >= room.above;
    return {
      left: px(MARGIN_PX),
      top: px(below ? topBelow : Math.max(MARGIN_PX, topAbove)),
      width: `calc(100% - ${2 * MARGIN_PX}px)`,
      transform: 'none',
      side: 'sheet',
    };
  }

  const beside = room.right >= room.left ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const order: CardSide[] = [
    ...beside,
    room.below >= room.above ? 'below' : 'above',
    room.below >= room.above ? 'above' : 'below',
  ];
  const fits = (side: CardSide) =>
    side === 'right' || side === 'left'
      ? room[side] >= card.width && area.height - 2 * MARGIN_PX >= card.height
      : room[side] >= card.height && area.width - 2 * MARGIN_PX >= card.width;
  const side = order.find(fits) ?? order.reduce((best, s) => (room[s] > room[best] ? s : best));

  const centredTop = clamp(
    space.y + space.height / 2 - card.height / 2,
    MARGIN_PX,
    area.height - MARGIN_PX - card.height,
  );
  const centredLeft = clamp(space.x + space.width / 2 - card.width / 2, MARGIN_PX, area.width - MARGIN_PX - card.width);
  const at: Record<CardSide, { left: number; top: number }> = {
    right: { left: space.x + space.width + CARD_GAP_PX, top: centredTop },
    left: { left: space.x - CARD_GAP_PX - card.width, top: centredTop },
    below: { left: centredLeft, top: topBelow },
    above: { left: centredLeft, top: topAbove },
  };
  return { left: px(at[side].left), top: px(at[side].top), width: null, transform: 'none', side };
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
