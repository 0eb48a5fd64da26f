import { TZDate } from '@date-fns/tz';
import { isoInZone } from './time-format';

describe('isoInZone', () => {
  it.each([
    ['2026-12-08T06:00:00Z', 'Europe/Berlin', '2026-12-08T07:00:00.000+01:00'],
    ['2026-07-08T06:00:00Z', 'Europe/Berlin', '2026-07-08T08:00:00.000+02:00'],
    ['2026-03-29T00:59:59.999Z', 'Europe/Berlin', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00.000+02:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00.000+01:00'],
    ['2026-12-08T06:00:00Z', 'America/New_York', '2026-12-08T01:00:00.000-05:00'],
    ['2026-12-08T06:00:00Z', 'Asia/Kolkata', '2026-12-08T11:30:00.000+05:30'],
    ['2026-12-08T06:00:00Z', 'UTC', '2026-12-08T06:00:00.000+00:00'],
  ])('formats %s in %s as %s', (utc, tz, expected) => {
    expect(isoInZone(new Date(utc), tz)).toBe(expected);
  });

  it('agrees with TZDate across a year of half hours in several zones', () => {
    for (const tz of ['Europe/Berlin', 'Europe/London', 'Australia/Adelaide', 'America/St_Johns']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 1_800_000 * 7) {
        const expected = new TZDate(ms, tz).toISOString().replace('Z', '+00:00');
        expect(isoInZone(new Date(ms), tz)).toBe(expected);
      }
    }
  });
});
