import { WeightedLru } from './weighted-lru';

describe('WeightedLru', () => {
  it('drops the least recently used entries once the weights exceed the capacity', () => {
    const lru = new WeightedLru<string, number>(10);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    expect(lru.get('a')).toBe(1); // a is now the most recently used
    lru.set('c', 3, 4); // 12 > 10: b goes, not a
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.weight).toBe(8);
  });

  it('replaces an entry with its new weight, and keeps nothing heavier than the capacity', () => {
    const lru = new WeightedLru<string, string>(10);
    lru.set('a', 'old', 6);
    lru.set('a', 'new', 3);
    expect(lru.get('a')).toBe('new');
    expect(lru.weight).toBe(3);
    lru.set('huge', 'x', 11);
    expect(lru.keys()).toEqual(['a']);
    lru.set('a', 'too big now', 11);
    expect(lru.keys()).toEqual([]);
    expect(lru.weight).toBe(0);
  });

  it('may drop several small entries for one large one', () => {
    const lru = new WeightedLru<number, number>(10);
    for (let i = 0; i < 5; i++) lru.set(i, i, 2);
    lru.set(99, 99, 7);
    expect(lru.keys()).toEqual([4, 99]);
    expect(lru.weight).toBe(9);
  });

  it('drops the entries a predicate picks, and everything on clear', () => {
    const lru = new WeightedLru<string, number>(10);
    lru.set('a', 1, 2);
    lru.set('b', 2, 3);
    lru.set('c', 3, 4);
    lru.deleteWhere((value) => value % 2 === 1);
    expect(lru.keys()).toEqual(['b']);
    expect(lru.weight).toBe(3);
    lru.clear();
    expect(lru.keys()).toEqual([]);
    expect(lru.weight).toBe(0);
    lru.set('d', 4, 10); // the full capacity is free again
    expect(lru.get('d')).toBe(4);
  });
});
