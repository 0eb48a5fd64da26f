import { filterDayList, groupByFloor, nextSort, sortDayList, totalsRows } from './day-list';
import { DAY, OCCUPANCY, entry } from './reception.fixture';

const ORDER = ['eg', 'og1'];
const ids = (list: { bookingId: string }[]) => list.map((e) => e.bookingId);

describe('filterDayList', () => {
  const list = OCCUPANCY.bookings;

  it('finds by name or space, ignoring case and accents, every word counting', () => {
    expect(ids(filterDayList(list, { text: 'omer', status: 'all' }))).toEqual(['0.02']);
    expect(ids(filterDayList(list, { text: '1.05', status: 'all' }))).toEqual(['1.05']);
    expect(ids(filterDayList(list, { text: 'ruhezone', status: 'all' }))).toEqual(['1.05']);
    expect(ids(filterDayList(list, { text: '  anna   zeller ', status: 'all' }))).toEqual(['1.05']);
    expect(ids(filterDayList(list, { text: 'anna maier', status: 'all' }))).toEqual([]);
    expect(filterDayList(list, { text: '', status: 'all' })).toHaveLength(3);
  });

  it('keeps only who is expected, or only who has checked in', () => {
    expect(ids(filterDayList(list, { text: '', status: 'confirmed' }))).toEqual(['1.05', 'Besprechung']);
    expect(ids(filterDayList(list, { text: '', status: 'checked_in' }))).toEqual(['0.02']);
    expect(ids(filterDayList(list, { text: 'anna', status: 'checked_in' }))).toEqual([]);
  });
});

describe('sortDayList', () => {
  const list = [
    entry('0.10', { bookerName: 'Carla', start: `${DAY}T09:00:00+02:00` }),
    entry('1.01', { floorId: 'og1', bookerName: 'anton', start: `${DAY}T07:00:00+02:00`, status: 'checked_in' }),
    entry('0.9', { bookerName: 'Berta', start: `${DAY}T13:00:00+02:00` }),
  ];

  it('sorts by floor (in level order), then space label with numbers in numeric order', () => {
    expect(ids(sortDayList(list, { key: 'space', direction: 'asc' }, ORDER, 'de-DE'))).toEqual(['0.9', '0.10', '1.01']);
    expect(ids(sortDayList(list, { key: 'space', direction: 'desc' }, ORDER, 'de-DE'))).toEqual([
      '1.01',
      '0.10',
      '0.9',
    ]);
  });

  it('sorts by name regardless of case', () => {
    expect(ids(sortDayList(list, { key: 'name', direction: 'asc' }, ORDER, 'de-DE'))).toEqual(['1.01', '0.9', '0.10']);
  });

  it('sorts by start time', () => {
    expect(ids(sortDayList(list, { key: 'start', direction: 'desc' }, ORDER, 'de-DE'))).toEqual([
      '0.9',
      '0.10',
      '1.01',
    ]);
  });

  it('sorts expected before checked in, ties by space', () => {
    expect(ids(sortDayList(list, { key: 'status', direction: 'asc' }, ORDER, 'de-DE'))).toEqual([
      '0.9',
      '0.10',
      '1.01',
    ]);
    expect(ids(sortDayList(list, { key: 'status', direction: 'desc' }, ORDER, 'de-DE'))).toEqual([
      '1.01',
      '0.9',
      '0.10',
    ]);
  });

  it('leaves its input alone', () => {
    const before = ids(list);
    sortDayList(list, { key: 'name', direction: 'asc' }, ORDER, 'de-DE');
    expect(ids(list)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('reverses the sorted column and starts another one ascending', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'start')).toEqual({ key: 'start', direction: 'asc' });
  });
});

describe('totalsRows', () => {
  it('lists floors by level with a row per kind they have, a floor total where it adds something, and the building total', () => {
    const rows = totalsRows(OCCUPANCY).map((r) => [r.floorName, r.kind, r.totals.booked]);
    expect(rows).toEqual([
      ['Erdgeschoss', 'desk', 1],
      ['Erdgeschoss', 'room', 1],
      ['Erdgeschoss', null, 2],
      ['1. OG', 'desk', 1],
      ['', null, 3],
    ]);
  });
});

describe('groupByFloor', () => {
  it('groups in floor order and drops floors without bookings', () => {
    const groups = groupByFloor(OCCUPANCY.bookings, ['eg', 'og1', 'garage']);
    expect(groups.map((g) => [g.floorName, ids(g.entries)])).toEqual([
      ['Erdgeschoss', ['0.02', 'Besprechung']],
      ['1. OG', ['1.05']],
    ]);
  });
});
