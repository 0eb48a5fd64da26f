import type { BookingPolicy, FloorSummary, SpaceKind } from '@flexdesk/shared-contracts';
import { DEFAULT_POLICIES } from '@flexdesk/shared-domain';
import { byLevel, moveFloor, nextLevel } from './floor-order';
import { holidayClosures } from './holiday-closures';
import { OFFICE_WEEK, invalidWeekdays, isAroundTheClock, openingHoursOf, weekdayRows } from './opening-hours';
import { buildingWide, policiesRequest, withBuildingWide, withKind } from './policy-edit';

describe('opening hours form', () => {
  it('gives seven rows, closed where no hours are listed, and 00:00-24:00 as around the clock', () => {
    const rows = weekdayRows([
      { weekday: 1, open: '08:00', close: '18:00' },
      { weekday: 6, open: '00:00', close: '24:00' },
    ]);
    expect(rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toEqual({ weekday: 1, open: true, allDay: false, from: '08:00', to: '18:00' });
    expect(rows[1].open).toBe(false);
    expect(rows[5]).toMatchObject({ open: true, allDay: true });
  });

  it('round-trips, writing around the clock as 00:00-24:00 and a close at 00:00 as midnight', () => {
    const rows = weekdayRows(OFFICE_WEEK);
    expect(openingHoursOf(rows)).toEqual(OFFICE_WEEK);
    rows[6] = { weekday: 7, open: true, allDay: true, from: '07:00', to: '19:00' };
    rows[5] = { weekday: 6, open: true, allDay: false, from: '18:00', to: '00:00' };
    expect(openingHoursOf(rows).slice(-2)).toEqual([
      { weekday: 6, open: '18:00', close: '24:00' },
      { weekday: 7, open: '00:00', close: '24:00' },
    ]);
  });

  it('reports days that close before they open, ignoring closed and 24-hour days', () => {
    const rows = weekdayRows(OFFICE_WEEK);
    rows[0] = { ...rows[0], from: '19:00', to: '07:00' };
    rows[1] = { ...rows[1], from: '09:00', to: '09:00' };
    rows[2] = { ...rows[2], allDay: true, from: '19:00', to: '07:00' };
    rows[5] = { ...rows[5], open: false, from: '19:00', to: '07:00' };
    rows[3] = { ...rows[3], from: '7', to: '19:00' };
    rows[4] = { ...rows[4], from: '07:00', to: '24:00' };
    expect(invalidWeekdays(rows)).toEqual([1, 2, 4]);
  });

  it('tells 24-hour days apart', () => {
    expect(isAroundTheClock({ open: '00:00', close: '24:00' })).toBe(true);
    expect(isAroundTheClock({ open: '00:00', close: '23:59' })).toBe(false);
  });
});

describe('floor order', () => {
  const floor = (id: string, level: number): FloorSummary => ({ id, buildingId: 'b', name: id, level, spaceCount: 0 });
  const floors = [floor('eg', 0), floor('og1', 1), floor('ug', -1)];

  it('lists the highest floor first', () => {
    expect(byLevel(floors).map((f) => f.id)).toEqual(['og1', 'eg', 'ug']);
  });

  it('swaps levels with the neighbour', () => {
    expect(moveFloor(floors, 'eg', 'up')).toEqual([
      { id: 'eg', level: 1 },
      { id: 'og1', level: 0 },
    ]);
    expect(moveFloor(floors, 'eg', 'down')).toEqual([
      { id: 'eg', level: -1 },
      { id: 'ug', level: 0 },
    ]);
  });

  it('steps past a neighbour on the same level, and does nothing at the ends', () => {
    expect(moveFloor([floor('a', 2), floor('b', 2)], 'b', 'up')).toEqual([{ id: 'b', level: 3 }]);
    expect(moveFloor(floors, 'og1', 'up')).toEqual([]);
    expect(moveFloor(floors, 'ug', 'down')).toEqual([]);
    expect(moveFloor(floors, 'nope', 'down')).toEqual([]);
  });

  it('puts a new floor above the highest', () => {
    expect(nextLevel(floors)).toBe(2);
    expect(nextLevel([])).toBe(0);
  });
});

describe('holiday closures', () => {
  it('turns the holidays of a year into closures, one per date', () => {
    const closures = holidayClosures(2008, 'BW', []);
    expect(closures.find((c) => c.date === '2008-05-01')?.reason).toBe('Tag der Arbeit / Christi Himmelfahrt');
    expect(new Set(closures.map((c) => c.date)).size).toBe(closures.length);
    expect(closures).toHaveLength(11);
  });

  it('keeps dates that are already closed for another reason', () => {
    const closures = holidayClosures(2026, 'NI', [{ date: '2026-12-25', reason: 'Betriebsferien' }]);
    expect(closures.map((c) => c.date)).not.toContain('2026-12-25');
    expect(closures).toHaveLength(9);
  });
});

describe('policy editing', () => {
  const policies: Record<SpaceKind, BookingPolicy> = { ...DEFAULT_POLICIES };

  it('sends every kind in full and clears the building-wide override', () => {
    const request = policiesRequest(withKind(policies, 'room', { ...policies.room, maxPerDay: 2 }));
    expect(request.building).toBeNull();
    expect(request.room).toEqual({ ...DEFAULT_POLICIES.room, maxPerDay: 2 });
    expect(request.desk).toEqual(DEFAULT_POLICIES.desk);
    expect(request.parking).toEqual(DEFAULT_POLICIES.parking);
  });

  it('applies building-wide rules to every kind', () => {
    const all = withBuildingWide(policies, { horizonDays: 30, cancellationCutoffMinutes: 60 });
    for (const kind of ['desk', 'room', 'parking'] as const) {
      expect(all[kind]).toMatchObject({ horizonDays: 30, cancellationCutoffMinutes: 60 });
      expect(all[kind].allowedSlots).toEqual(DEFAULT_POLICIES[kind].allowedSlots);
    }
    expect(buildingWide(all)).toEqual({ horizonDays: 30, cancellationCutoffMinutes: 60 });
  });
});
