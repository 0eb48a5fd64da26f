import { EditorGestures, type GestureContext, type Hit, type PointerInput } from './editor-gestures';

const at = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
  p: { x, y },
  at: { x, y },
  button: 0,
  shift: false,
  toggle: false,
  alt: false,
  ...extra,
});
const nothing: Hit = { handle: null, vertex: null, space: null };
const ctx = (extra: Partial<GestureContext> = {}): GestureContext => ({
  tool: 'select',
  spaceHeld: false,
  selection: [],
  zoneId: null,
  scale: 1,
  ...extra,
});

describe('EditorGestures', () => {
  let g: EditorGestures;
  beforeEach(() => (g = new EditorGestures()));

  describe('select tool', () => {
    it('selects a space on press and moves it once past the slop', () => {
      expect(g.down(at(10, 10), { ...nothing, space: 'a' }, ctx())).toEqual([{ type: 'select', ids: ['a'] }]);
      expect(g.move(at(12, 11), ctx({ selection: ['a'] }))).toEqual([]);
      expect(g.active).toBe('move');
      expect(g.move(at(20, 10), ctx({ selection: ['a'], scale: 2 }))).toEqual([
        { type: 'moveStart' },
        { type: 'moveTo', dx: 5, dy: 0, free: false },
      ]);
      expect(g.move(at(30, 10, { alt: true }), ctx({ scale: 2 }))).toEqual([
        { type: 'moveTo', dx: 10, dy: 0, free: true },
      ]);
      expect(g.up(at(30, 10), ctx())).toEqual([{ type: 'moveEnd' }]);
      expect(g.active).toBeNull();
    });

    it('keeps the selection when pressing on a selected space, and a click without a drag aborts', () => {
      expect(g.down(at(10, 10), { ...nothing, space: 'a' }, ctx({ selection: ['a', 'b'] }))).toEqual([]);
      expect(g.up(at(10, 10), ctx())).toEqual([{ type: 'abort' }]);
    });

    it('toggles a space with Shift or Ctrl/Cmd and never moves then', () => {
      expect(g.down(at(0, 0, { shift: true }), { ...nothing, space: 'b' }, ctx({ selection: ['a'] }))).toEqual([
        { type: 'select', ids: ['a', 'b'] },
      ]);
      expect(g.move(at(50, 0), ctx())).toEqual([]);
      expect(g.up(at(50, 0), ctx())).toEqual([]);
      expect(g.down(at(0, 0, { toggle: true }), { ...nothing, space: 'a' }, ctx({ selection: ['a', 'b'] }))).toEqual([
        { type: 'select', ids: ['b'] },
      ]);
    });

    it('prefers a handle over a vertex over a space', () => {
      g.down(at(0, 0), { handle: 'se', vertex: 1, space: 'a' }, ctx({ zoneId: 'z' }));
      expect(g.active).toBe('transform');
      g.up(at(0, 0), ctx());
      expect(g.down(at(0, 0), { handle: null, vertex: 1, space: 'a' }, ctx({ zoneId: 'z' }))).toEqual([
        { type: 'chooseVertex', index: 1 },
      ]);
      expect(g.active).toBe('vertex');
    });

    it('resizes with a handle, Shift for free', () => {
      g.down(at(0, 0), { ...nothing, handle: 'e' }, ctx());
      expect(g.move(at(10, 0, { shift: true }), ctx())).toEqual([
        { type: 'transformTo', handle: 'e', p: { x: 10, y: 0 }, dx: 10, dy: 0, free: true },
      ]);
      expect(g.up(at(10, 0), ctx())).toEqual([{ type: 'transformEnd', handle: 'e' }]);
    });

    it('drags a vertex, or selects its zone on a click', () => {
      g.down(at(0, 0), { ...nothing, vertex: 2 }, ctx({ zoneId: 'z' }));
      expect(g.move(at(9, 9), ctx())).toEqual([{ type: 'vertexTo', zoneId: 'z', index: 2, at: { x: 9, y: 9 } }]);
      expect(g.up(at(9, 9), ctx())).toEqual([{ type: 'vertexEnd', zoneId: 'z' }]);
      g.down(at(0, 0), { ...nothing, vertex: 2 }, ctx({ zoneId: 'z' }));
      expect(g.up(at(0, 0), ctx())).toEqual([{ type: 'selectZone', zoneId: 'z' }]);
    });

    it('draws a rubber band on the empty plan, or clicks the empty plan', () => {
      g.down(at(0, 0), nothing, ctx());
      expect(g.move(at(40, 30), ctx())).toEqual([{ type: 'band', from: { x: 0, y: 0 }, to: { x: 40, y: 30 } }]);
      expect(g.up(at(40, 30), ctx())).toEqual([
        { type: 'bandEnd', from: { x: 0, y: 0 }, to: { x: 40, y: 30 }, additive: false },
      ]);
      g.down(at(5, 5), nothing, ctx());
      expect(g.up(at(5, 5), ctx())).toEqual([{ type: 'clickEmpty', p: { x: 5, y: 5 }, additive: false }]);
      g.down(at(5, 5, { shift: true }), nothing, ctx());
      expect(g.up(at(5, 5), ctx())).toEqual([]);
    });
  });

  describe('panning', () => {
    it('pans with the pan tool, the middle or right button, or the space bar held', () => {
      for (const [input, c] of [
        [at(0, 0), ctx({ tool: 'pan' })],
        [at(0, 0, { button: 1 }), ctx()],
        [at(0, 0), ctx({ spaceHeld: true })],
      ] as const) {
        expect(g.down(input, { ...nothing, space: 'a' }, c)).toEqual([{ type: 'grabbing' }]);
        expect(g.move(at(10, 0), c)).toEqual([{ type: 'pan', dx: 10, dy: 0 }]);
        expect(g.move(at(15, 5), c)).toEqual([{ type: 'pan', dx: 5, dy: 5 }]);
        expect(g.up(at(15, 5), c)).toEqual([]);
      }
      expect(g.down(at(0, 0, { button: 2 }), nothing, ctx())).toEqual([]);
      expect(g.active).toBe('pan');
    });

    it('ignores other buttons', () => {
      expect(g.down(at(0, 0, { button: 3 }), { ...nothing, space: 'a' }, ctx())).toEqual([]);
      expect(g.active).toBeNull();
    });
  });

  describe('drawing tools', () => {
    it('adds a desk on a tap with the desk tool, not after a drag', () => {
      const c = ctx({ tool: 'desk' });
      g.down(at(10, 20), { ...nothing, space: 'a' }, c);
      expect(g.up(at(10, 20), c)).toEqual([{ type: 'addSpace', at: { x: 10, y: 20 } }]);
      g.down(at(10, 20), nothing, c);
      g.move(at(40, 20), c);
      expect(g.up(at(40, 20), c)).toEqual([]);
    });

    it('draws row and scale lines, and a line of no length is nothing', () => {
      for (const tool of ['row', 'scale'] as const) {
        const c = ctx({ tool });
        expect(g.down(at(0, 0), nothing, c)).toEqual([{ type: 'line', tool, a: { x: 0, y: 0 }, b: { x: 0, y: 0 } }]);
        expect(g.move(at(100, 0), c)).toEqual([{ type: 'line', tool, a: { x: 0, y: 0 }, b: { x: 100, y: 0 } }]);
        expect(g.up(at(100, 0), c)).toEqual([{ type: 'lineEnd', tool, a: { x: 0, y: 0 }, b: { x: 100, y: 0 } }]);
        g.down(at(5, 5), nothing, c);
        expect(g.up(at(5, 5), c)).toEqual([{ type: 'abort' }]);
      }
    });

    it('draws a zone point by point, follows the mouse, and closes it on the first point', () => {
      const c = ctx({ tool: 'zone' });
      const tap = (x: number, y: number) => {
        g.down(at(x, y), nothing, c);
        return g.up(at(x, y), c);
      };
      expect(g.hover(at(1, 1), c)).toEqual([]);
      tap(0, 0);
      tap(100, 0);
      expect(g.hover(at(100, 50), c)).toEqual([
        {
          type: 'zoneDraft',
          points: [
            { x: 0, y: 0 },
            { x: 100, y: 0 },
          ],
          cursor: { x: 100, y: 50 },
        },
      ]);
      tap(100, 100);
      expect(g.drawingZone).toBe(true);
      const done = tap(3, 2);
      expect(done.at(-1)).toEqual({
        type: 'zoneDone',
        polygon: [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
          { x: 100, y: 100 },
        ],
      });
      expect(g.drawingZone).toBe(false);
    });

    it('finishes a zone by double click without the doubled point, and needs three points', () => {
      const c = ctx({ tool: 'zone' });
      for (const [x, y] of [
        [0, 0],
        [50, 0],
        [50, 50],
        [50, 50],
      ]) {
        g.down(at(x, y), nothing, c);
        g.up(at(x, y), c);
      }
      expect(g.doubleClick(c).at(-1)).toEqual({
        type: 'zoneDone',
        polygon: [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
          { x: 50, y: 50 },
        ],
      });
      g.down(at(0, 0), nothing, c);
      g.up(at(0, 0), c);
      expect(g.finishZone()).toEqual([]);
      expect(g.undoZonePoint()).toEqual([{ type: 'zoneDraft', points: [], cursor: null }]);
      expect(g.doubleClick(ctx())).toEqual([]);
    });
  });

  it('aborts a press for a second finger or a cancelled pointer, but not a pan', () => {
    g.down(at(0, 0), { ...nothing, space: 'a' }, ctx());
    expect(g.abort()).toEqual([{ type: 'abort' }]);
    expect(g.active).toBeNull();
    g.down(at(0, 0), nothing, ctx({ tool: 'pan' }));
    expect(g.abort()).toEqual([]);
    g.down(at(0, 0), { ...nothing, space: 'a' }, ctx());
    expect(g.up(at(0, 0), ctx(), true)).toEqual([{ type: 'abort' }]);
    expect(g.up(at(0, 0), ctx())).toEqual([]);
  });
});
