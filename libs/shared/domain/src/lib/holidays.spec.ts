import { GERMAN_STATES, type GermanState, easterSunday, germanPublicHolidays, isGermanState } from './holidays';

const dates = (year: number, state: GermanState) => germanPublicHolidays(year, state).map((h) => h.date);
const names = (year: number, state: GermanState) => germanPublicHolidays(year, state).map((h) => h.name);
const dateOf = (year: number, state: GermanState, name: string) =>
  germanPublicHolidays(year, state).find((h) => h.name === name)?.date;

describe('easterSunday', () => {
  it.each([
    [2000, 4, 23],
    [2008, 3, 23], // early
    [2011, 4, 24],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25], // latest possible date
    [2049, 4, 18],
    [2100, 3, 28],
  ])('%i: %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('germanPublicHolidays', () => {
  it('lists the nine nationwide holidays of 2026 in every state, in date order', () => {
    const nationwide = [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ];
    for (const state of GERMAN_STATES) {
      const list = dates(2026, state);
      expect(list).toEqual(expect.arrayContaining(nationwide));
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it.each<[GermanState, number]>([
    ['BW', 12],
    ['BY', 12],
    ['BE', 10],
    ['BB', 12],
    ['HB', 10],
    ['HH', 10],
    ['HE', 10],
    ['MV', 11],
    ['NI', 10],
    ['NW', 11],
    ['RP', 11],
    ['SL', 12],
    ['SN', 11],
    ['ST', 11],
    ['SH', 10],
    ['TH', 11],
  ])('2026 in %s has %i holidays', (state, count) => {
    expect(germanPublicHolidays(2026, state)).toHaveLength(count);
  });

  it('moves the Easter-based holidays with Easter', () => {
    expect(dateOf(2024, 'NW', 'Karfreitag')).toBe('2024-03-29');
    expect(dateOf(2024, 'NW', 'Ostermontag')).toBe('2024-04-01');
    expect(dateOf(2024, 'NW', 'Christi Himmelfahrt')).toBe('2024-05-09');
    expect(dateOf(2024, 'NW', 'Pfingstmontag')).toBe('2024-05-20');
    expect(dateOf(2024, 'NW', 'Fronleichnam')).toBe('2024-05-30');
    expect(dateOf(2026, 'HE', 'Fronleichnam')).toBe('2026-06-04');
    expect(dateOf(2026, 'BB', 'Ostersonntag')).toBe('2026-04-05');
    expect(dateOf(2026, 'BB', 'Pfingstsonntag')).toBe('2026-05-24');
  });

  it('places Buß- und Bettag on the Wednesday before 23 November, in Saxony only', () => {
    expect(dateOf(2022, 'SN', 'Buß- und Bettag')).toBe('2022-11-16'); // 23 Nov is a Wednesday
    expect(dateOf(2023, 'SN', 'Buß- und Bettag')).toBe('2023-11-22');
    expect(dateOf(2024, 'SN', 'Buß- und Bettag')).toBe('2024-11-20');
    expect(dateOf(2025, 'SN', 'Buß- und Bettag')).toBe('2025-11-19');
    expect(dateOf(2026, 'SN', 'Buß- und Bettag')).toBe('2026-11-18');
    expect(dateOf(2026, 'BY', 'Buß- und Bettag')).toBeUndefined();
  });

  it('knows when state holidays were introduced', () => {
    expect(names(2018, 'BE')).not.toContain('Internationaler Frauentag');
    expect(names(2019, 'BE')).toContain('Internationaler Frauentag');
    expect(names(2022, 'MV')).not.toContain('Internationaler Frauentag');
    expect(names(2023, 'MV')).toContain('Internationaler Frauentag');
    expect(names(2018, 'TH')).not.toContain('Weltkindertag');
    expect(dateOf(2019, 'TH', 'Weltkindertag')).toBe('2019-09-20');
    expect(names(2016, 'NI')).not.toContain('Reformationstag');
    expect(names(2018, 'HH')).toContain('Reformationstag');
  });

  it('has the Reformation Day everywhere in 2017 only', () => {
    for (const state of GERMAN_STATES) expect(dateOf(2017, state, 'Reformationstag')).toBe('2017-10-31');
    expect(dateOf(2016, 'BY', 'Reformationstag')).toBeUndefined();
    expect(dateOf(2018, 'BY', 'Reformationstag')).toBeUndefined();
  });

  it("has Berlin's one-off Tag der Befreiung in 2020 and 2025", () => {
    expect(dateOf(2020, 'BE', 'Tag der Befreiung')).toBe('2020-05-08');
    expect(dateOf(2025, 'BE', 'Tag der Befreiung')).toBe('2025-05-08');
    expect(dateOf(2026, 'BE', 'Tag der Befreiung')).toBeUndefined();
    expect(dateOf(2025, 'BB', 'Tag der Befreiung')).toBeUndefined();
  });

  it('gives each state its own fixed holidays', () => {
    expect(names(2026, 'BY')).toEqual(expect.arrayContaining(['Heilige Drei Könige', 'Fronleichnam', 'Allerheiligen']));
    expect(names(2026, 'BY')).not.toContain('Mariä Himmelfahrt'); // only in Catholic communities
    expect(dateOf(2026, 'SL', 'Mariä Himmelfahrt')).toBe('2026-08-15');
    expect(dateOf(2026, 'ST', 'Heilige Drei Könige')).toBe('2026-01-06');
    expect(names(2026, 'SN')).not.toContain('Fronleichnam'); // only parts of Saxony
    expect(names(2026, 'HB')).toEqual([
      'Neujahr',
      'Karfreitag',
      'Ostermontag',
      'Tag der Arbeit',
      'Christi Himmelfahrt',
      'Pfingstmontag',
      'Tag der Deutschen Einheit',
      'Reformationstag',
      '1. Weihnachtstag',
      '2. Weihnachtstag',
    ]);
  });

  it('keeps dates apart when Himmelfahrt meets Tag der Arbeit (2008)', () => {
    expect(dateOf(2008, 'BW', 'Christi Himmelfahrt')).toBe('2008-05-01');
    expect(dates(2008, 'BW').filter((d) => d === '2008-05-01')).toHaveLength(2);
  });

  it('refuses years outside the known rules and unknown states', () => {
    expect(() => germanPublicHolidays(1994, 'BE')).toThrow(RangeError);
    expect(() => germanPublicHolidays(2200, 'BE')).toThrow(RangeError);
    expect(() => germanPublicHolidays(2026.5, 'BE')).toThrow(RangeError);
    expect(() => germanPublicHolidays(2026, 'XX' as GermanState)).toThrow(RangeError);
    expect(isGermanState('NW')).toBe(true);
    expect(isGermanState('nw')).toBe(false);
  });
});
