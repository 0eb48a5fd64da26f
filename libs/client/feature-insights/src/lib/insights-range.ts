import { addDaysToDate, isoWeekdayOf } from '@flexdesk/shared-domain';

export type RangePreset = 'week' | 'month' | 'quarter' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['week', 'month', 'quarter', 'custom'];

/**
 * The last complete period before `today`: the previous ISO week, calendar month or quarter.
 * Completed periods only, so the figures do not move while one looks at them.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): { from: string; to: string } {
  if (preset === 'week') {
    const monday = addDaysToDate(today, 1 - isoWeekdayOf(today) - 7);
    return { from: monday, to: addDaysToDate(monday, 6) };
  }
  const [y, m] = today.split('-').map(Number);
  const months = preset === 'month' ? 1 : 3;
  // First month of the current period (quarters start in January, April, July, October).
  const current = preset === 'month' ? m : m - ((m - 1) % 3);
  const startIndex = y * 12 + (current - 1) - months;
  const first = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
  return { from: first(startIndex), to: addDaysToDate(first(startIndex + months), -1) };
}

/** Share 0..1 to a shading step 0..4, for the heatmap (always shown with its number). */
export function heatLevel(share: number | null): number {
  if (share === null) return 0;
  return Math.min(4, Math.max(0, Math.ceil(share * 4)));
}
