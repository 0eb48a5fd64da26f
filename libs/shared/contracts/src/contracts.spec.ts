import {
  ACTIVE_BOOKING_STATUSES,
  BOOKING_STATUSES,
  DEFAULT_LOCALE,
  ERROR_CODES,
  LOCALES,
  ROLES,
  SPACE_KINDS,
} from './index';

describe('contract vocabularies', () => {
  it.each([
    ['ERROR_CODES', ERROR_CODES],
    ['BOOKING_STATUSES', BOOKING_STATUSES],
    ['ROLES', ROLES],
    ['SPACE_KINDS', SPACE_KINDS],
  ])('%s has no duplicates and uses SCREAMING or snake case', (_, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const value of list) expect(value).toMatch(/^([A-Z_]+|[a-z_]+)$/);
  });

  it('counts only real statuses as occupying a space', () => {
    expect(ACTIVE_BOOKING_STATUSES.every((s) => BOOKING_STATUSES.includes(s))).toBe(true);
    expect(ACTIVE_BOOKING_STATUSES).not.toContain('cancelled');
    expect(ACTIVE_BOOKING_STATUSES).not.toContain('released');
  });

  it('defaults to German', () => {
    expect(DEFAULT_LOCALE).toBe('de');
    expect(LOCALES).toContain(DEFAULT_LOCALE);
  });
});
