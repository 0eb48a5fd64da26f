import type { ScreenRect } from '@flexdesk/shared-domain';
import { CARD_GAP_PX, type CardPosition, cardPosition, overlaps } from './plan-card';

const area = { width: 1000, height: 600 };
const card = { width: 300, height: 200 };
const box = (p: CardPosition, size = card): ScreenRect => ({
  x: parseFloat(p.left),
  y: parseFloat(p.top),
  width: size.width,
  height: size.height,
});
const inside = (r: ScreenRect, a = area) =>
  r.x >= 0 && r.y >= 0 && r.x + r.width <= a.width && r.y + r.height <= a.height;

describe('cardPosition', () => {
  it('puts the card beside the space, on the side with more room, vertically centred on it', () => {
    const desk = { x: 100, y: 250, width: 40, height: 30 };
    const p = cardPosition(desk, area, card);
    expect(p.side).toBe('right');
    expect(p.left).toBe(`${140 + CARD_GAP_PX}px`);
    expect(p.top).toBe('165px');
    expect(cardPosition({ x: 860, y: 250, width: 40, height: 30 }, area, card)).toMatchObject({
      side: 'left',
      left: `${860 - CARD_GAP_PX - 300}px`,
    });
  });

  it('slides along the edge to stay inside the plan area', () => {
    const p = cardPosition({ x: 100, y: 5, width: 40, height: 30 }, area, card);
    expect(p.side).toBe('right');
    expect(p.top).toBe('8px');
  });

  it('goes below or above when the plan is too narrow on both sides of the space', () => {
    const slim = { width: 600, height: 700 };
    const top = cardPosition({ x: 250, y: 100, width: 100, height: 40 }, slim, card);
    expect(top.side).toBe('below');
    expect(top.top).toBe(`${140 + CARD_GAP_PX}px`);
    expect(top.left).toBe('150px');
    expect(cardPosition({ x: 250, y: 550, width: 100, height: 40 }, slim, card).side).toBe('above');
  });

  it('never covers the space and stays inside whenever the card fits somewhere', () => {
    for (let x = 0; x <= 960; x += 40) {
      for (let y = 0; y <= 570; y += 30) {
        const desk = { x, y, width: 40, height: 30 };
        const placed = box(cardPosition(desk, area, card));
        expect(overlaps(placed, desk)).toBe(false);
        expect(inside(placed)).toBe(true);
      }
    }
  });

  it('when nothing fits, takes the side with most room, still clear of the space', () => {
    const tiny = { width: 500, height: 260 };
    const desk = { x: 200, y: 100, width: 100, height: 60 };
    const p = cardPosition(desk, tiny, card);
    expect(overlaps(box(p), desk)).toBe(false);
  });

  it('is a full-width sheet on a narrow plan, below the space or above it when there is no room below', () => {
    const phone = { width: 340, height: 600 };
    expect(cardPosition({ x: 100, y: 100, width: 30, height: 20 }, phone, card)).toEqual({
      left: '8px',
      top: `${120 + CARD_GAP_PX}px`,
      width: 'calc(100% - 16px)',
      transform: 'none',
      side: 'sheet',
    });
    const low = cardPosition({ x: 100, y: 500, width: 30, height: 20 }, phone, card);
    expect(low.top).toBe(`${500 - CARD_GAP_PX - 200}px`);
  });
});

describe('overlaps', () => {
  it('counts touching edges as apart', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 5, height: 5 })).toBe(true);
  });
});
