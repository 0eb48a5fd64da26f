import type { InsightMeasures, InsightTable, InsightsReport, Locale } from '@flexdesk/shared-contracts';

/** A cell of an exported table: text, a number, or a share (0..1, shown as a percentage). */
export type ExportCell = string | number | { share: number } | null;

export interface ExportTable {
  name: InsightTable;
  title: string;
  header: string[];
  rows: ExportCell[][];
}

const T = {
  de: {
    titles: { totals: 'Gesamt', weeks: 'Wochen', grid: 'Wochentag und Tageshälfte', days: 'Tage', spaces: 'Plätze' },
    measures: [
      'Kapazität (Platz-Halbtage)',
      'Gebucht',
      'Eingecheckt',
      'Auslastung gebucht',
      'Auslastung eingecheckt',
      'No-Show-Quote',
      'Buchungen',
      'Stornierungen',
      'Stornoquote',
      'Vorlauf (Stunden)',
    ],
    suppressed: (k: number) => `weniger als ${k} Personen`,
    week: 'Woche',
    monday: 'Montag',
    weekday: 'Wochentag',
    half: 'Tageshälfte',
    halves: { am: 'vormittags', pm: 'nachmittags' },
    weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    date: 'Datum',
    open: 'Geöffnet',
    peak: 'Spitzenbelegung',
    yes: 'ja',
    no: 'nein',
    space: 'Platz',
    kind: 'Art',
    kinds: { desk: 'Schreibtisch', room: 'Raum', parking: 'Parkplatz' },
    figure: 'Kennzahl',
    value: 'Wert',
    existing: 'Vorhandene Plätze',
    cover95: 'Plätze für 95 % der Tage',
    cover100: 'Plätze für alle Tage',
    range: 'Zeitraum',
    building: 'Gebäude',
    minGroup: 'Mindestgruppe (Personen)',
  },
  en: {
    titles: { totals: 'Totals', weeks: 'Weeks', grid: 'Weekday and half day', days: 'Days', spaces: 'Spaces' },
    measures: [
      'Capacity (space half days)',
      'Booked',
      'Checked in',
      'Booked share',
      'Checked-in share',
      'No-show rate',
      'Bookings',
      'Cancellations',
      'Cancellation rate',
      'Lead time (hours)',
    ],
    suppressed: (k: number) => `fewer than ${k} people`,
    week: 'Week',
    monday: 'Monday',
    weekday: 'Weekday',
    half: 'Half day',
    halves: { am: 'morning', pm: 'afternoon' },
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    date: 'Date',
    open: 'Open',
    peak: 'Peak occupancy',
    yes: 'yes',
    no: 'no',
    space: 'Space',
    kind: 'Kind',
    kinds: { desk: 'Desk', room: 'Room', parking: 'Parking' },
    figure: 'Figure',
    value: 'Value',
    existing: 'Existing spaces',
    cover95: 'Spaces covering 95 % of days',
    cover100: 'Spaces covering every day',
    range: 'Range',
    building: 'Building',
    minGroup: 'Minimum group (people)',
  },
} as const;

function measureCells(m: InsightMeasures, locale: Locale, k: number): ExportCell[] {
  if (m.suppressed) return [m.capacity, ...Array<ExportCell>(9).fill(T[locale].suppressed(k))];
  const share = (v: number | null): ExportCell => (v === null ? null : { share: v });
  return [
    m.capacity,
    m.booked,
    m.checkedIn,
    share(m.bookedShare),
    share(m.checkedInShare),
    share(m.noShowRate),
    m.bookings,
    m.cancellations,
    share(m.cancellationRate),
    m.leadTimeHours === null ? null : Math.round(m.leadTimeHours * 10) / 10,
  ];
}

/** Every table of a report, in the reader's language (the same tables as on the page). */
export function exportTables(r: InsightsReport, locale: Locale): ExportTable[] {
  const t = T[locale];
  const k = r.minGroupSize;
  const m = t.measures as readonly string[];
  const totals: ExportCell[][] = [
    [t.building, r.buildingName],
    [t.range, `${r.query.from} – ${r.query.to}`],
    [t.minGroup, k],
    ...m.map((name, i) => [name, measureCells(r.totals, locale, k)[i]]),
    [t.existing, r.rightSizing.existing],
    [t.cover95, r.rightSizing.cover95 ?? t.suppressed(k)],
    [t.cover100, r.rightSizing.cover100 ?? t.suppressed(k)],
  ];
  return [
    { name: 'totals', title: t.titles.totals, header: [t.figure, t.value], rows: totals },
    {
      name: 'weeks',
      title: t.titles.weeks,
      header: [t.week, t.monday, ...m],
      rows: r.weeks.map((w) => [w.week, w.monday, ...measureCells(w.measures, locale, k)]),
    },
    {
      name: 'grid',
      title: t.titles.grid,
      header: [t.weekday, t.half, ...m],
      rows: r.grid.map((c) => [t.weekdays[c.weekday - 1], t.halves[c.half], ...measureCells(c.measures, locale, k)]),
    },
    {
      name: 'days',
      title: t.titles.days,
      header: [t.date, t.open, t.peak],
      rows: r.days.map((d) => [d.date, d.open ? t.yes : t.no, d.peak ?? t.suppressed(k)]),
    },
    {
      name: 'spaces',
      title: t.titles.spaces,
      header: [t.space, t.kind, ...m],
      rows: r.spaces.map((s) => [s.label, t.kinds[s.kind], ...measureCells(s.measures, locale, k)]),
    },
  ];
}

/** A cell as text: German decimal comma in German, shares as percentages with one decimal. */
export function cellText(cell: ExportCell, locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      maximumFractionDigits: digits,
      useGrouping: false,
    }).format(n);
  if (typeof cell === 'number') return format(cell, 2);
  return `${format(cell.share * 100, 1)} %`;
}
