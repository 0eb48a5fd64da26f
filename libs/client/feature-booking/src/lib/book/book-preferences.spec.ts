import { LEGACY_FLOOR_KEY, preferencesKey, readPreferences, writePreferences } from './book-preferences';

describe('book preferences', () => {
  beforeEach(() => localStorage.clear());

  it('keeps each person their own choice', () => {
    writePreferences(localStorage, 'u1', { view: 'plan', buildingId: 'b1' });
    writePreferences(localStorage, 'u1', { date: '2026-05-06' });
    writePreferences(localStorage, 'u2', { view: 'list' });
    expect(readPreferences(localStorage, 'u1')).toEqual({ view: 'plan', buildingId: 'b1', date: '2026-05-06' });
    expect(readPreferences(localStorage, 'u2')).toEqual({ view: 'list' });
  });

  it('ignores malformed values and broken JSON', () => {
    localStorage.setItem(preferencesKey('u1'), JSON.stringify({ view: 'map', date: 'tomorrow', floorId: 3 }));
    expect(readPreferences(localStorage, 'u1')).toEqual({});
    localStorage.setItem(preferencesKey('u1'), '{');
    expect(readPreferences(localStorage, 'u1')).toEqual({});
  });

  it('falls back to the floor remembered before choices were per person', () => {
    localStorage.setItem(LEGACY_FLOOR_KEY, 'eg');
    expect(readPreferences(localStorage, 'u1').floorId).toBe('eg');
    writePreferences(localStorage, 'u1', { floorId: 'og' });
    expect(readPreferences(localStorage, 'u1').floorId).toBe('og');
  });

  it('survives a missing or throwing storage', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as unknown as Storage;
    expect(readPreferences(broken, 'u1')).toEqual({});
    expect(() => writePreferences(broken, 'u1', { view: 'plan' })).not.toThrow();
    expect(readPreferences(null, 'u1')).toEqual({});
  });
});
