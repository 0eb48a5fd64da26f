import { cardPosition } from './plan-card';

describe('cardPosition', () => {
  const area = { width: 1000, height: 600 };

  it('opens towards the middle of the plan, beside the space', () => {
    expect(cardPosition({ x: 100, y: 100 }, area)).toEqual({
      left: '114px',
      top: '114px',
      width: null,
      transform: 'translate(0, 0)',
    });
    expect(cardPosition({ x: 900, y: 500 }, area)).toEqual({
      left: '886px',
      top: '486px',
      width: null,
      transform: 'translate(-100%, -100%)',
    });
  });

  it('spans a narrow plan, above or below the space', () => {
    const phone = { width: 340, height: 500 };
    expect(cardPosition({ x: 300, y: 100 }, phone)).toEqual({
      left: '0.5rem',
      top: '114px',
      width: 'calc(100% - 1rem)',
      transform: 'translateY(0)',
    });
    expect(cardPosition({ x: 20, y: 400 }, phone).transform).toBe('translateY(-100%)');
  });
});
