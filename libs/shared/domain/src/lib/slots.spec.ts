import type { IsoWeekday, OpeningHours } from '@flexdesk/shared-contracts';
import {
  closureOn,
  openingWindow,
  resolveSlot,
  type BuildingCalendar,
} from './slots';

const ALL_WEEK: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const hours = (
  open: string,
  close: string,
  days: IsoWeekday[] = ALL_WEEK,
): OpeningHours[] => days.map((weekday) => ({ weekday, open, close }));

const calendar = (
  overrides: Partial<BuildingCalendar> = {},
): BuildingCalendar => ({
  timeZone: 'Europe/Berlin',
  openingHours: hours('07:00', '19:00'),
  midday: '12:00',
  closures: [],
  ...overrides,
});

const HOUR = 3_600_000;
const hoursOf = (w: { start: Date; end: Date }) =>
  (w.end.getTime() - w.start.getTime()) / HOUR;
const iso = (w: { start: Date; end: Date } | null) =>
  w && { start: w.start.toISOString(), end: w.end.toISOString() };

describe('closureOn', () => {
  it('finds the closure of a date', () => {
    const cal = calendar({
      closures: [{ date: '2026-12-24', reason: 'Christmas Eve' }],
    });
    expect(closureOn(cal, '2026-12-24')).toEqual({
      date: '2026-12-24',
      reason: 'Christmas Eve',
    });
    expect(closureOn(cal, '2026-12-23')).toBeNull();
  });
});

