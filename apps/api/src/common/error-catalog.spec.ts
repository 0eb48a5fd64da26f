import { ERROR_CODES } from '@flexdesk/shared-contracts';
import { describeError, ERROR_CATALOG, localeFromAcceptLanguage } from './error-catalog';

describe('error catalogue', () => {
  it('maps every code to a 4xx/5xx status with German and English text', () => {
    for (const code of ERROR_CODES) {
      const entry = ERROR_CATALOG[code];
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.de({}).length).toBeGreaterThan(5);
      expect(entry.en({}).length).toBeGreaterThan(5);
      expect(entry.de({})).not.toEqual(entry.en({}));
    }
  });

  it('fills parameters into the detail, never leaving "undefined"', () => {
    const params = {
      count: 2,
      horizonDays: 14,
      slotStepMinutes: 15,
      minDurationMinutes: 30,
      maxDurationMinutes: 480,
      max: 1,
      minutes: 60,
      retryAfterSeconds: 9,
    };
    for (const code of ERROR_CODES) {
      expect(describeError(code, params, 'de').detail).not.toContain('undefined');
      expect(describeError(code, params, 'en').detail).not.toContain('undefined');
    }
    expect(describeError('TIME_STEP_MISMATCH', params, 'en').detail).toBe('Start and end must be on 15-minute steps.');
    expect(describeError('BUILDING_CLOSED', { reason: 'Neujahr' }, 'de').detail).toBe(
      'Das Gebäude ist an diesem Tag geschlossen (Neujahr).',
    );
  });

  it.each([
    [undefined, null],
    ['', null],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE', 'de'],
    ['fr-FR,fr;q=0.9,en;q=0.5,de;q=0.4', 'en'],
    ['de;q=0.2,en;q=0.8', 'en'],
    ['fr', null],
  ])('reads Accept-Language %p as %p', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
