import {
  addDaysToDate,
  isoWeekdayOf,
  isValidClosingTime,
  isValidDate,
  isValidTime,
  isValidTimeZone,
  localDateOf,
  localMsOfDay,
  localTimeOf,
  minutesOfDay,
  zonedInstant,
} from './time';

const BERLIN = 'Europe/Berlin';
const iso = (d: Date) => d.toISOString();

describe('localDateOf', () => {
  const instant = new Date('2026-06-10T20:00:00Z');

  it('gives the previous local day west of UTC', () => {
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-06-10');
  });

  it('gives the next local day east of UTC for the same instant', () => {
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2026-06-11');
  });

  it('puts 00:30 Berlin summer time on the Berlin day although UTC is still on the day before', () => {
    expect(localDateOf(new Date('2026-06-09T22:30:00Z'), BERLIN)).toBe(
      '2026-06-10',
    );
  });

  it('keeps the last millisecond of a local day on that day', () => {
    expect(localDateOf(new Date('2026-06-10T21:59:59.999Z'), BERLIN)).toBe(
      '2026-06-10',
    );
    expect(localDateOf(new Date('2026-06-10T22:00:00Z'), BERLIN)).toBe(
      '2026-06-11',
    );
  });

  it('handles UTC itself', () => {
    expect(localDateOf(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe(
      '2026-01-01',
    );
  });

  it('throws on an invalid instant or zone', () => {
    expect(() => localDateOf(new Date('nope'), BERLIN)).toThrow(RangeError);
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localTimeOf / localMsOfDay', () => {
  it('reads the wall clock of the zone', () => {
    expect(
      localTimeOf(new Date('2026-06-10T04:15:00Z'), 'Asia/Kathmandu'),
    ).toBe('10:00');
    expect(localTimeOf(new Date('2026-01-10T23:59:00Z'), BERLIN)).toBe('00:59');
  });

  it('includes seconds in the milliseconds of the day', () => {
    expect(localMsOfDay(new Date('2026-06-10T08:00:30Z'), BERLIN)).toBe(
      (10 * 60 * 60 + 30) * 1000,
    );
  });
});

describe('zonedInstant', () => {
  it('converts an ordinary summer and winter wall time', () => {
    expect(iso(zonedInstant('2026-06-10', '09:00', BERLIN))).toBe(
      '2026-06-10T07:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-01-10', '09:00', BERLIN))).toBe(
      '2026-01-10T08:00:00.000Z',
    );
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(iso(zonedInstant('2026-03-29', '02:30', BERLIN))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(
      localTimeOf(zonedInstant('2026-03-29', '02:30', BERLIN), BERLIN),
    ).toBe('03:30');
  });

  it('maps 02:00 (gap start) to 03:00 summer time, the same instant as 03:00', () => {
    expect(iso(zonedInstant('2026-03-29', '02:00', BERLIN))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-03-29', '03:00', BERLIN))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('picks the earlier instant of an ambiguous fall-back time', () => {
    expect(iso(zonedInstant('2026-10-25', '02:30', BERLIN))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('handles the hours around the fall-back', () => {
    expect(iso(zonedInstant('2026-10-25', '01:59', BERLIN))).toBe(
      '2026-10-24T23:59:00.000Z',
    );
    expect(iso(zonedInstant('2026-10-25', '03:00', BERLIN))).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('handles the US transitions', () => {
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('handles zones with non-whole-hour offsets', () => {
    expect(iso(zonedInstant('2026-06-10', '10:00', 'Asia/Kathmandu'))).toBe(
      '2026-06-10T04:15:00.000Z',
    );
  });

  it('reads 24:00 as the next local midnight', () => {
    expect(iso(zonedInstant('2026-03-29', '24:00', BERLIN))).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(iso(zonedInstant('2026-12-31', '24:00', 'UTC'))).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('round-trips with localDateOf and localTimeOf', () => {
    const instant = zonedInstant('2026-06-11', '05:00', 'Asia/Tokyo');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2026-06-11');
    expect(localTimeOf(instant, 'Asia/Tokyo')).toBe('05:00');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-06-10');
  });

  it('throws on invalid input', () => {
    expect(() => zonedInstant('2026-02-30', '09:00', BERLIN)).toThrow(
      RangeError,
    );
    expect(() => zonedInstant('2026-06-10', '9:00', BERLIN)).toThrow(
      RangeError,
    );
    expect(() => zonedInstant('2026-06-10', '09:00', 'Nowhere/Town')).toThrow(
      RangeError,
    );
  });
});

describe('isoWeekdayOf', () => {
  it.each([
    ['2026-06-01', 1],
    ['2026-06-03', 3],
    ['2026-06-06', 6],
    ['2026-03-29', 7],
    ['2026-10-25', 7],
    ['2024-02-29', 4],
  ])('%s is weekday %i', (date, weekday) => {
    expect(isoWeekdayOf(date)).toBe(weekday);
  });

  it('throws on an invalid date', () => {
    expect(() => isoWeekdayOf('2026-13-01')).toThrow(RangeError);
  });
});

describe('addDaysToDate', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysToDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is unaffected by DST (plain calendar arithmetic)', () => {
    expect(addDaysToDate('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDaysToDate('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDaysToDate('2026-10-20', 14)).toBe('2026-11-03');
  });

  it('adds zero days', () => {
    expect(addDaysToDate('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('rejects fractional days and invalid dates', () => {
    expect(() => addDaysToDate('2026-06-10', 0.5)).toThrow(RangeError);
    expect(() => addDaysToDate('2026-6-10', 1)).toThrow(RangeError);
  });
});

describe('isValidDate', () => {
  it.each(['2026-06-10', '2024-02-29', '2026-12-31', '0001-01-01'])(
    'accepts %s',
    (d) => {
      expect(isValidDate(d)).toBe(true);
    },
  );

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-06-31',
    '2026-6-10',
    '26-06-10',
    '2026-06-10T00:00',
    ' 2026-06-10',
    '0000-01-01',
    '',
  ])('rejects %j', (d) => {
    expect(isValidDate(d)).toBe(false);
  });

  it('rejects non-strings that slipped past the types', () => {
    expect(isValidDate(20260610 as unknown as string)).toBe(false);
  });
});

describe('isValidTime / isValidClosingTime', () => {
  it.each(['00:00', '07:30', '12:00', '23:59'])('accepts %s', (t) => {
    expect(isValidTime(t)).toBe(true);
    expect(isValidClosingTime(t)).toBe(true);
  });

  it.each(['24:01', '25:00', '7:30', '07:60', '0730', '07:30:00', ''])(
    'rejects %j',
    (t) => {
      expect(isValidTime(t)).toBe(false);
      expect(isValidClosingTime(t)).toBe(false);
    },
  );

  it('accepts 24:00 only as a closing time', () => {
    expect(isValidTime('24:00')).toBe(false);
    expect(isValidClosingTime('24:00')).toBe(true);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    'Europe/Berlin',
    'UTC',
    'America/New_York',
    'Asia/Tokyo',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
  ])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each([
    'Europe/Nowhere',
    'europe/berlin',
    '+01:00',
    'Berlin',
    '',
    'Europe/Berlin ',
  ])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('minutesOfDay', () => {
  it('counts minutes since midnight', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('07:30')).toBe(450);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('24:00')).toBe(1440);
  });

  it('throws on a malformed time', () => {
    expect(() => minutesOfDay('7:30')).toThrow(RangeError);
  });
});
