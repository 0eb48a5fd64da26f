import type { IsoWeekday } from '@flexdesk/shared-contracts';
import { bookableDays, nextBookableDay } from './bookable-days';
import type { BuildingCalendar } from './slots';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const calendar = (overrides: Partial<BuildingCalendar> = {}): BuildingCalendar => ({
  timeZone: 'Europe/Berlin',
  openingHours: WEEKDAYS.map((weekday) => ({ weekday, open: '07:00', close: '19:00' })),
  midday: '12:00',
  closures: [],
  ...overrides,
});

// 2026-05-04 is a Monday; Berlin is UTC+2 then.
const at = (iso: string) => new Date(iso);

describe('nextBookableDay', () => {
  it('is today before opening and while open', () => {
    expect(nextBookableDay(calendar(), at('2026-05-04T04:00:00Z'), 14)).toBe('2026-05-04');
    expect(nextBookableDay(calendar(), at('2026-05-04T16:59:00Z'), 14)).toBe('2026-05-04');
  });

  it('is tomorrow once the building has closed', () => {
    expect(nextBookableDay(calendar(), at('2026-05-04T17:00:00Z'), 14)).toBe('2026-05-05');
    expect(nextBookableDay(calendar(), at('2026-05-04T21:30:00Z'), 14)).toBe('2026-05-05');
  });

  it('uses the building day, not the UTC day', () => {
    // 00:30 on Tuesday in Berlin is still Monday in UTC.
    expect(nextBookableDay(calendar(), at('2026-05-04T22:30:00Z'), 14)).toBe('2026-05-05');
  });

  it('skips the weekend after Friday closing', () => {
    expect(nextBookableDay(calendar(), at('2026-05-08T18:00:00Z'), 14)).toBe('2026-05-11');
  });

  it('skips closures', () => {
    const cal = calendar({ closures: [{ date: '2026-05-05', reason: 'Betriebsausflug' }] });
    expect(nextBookableDay(cal, at('2026-05-04T18:00:00Z'), 14)).toBe('2026-05-06');
  });

  it('treats a 24-hour day as open until midnight', () => {
    const cal = calendar({
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as IsoWeekday, open: '00:00', close: '24:00' })),
    });
    expect(nextBookableDay(cal, at('2026-05-04T21:59:00Z'), 14)).toBe('2026-05-04');
    expect(nextBookableDay(cal, at('2026-05-09T12:00:00Z'), 14)).toBe('2026-05-09');
  });

  it('is null when nothing opens within the horizon', () => {
    expect(nextBookableDay(calendar({ openingHours: [] }), at('2026-05-04T04:00:00Z'), 14)).toBeNull();
    expect(nextBookableDay(calendar(), at('2026-05-08T18:00:00Z'), 1)).toBeNull();
  });
});

describe('bookableDays', () => {
  it('lists the open days up to the horizon, today included only while open', () => {
    const cal = calendar({ closures: [{ date: '2026-05-06', reason: 'x' }] });
    expect(bookableDays(cal, at('2026-05-04T06:00:00Z'), 7)).toEqual([
      '2026-05-04',
      '2026-05-05',
      '2026-05-07',
      '2026-05-08',
      '2026-05-11',
    ]);
    expect(bookableDays(cal, at('2026-05-04T18:00:00Z'), 2)).toEqual(['2026-05-05']);
  });

  it('follows daylight saving time: the last Sunday of March closes at local time', () => {
    const cal = calendar({ openingHours: [{ weekday: 7, open: '08:00', close: '18:00' }] });
    // 2026-03-29 is the switch to summer time; 17:30 local is 15:30 UTC.
    expect(bookableDays(cal, at('2026-03-29T15:30:00Z'), 0)).toEqual(['2026-03-29']);
    expect(bookableDays(cal, at('2026-03-29T16:00:00Z'), 0)).toEqual([]);
  });
});
