import type { BookingsRepository, SpaceContext } from './bookings.repository';
import { SpaceContextsCache } from './space-contexts.cache';

const closures = [
  { date: '2026-12-16', reason: 'Betriebsausflug' },
  { date: '2026-12-24', reason: 'Heiligabend' },
  { date: '2026-12-25', reason: 'Weihnachten' },
];

describe('SpaceContextsCache', () => {
  let reads: { spaceId: string; around: string | null; onward: boolean }[];
  let cache: SpaceContextsCache;
  let gone: Set<string>;

  beforeEach(() => {
    reads = [];
    gone = new Set();
    // The repository's one query, as PostgreSQL answers it with `onward`: closures from the day before on.
    const bookings = {
      findSpaceContext: async (spaceId: string, around: string | null, { onward = false } = {}) => {
        reads.push({ spaceId, around, onward });
        if (gone.has(spaceId)) return null;
        const from = around ?? '9999-12-31';
        return {
          id: spaceId,
          rulesStamp: 's1',
          closures: closures.filter((c) => c.date >= from),
        } as unknown as SpaceContext;
      },
    } as unknown as BookingsRepository;
    cache = new SpaceContextsCache(bookings);
  });

  it('keeps what it read with every later closure, and gives each date the closures within a day of it', async () => {
    expect(cache.keptFor('d1', '2026-12-15')).toBeUndefined();
    expect((await cache.read('d1', '2026-12-15'))?.closures).toEqual([closures[0]]);
    expect(reads).toEqual([{ spaceId: 'd1', around: '2026-12-15', onward: true }]);

    expect(cache.keptFor('d1', '2026-12-16')?.closures).toEqual([closures[0]]);
    expect(cache.keptFor('d1', '2026-12-20')?.closures).toEqual([]);
    expect(cache.keptFor('d1', '2026-12-24')?.closures).toEqual([closures[1], closures[2]]);
    expect(cache.keptFor('d1', '2026-12-26')?.closures).toEqual([closures[2]]);
    // Earlier than it was read for: the closures of the days before are not kept.
    expect(cache.keptFor('d1', '2026-12-14')).toBeUndefined();
    expect(cache.keptFor('d1', '2026-12-15')).toBeDefined();
    expect(reads).toHaveLength(1);
  });

  it('forgets a space found gone when read again', async () => {
    await cache.read('d1', '2026-12-15');
    expect(cache.keptFor('d1', '2026-12-15')).toBeDefined();
    gone.add('d1'); // archived meanwhile
    expect(await cache.read('d1', '2026-12-15')).toBeNull();
    expect(cache.keptFor('d1', '2026-12-15')).toBeUndefined();
  });
});
