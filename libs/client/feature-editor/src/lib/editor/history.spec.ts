import { canRedo, canUndo, historyOf, record, redo, undo } from './history';

describe('History', () => {
  it('starts with nothing to undo or redo', () => {
    const h = historyOf('a');
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('undoes and redoes in order', () => {
    let h = record(record(historyOf('a'), 'b'), 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch when something new is recorded', () => {
    const h = record(undo(record(historyOf('a'), 'b')), 'x');
    expect(h.present).toBe('x');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('a');
  });

  it('ignores recording the present again', () => {
    const h = record(historyOf('a'), 'b');
    expect(record(h, 'b')).toBe(h);
  });

  it('forgets the oldest entries beyond the limit', () => {
    let h = historyOf(0);
    for (let i = 1; i <= 5; i++) h = record(h, i, 3);
    expect(h.past).toEqual([2, 3, 4]);
    expect(h.present).toBe(5);
  });

  it('never mutates an earlier history', () => {
    const a = record(historyOf('a'), 'b');
    const frozen = JSON.stringify(a);
    undo(a);
    record(a, 'c');
    expect(JSON.stringify(a)).toBe(frozen);
  });
});
