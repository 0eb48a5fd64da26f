/**
 * German public holidays per federal state (Bundesland), for importing a year of closures at once.
 * Only holidays that apply to a whole state are listed: Fronleichnam in parts of Saxony and
 * Thuringia, Mariä Himmelfahrt in Bavaria's Catholic communities and Augsburg's Friedensfest are
 * left out (the facility team adds them by hand where they apply).
 */

/** ISO 3166-2:DE codes of the sixteen states. */
export const GERMAN_STATES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

/** The rules below hold from 1995 (Buß- und Bettag stopped being a holiday outside Saxony). */
export const HOLIDAY_FIRST_YEAR = 1995;
export const HOLIDAY_LAST_YEAR = 2199;

export interface PublicHoliday {
  /** `YYYY-MM-DD` */
  date: string;
  /** The holiday's German name, e.g. "Tag der Deutschen Einheit". */
  name: string;
}

export function isGermanState(value: unknown): value is GermanState {
  return (GERMAN_STATES as readonly unknown[]).includes(value);
}

/** Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher), as month (1-12) and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const DAY_MS = 86_400_000;

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

type Rule = {
  name: string;
  date: (year: number, easter: number) => number;
  applies: (s: GermanState, year: number) => boolean;
};

const everywhere = () => true;
const inStates =
  (...states: GermanState[]) =>
  (s: GermanState) =>
    states.includes(s);

const RULES: readonly Rule[] = [
  { name: 'Neujahr', date: (y) => utc(y, 1, 1), applies: everywhere },
  { name: 'Heilige Drei Könige', date: (y) => utc(y, 1, 6), applies: inStates('BW', 'BY', 'ST') },
  {
    name: 'Internationaler Frauentag',
    date: (y) => utc(y, 3, 8),
    // Berlin since 2019, Mecklenburg-Vorpommern since 2023.
    applies: (s, y) => (s === 'BE' && y >= 2019) || (s === 'MV' && y >= 2023),
  },
  { name: 'Karfreitag', date: (_, e) => e - 2 * DAY_MS, applies: everywhere },
  // Brandenburg alone names Easter and Whit Sunday as holidays (they matter for Sunday opening).
  { name: 'Ostersonntag', date: (_, e) => e, applies: inStates('BB') },
  { name: 'Ostermontag', date: (_, e) => e + DAY_MS, applies: everywhere },
  { name: 'Tag der Arbeit', date: (y) => utc(y, 5, 1), applies: everywhere },
  {
    // One-off holidays in Berlin: the 75th and 80th anniversary of the end of the war.
    name: 'Tag der Befreiung',
    date: (y) => utc(y, 5, 8),
    applies: (s, y) => s === 'BE' && (y === 2020 || y === 2025),
  },
  { name: 'Christi Himmelfahrt', date: (_, e) => e + 39 * DAY_MS, applies: everywhere },
  { name: 'Pfingstsonntag', date: (_, e) => e + 49 * DAY_MS, applies: inStates('BB') },
  { name: 'Pfingstmontag', date: (_, e) => e + 50 * DAY_MS, applies: everywhere },
  { name: 'Fronleichnam', date: (_, e) => e + 60 * DAY_MS, applies: inStates('BW', 'BY', 'HE', 'NW', 'RP', 'SL') },
  { name: 'Mariä Himmelfahrt', date: (y) => utc(y, 8, 15), applies: inStates('SL') },
  { name: 'Weltkindertag', date: (y) => utc(y, 9, 20), applies: (s, y) => s === 'TH' && y >= 2019 },
  { name: 'Tag der Deutschen Einheit', date: (y) => utc(y, 10, 3), applies: everywhere },
  {
    name: 'Reformationstag',
    date: (y) => utc(y, 10, 31),
    // Everywhere for the 500th anniversary in 2017; in the four northern states since 2018.
    applies: (s, y) =>
      y === 2017 || ['BB', 'MV', 'SN', 'ST', 'TH'].includes(s) || (['HB', 'HH', 'NI', 'SH'].includes(s) && y >= 2018),
  },
  { name: 'Allerheiligen', date: (y) => utc(y, 11, 1), applies: inStates('BW', 'BY', 'NW', 'RP', 'SL') },
  {
    // The Wednesday before 23 November.
    name: 'Buß- und Bettag',
    date: (y) => {
      const nov23 = utc(y, 11, 23);
      const weekday = new Date(nov23).getUTCDay(); // 0 = Sunday … 3 = Wednesday
      return nov23 - ((weekday - 3 + 7) % 7 || 7) * DAY_MS;
    },
    applies: inStates('SN'),
  },
  { name: '1. Weihnachtstag', date: (y) => utc(y, 12, 25), applies: everywhere },
  { name: '2. Weihnachtstag', date: (y) => utc(y, 12, 26), applies: everywhere },
];

/** The public holidays of `year` in `state`, in date order. */
export function germanPublicHolidays(year: number, state: GermanState): PublicHoliday[] {
  if (!Number.isInteger(year) || year < HOLIDAY_FIRST_YEAR || year > HOLIDAY_LAST_YEAR) {
    throw new RangeError(`Holidays are known for ${HOLIDAY_FIRST_YEAR}-${HOLIDAY_LAST_YEAR}, not ${year}`);
  }
  if (!isGermanState(state)) throw new RangeError(`Unknown German state: ${String(state)}`);
  const { month, day } = easterSunday(year);
  const easter = utc(year, month, day);
  return RULES.filter((r) => r.applies(state, year))
    .map((r) => ({ date: iso(r.date(year, easter)), name: r.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
