import type { Locale, Role, SpaceKind } from './enums';
import type { IsoWeekday } from './models';

/** Half of a building's day: `am` ends and `pm` starts at the building's midday. */
export type HalfDay = 'am' | 'pm';
export const HALF_DAYS: readonly HalfDay[] = ['am', 'pm'];

/** The tables of an insights report, each exportable as CSV and as a sheet of the XLSX file. */
export const INSIGHT_TABLES = ['totals', 'weeks', 'grid', 'days', 'spaces'] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

/** Longest range of one report, in days (two years). */
export const INSIGHTS_MAX_DAYS = 731;

/** What an insights report is about: a building, optionally narrowed to a floor, zone, space kind or space. */
export interface InsightsQuery {
  buildingId: string;
  floorId?: string;
  zoneId?: string;
  spaceId?: string;
  kind?: SpaceKind;
  /** First and last local date of the range (inclusive). */
  from: string;
  to: string;
}

/**
 * Utilisation figures of one cell of a report. `null` where the figure is suppressed (built from
 * fewer than the minimum group of distinct people) or undefined (nothing to divide by).
 * Capacity and use are counted in space half-days.
 */
export interface InsightMeasures {
  /** True when no figure could be shown: the cell's bookings come from fewer than the minimum group. */
  suppressed: boolean;
  /** Open space half-days (bookable spaces x half days the building was open). */
  capacity: number;
  /** Booked space half-days (confirmed, checked in or released as a no-show). */
  booked: number | null;
  /** Checked-in space half-days. */
  checkedIn: number | null;
  /** booked / capacity. */
  bookedShare: number | null;
  /** checkedIn / capacity. */
  checkedInShare: number | null;
  /** Released without check-in / bookings that ended checked in or released. */
  noShowRate: number | null;
  bookings: number | null;
  cancellations: number | null;
  /** cancellations / bookings (bookings include the cancelled ones). */
  cancellationRate: number | null;
  /** Mean hours between making a booking and its start (cancelled bookings excluded). */
  leadTimeHours: number | null;
}

export interface InsightWeek {
  /** ISO week, e.g. `2026-W49`. */
  week: string;
  /** Monday of the week (may lie before the range). */
  monday: string;
  measures: InsightMeasures;
}

export interface InsightGridCell {
  weekday: IsoWeekday;
  half: HalfDay;
  measures: InsightMeasures;
}

export interface InsightDay {
  date: string;
  /** Whether the building was open that day. */
  open: boolean;
  /** Most spaces booked at once (the busier half day); null when suppressed. */
  peak: number | null;
}

export interface RightSizing {
  /** Bookable spaces in scope today. */
  existing: number;
  /** Spaces that would have covered 95 % of the open days (nearest-rank 95th percentile of daily peaks). */
  cover95: number | null;
  /** Spaces that would have covered every open day (the highest daily peak). */
  cover100: number | null;
  /** Open days whose peak could be shown (the figures above are built from these). */
  days: number;
}

export interface InsightSpace {
  spaceId: string;
  label: string;
  kind: SpaceKind;
  floorId: string;
  zoneId: string | null;
  measures: InsightMeasures;
}

export interface InsightsReport {
  query: InsightsQuery;
  buildingName: string;
  timeZone: string;
  /** Figures from fewer distinct people than this are suppressed. */
  minGroupSize: number;
  totals: InsightMeasures;
  weeks: InsightWeek[];
  grid: InsightGridCell[];
  days: InsightDay[];
  rightSizing: RightSizing;
  /**
   * Per space (the plan heatmap), over whole calendar months covering the range: a single space's
   * figures are only ever built from whole months, so that two ranges cannot be subtracted.
   */
  spaces: InsightSpace[];
  spacesFrom: string;
  spacesTo: string;
  /** Share of the capacity left out of the figures because its half days had too few people (0..1). */
  suppressedShare: number;
}

/** The privacy sheet: what the running installation stores, keeps, shows and reports. */
export interface PrivacySheet {
  generatedAt: string;
  locale: Locale;
  /** What is stored about a person, each with its purpose and how long it is kept. */
  stored: { item: string; purpose: string; kept: string }[];
  /** How a person gets everything stored about them (`GET /api/me/export`). */
  accessRight: string;
  retentionDays: number;
  sessionHours: number;
  /** Who sees booker names, by role. */
  nameVisibility: { who: string; sees: string }[];
  /** Buildings and how many receptionists see names there (an admin assigns them). */
  receptionBuildings: { buildingName: string; receptionists: number }[];
  /** Receptionists assigned to every building. */
  receptionistsEverywhere: number;
  /** Roles and how many people hold each. */
  roles: { role: Role; people: number }[];
  reports: { name: string; audience: string; minGroupSize: number }[];
  minGroupSize: number;
  /** Notifications and webhooks: what is configured in this installation. */
  notifications: { name: string; enabled: boolean; detail: string }[];
  singleSignOn: boolean;
  scim: boolean;
}