describe('openingWindow', () => {
  it('gives the local hours as instants on an ordinary summer day', () => {
    expect(iso(openingWindow(calendar(), '2026-06-10'))).toEqual({
      start: '2026-06-10T05:00:00.000Z',
      end: '2026-06-10T17:00:00.000Z',
    });
  });

  it('keeps 07:00–19:00 at 12 h on the spring-forward and fall-back days', () => {
    const spring = openingWindow(calendar(), '2026-03-29');
    const autumn = openingWindow(calendar(), '2026-10-25');
    expect(iso(spring)).toEqual({
      start: '2026-03-29T05:00:00.000Z',
      end: '2026-03-29T17:00:00.000Z',
    });
    expect(iso(autumn)).toEqual({
      start: '2026-10-25T06:00:00.000Z',
      end: '2026-10-25T18:00:00.000Z',
    });
  });

  it('makes a 00:00–24:00 building 23 h long on the spring-forward day', () => {
    const w = openingWindow(
      calendar({ openingHours: hours('00:00', '24:00') }),
      '2026-03-29',
    );
    expect(iso(w)).toEqual({
      start: '2026-03-28T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    expect(w && hoursOf(w)).toBe(23);
  });

  it('makes a 00:00–24:00 building 25 h long on the fall-back day', () => {
    const w = openingWindow(
      calendar({ openingHours: hours('00:00', '24:00') }),
      '2026-10-25',
    );
    expect(iso(w)).toEqual({
      start: '2026-10-24T22:00:00.000Z',
      end: '2026-10-25T23:00:00.000Z',
    });
    expect(w && hoursOf(w)).toBe(25);
  });

  it('shortens hours spanning the gap (01:00–04:00) by one hour', () => {
    const w = openingWindow(
      calendar({ openingHours: hours('01:00', '04:00') }),
      '2026-03-29',
    );
    expect(w && hoursOf(w)).toBe(2);
  });

  it('is null on a closure', () => {
    const cal = calendar({
      closures: [{ date: '2026-06-10', reason: 'Works outing' }],
    });
    expect(openingWindow(cal, '2026-06-10')).toBeNull();
    expect(openingWindow(cal, '2026-06-11')).not.toBeNull();
  });

  it('is null on a weekday without opening hours', () => {
    const cal = calendar({
      openingHours: hours('07:00', '19:00', [1, 2, 3, 4, 5]),
    });
    expect(openingWindow(cal, '2026-06-13')).toBeNull(); // Saturday
    expect(openingWindow(cal, '2026-06-12')).not.toBeNull(); // Friday
  });

  it('uses the hours of the right weekday', () => {
    const cal = calendar({
      openingHours: [
        { weekday: 5, open: '08:00', close: '14:00' },
        { weekday: 3, open: '06:30', close: '20:00' },
      ],
    });
    expect(iso(openingWindow(cal, '2026-06-12'))).toEqual({
      start: '2026-06-12T06:00:00.000Z',
      end: '2026-06-12T12:00:00.000Z',
    });
    expect(iso(openingWindow(cal, '2026-06-10'))).toEqual({
      start: '2026-06-10T04:30:00.000Z',
      end: '2026-06-10T18:00:00.000Z',
    });
  });

  it('treats hours that close before they open as closed', () => {
    expect(
      openingWindow(
        calendar({ openingHours: hours('19:00', '07:00') }),
        '2026-06-10',
      ),
    ).toBeNull();
  });

  it('is null for an invalid date', () => {
    expect(openingWindow(calendar(), '2026-02-30')).toBeNull();
  });
});

describe('resolveSlot, named slots', () => {
  it('resolves day/am/pm on an ordinary day', () => {
    const cal = calendar();
    expect(resolveSlot(cal, { date: '2026-06-10', slot: 'day' })).toEqual({
      ok: true,
      slot: 'day',
      date: '2026-06-10',
      start: new Date('2026-06-10T05:00:00Z'),
      end: new Date('2026-06-10T17:00:00Z'),
    });
    expect(resolveSlot(cal, { date: '2026-06-10', slot: 'am' })).toEqual({
      ok: true,
      slot: 'am',
      date: '2026-06-10',
      start: new Date('2026-06-10T05:00:00Z'),
      end: new Date('2026-06-10T10:00:00Z'),
    });
    expect(resolveSlot(cal, { date: '2026-06-10', slot: 'pm' })).toEqual({
      ok: true,
      slot: 'pm',
      date: '2026-06-10',
      start: new Date('2026-06-10T10:00:00Z'),
      end: new Date('2026-06-10T17:00:00Z'),
    });
  });

  it('splits at a custom midday', () => {
    const cal = calendar({ midday: '13:30' });
    const am = resolveSlot(cal, { date: '2026-06-10', slot: 'am' });
    const pm = resolveSlot(cal, { date: '2026-06-10', slot: 'pm' });
    expect(am.ok && am.end.toISOString()).toBe('2026-06-10T11:30:00.000Z');
    expect(pm.ok && pm.start.toISOString()).toBe('2026-06-10T11:30:00.000Z');
  });

  describe('on the spring-forward day (2026-03-29)', () => {
    it('gives 07:00–19:00 halves of 5 h and 7 h', () => {
      const cal = calendar();
      const am = resolveSlot(cal, { date: '2026-03-29', slot: 'am' });
      const pm = resolveSlot(cal, { date: '2026-03-29', slot: 'pm' });
      expect(am).toMatchObject({
        ok: true,
        start: new Date('2026-03-29T05:00:00Z'),
        end: new Date('2026-03-29T10:00:00Z'),
      });
      expect(pm).toMatchObject({
        ok: true,
        start: new Date('2026-03-29T10:00:00Z'),
        end: new Date('2026-03-29T17:00:00Z'),
      });
    });

    it('gives a 00:00–24:00 building a 23 h day, an 11 h am and a 12 h pm', () => {
      const cal = calendar({ openingHours: hours('00:00', '24:00') });
      const day = resolveSlot(cal, { date: '2026-03-29', slot: 'day' });
      const am = resolveSlot(cal, { date: '2026-03-29', slot: 'am' });
      const pm = resolveSlot(cal, { date: '2026-03-29', slot: 'pm' });
      expect(day.ok && hoursOf(day)).toBe(23);
      expect(day).toMatchObject({
        start: new Date('2026-03-28T23:00:00Z'),
        date: '2026-03-29',
      });
      expect(am.ok && hoursOf(am)).toBe(11);
      expect(pm.ok && hoursOf(pm)).toBe(12);
    });
  });

  describe('on the fall-back day (2026-10-25)', () => {
    it('keeps 07:00–19:00 at its wall-clock times', () => {
      const cal = calendar();
      expect(
        resolveSlot(cal, { date: '2026-10-25', slot: 'day' }),
      ).toMatchObject({
        start: new Date('2026-10-25T06:00:00Z'),
        end: new Date('2026-10-25T18:00:00Z'),
      });
      expect(
        resolveSlot(cal, { date: '2026-10-25', slot: 'am' }),
      ).toMatchObject({
        end: new Date('2026-10-25T11:00:00Z'),
      });
      expect(
        resolveSlot(cal, { date: '2026-10-25', slot: 'pm' }),
      ).toMatchObject({
        start: new Date('2026-10-25T11:00:00Z'),
        end: new Date('2026-10-25T18:00:00Z'),
      });
    });

    it('gives a 00:00–24:00 building a 25 h day, a 13 h am and a 12 h pm', () => {
      const cal = calendar({ openingHours: hours('00:00', '24:00') });
      const day = resolveSlot(cal, { date: '2026-10-25', slot: 'day' });
      const am = resolveSlot(cal, { date: '2026-10-25', slot: 'am' });
      const pm = resolveSlot(cal, { date: '2026-10-25', slot: 'pm' });
      expect(day.ok && hoursOf(day)).toBe(25);
      expect(am.ok && hoursOf(am)).toBe(13);
      expect(pm.ok && hoursOf(pm)).toBe(12);
      expect(pm).toMatchObject({ end: new Date('2026-10-25T23:00:00Z') });
    });
  });

  it('refuses half days when midday is not strictly inside the hours', () => {
    const early = calendar({ openingHours: hours('07:00', '12:00') });
    expect(resolveSlot(early, { date: '2026-06-10', slot: 'am' })).toEqual({
      ok: false,
      code: 'SLOT_NOT_ALLOWED',
    });
    expect(resolveSlot(early, { date: '2026-06-10', slot: 'pm' })).toEqual({
      ok: false,
      code: 'SLOT_NOT_ALLOWED',
    });
    expect(
      resolveSlot(early, { date: '2026-06-10', slot: 'day' }),
    ).toMatchObject({ ok: true });
    const late = calendar({ openingHours: hours('13:00', '20:00') });
    expect(resolveSlot(late, { date: '2026-06-10', slot: 'am' })).toEqual({
      ok: false,
      code: 'SLOT_NOT_ALLOWED',
    });
  });

  it('refuses a closure with BUILDING_CLOSED', () => {
    const cal = calendar({
      closures: [{ date: '2026-12-24', reason: 'Christmas Eve' }],
    });
    expect(resolveSlot(cal, { date: '2026-12-24', slot: 'day' })).toEqual({
      ok: false,
      code: 'BUILDING_CLOSED',
    });
    expect(resolveSlot(cal, { date: '2026-12-24', slot: 'am' })).toEqual({
      ok: false,
      code: 'BUILDING_CLOSED',
    });
  });

  it('refuses a weekday without opening hours with BUILDING_CLOSED', () => {
    const cal = calendar({
      openingHours: hours('07:00', '19:00', [1, 2, 3, 4, 5]),
    });
    expect(resolveSlot(cal, { date: '2026-06-14', slot: 'day' })).toEqual({
      ok: false,
      code: 'BUILDING_CLOSED',
    });
  });

  it('refuses an invalid date with VALIDATION_FAILED', () => {
    expect(
      resolveSlot(calendar(), { date: '2026-06-31', slot: 'day' }),
    ).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('refuses an unknown slot name that slipped past the types', () => {
    const req = { date: '2026-06-10', slot: 'night' } as unknown as {
      date: string;
      slot: 'day';
    };
    expect(resolveSlot(calendar(), req)).toEqual({
      ok: false,
      code: 'SLOT_NOT_ALLOWED',
    });
  });
});

describe('resolveSlot, custom ranges', () => {
  const allDay = calendar({ openingHours: hours('00:00', '24:00') });

  it('resolves a range within the hours', () => {
    expect(
      resolveSlot(calendar(), {
        start: new Date('2026-06-10T08:00:00Z'),
        end: new Date('2026-06-10T09:00:00Z'),
      }),
    ).toEqual({
      ok: true,
      slot: 'custom',
      date: '2026-06-10',
      start: new Date('2026-06-10T08:00:00Z'),
      end: new Date('2026-06-10T09:00:00Z'),
    });
  });

  it('dates 00:30–01:30 Berlin on the Berlin day although it is the previous day in UTC', () => {
    const result = resolveSlot(allDay, {
      start: new Date('2026-06-09T22:30:00Z'),
      end: new Date('2026-06-09T23:30:00Z'),
    });
    expect(result).toMatchObject({
      ok: true,
      slot: 'custom',
      date: '2026-06-10',
    });
  });

  it('refuses a range that crosses local midnight', () => {
    // 23:30–00:30 Berlin, still the same day in UTC.
    expect(
      resolveSlot(allDay, {
        start: new Date('2026-06-10T21:30:00Z'),
        end: new Date('2026-06-10T22:30:00Z'),
      }),
    ).toEqual({ ok: false, code: 'OUTSIDE_OPENING_HOURS' });
  });

  it('accepts a range that ends exactly at a 24:00 close', () => {
    expect(
      resolveSlot(allDay, {
        start: new Date('2026-06-10T21:00:00Z'),
        end: new Date('2026-06-10T22:00:00Z'),
      }),
    ).toMatchObject({ ok: true, date: '2026-06-10' });
  });

  it('accepts a range flush with the opening window and refuses one a minute over', () => {
    const cal = calendar();
    expect(
      resolveSlot(cal, {
        start: new Date('2026-06-10T05:00:00Z'),
        end: new Date('2026-06-10T17:00:00Z'),
      }),
    ).toMatchObject({ ok: true });
    expect(
      resolveSlot(cal, {
        start: new Date('2026-06-10T04:59:00Z'),
        end: new Date('2026-06-10T06:00:00Z'),
      }),
    ).toEqual({
      ok: false,
      code: 'OUTSIDE_OPENING_HOURS',
    });
    expect(
      resolveSlot(cal, {
        start: new Date('2026-06-10T16:00:00Z'),
        end: new Date('2026-06-10T17:01:00Z'),
      }),
    ).toEqual({
      ok: false,
      code: 'OUTSIDE_OPENING_HOURS',
    });
  });

  it('refuses an empty, inverted or invalid range with INVALID_TIME_RANGE', () => {
    const t = new Date('2026-06-10T08:00:00Z');
    expect(resolveSlot(calendar(), { start: t, end: t })).toEqual({
      ok: false,
      code: 'INVALID_TIME_RANGE',
    });
    expect(
      resolveSlot(calendar(), {
        start: t,
        end: new Date('2026-06-10T07:00:00Z'),
      }),
    ).toEqual({
      ok: false,
      code: 'INVALID_TIME_RANGE',
    });
    expect(resolveSlot(calendar(), { start: new Date('x'), end: t })).toEqual({
      ok: false,
      code: 'INVALID_TIME_RANGE',
    });
  });

  it('refuses a range on a closure or closed weekday with BUILDING_CLOSED', () => {
    const closed = calendar({
      closures: [{ date: '2026-06-10', reason: 'Strike' }],
    });
    expect(
      resolveSlot(closed, {
        start: new Date('2026-06-10T08:00:00Z'),
        end: new Date('2026-06-10T09:00:00Z'),
      }),
    ).toEqual({
      ok: false,
      code: 'BUILDING_CLOSED',
    });
    const weekdays = calendar({
      openingHours: hours('07:00', '19:00', [1, 2, 3, 4, 5]),
    });
    expect(
      resolveSlot(weekdays, {
        start: new Date('2026-06-13T08:00:00Z'),
        end: new Date('2026-06-13T09:00:00Z'),
      }),
    ).toEqual({
      ok: false,
      code: 'BUILDING_CLOSED',
    });
  });

  it('uses the building zone for the local date (Tokyo morning is the previous UTC day)', () => {
    const tokyo = calendar({
      timeZone: 'Asia/Tokyo',
      openingHours: hours('08:00', '18:00'),
    });
    // 08:00–09:00 Tokyo on 2026-06-11 = 23:00–00:00 UTC on 2026-06-10.
    expect(
      resolveSlot(tokyo, {
        start: new Date('2026-06-10T23:00:00Z'),
        end: new Date('2026-06-11T00:00:00Z'),
      }),
    ).toMatchObject({ ok: true, date: '2026-06-11' });
  });

  it('returns copies of the requested instants', () => {
    const start = new Date('2026-06-10T08:00:00Z');
    const result = resolveSlot(calendar(), {
      start,
      end: new Date('2026-06-10T09:00:00Z'),
    });
    expect(result.ok && result.start).not.toBe(start);
  });
});
