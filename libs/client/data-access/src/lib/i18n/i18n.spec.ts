import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ERROR_CODES, LOCALES, type ErrorCode, type ProblemDetails } from '@flexdesk/shared-contracts';
import { ProblemError } from '../http/problem-error';
import { ERROR_MESSAGES } from './error-messages';
import { I18n, LOCALE_STORAGE_KEY, MESSAGES, interpolate } from './i18n';
import { MESSAGES_DE } from './messages.de';
import { MESSAGES_EN } from './messages.en';

function problemError(code: string, detail: string): ProblemError {
  const body = { type: 'about:blank', title: 'x', status: 422, code, detail } as unknown as ProblemDetails;
  return new ProblemError(body);
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it.each(LOCALES)('has a non-empty %s message for every error code of the contracts', (locale) => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[locale][code]?.trim()).toBeTruthy();
    }
    expect(Object.keys(ERROR_MESSAGES[locale]).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('has the same keys in German and English, all non-empty', () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual(Object.keys(MESSAGES_DE).sort());
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(MESSAGES[locale])) {
        expect([key, text.trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES_DE) as (keyof typeof MESSAGES_DE)[]) {
      expect([key, placeholders(MESSAGES_EN[key])]).toEqual([key, placeholders(MESSAGES_DE[key])]);
    }
  });
});

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} und {b}, {c}', { a: 'eins', b: 2 })).toBe('eins und 2, {c}');
    expect(interpolate('no params')).toBe('no params');
  });
});

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  function create(): I18n {
    TestBed.resetTestingModule();
    return TestBed.inject(I18n);
  }

  it('starts in German and sets <html lang>', () => {
    const i18n = create();
    expect(i18n.locale()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(i18n.t('nav.bookings')).toBe('Meine Buchungen');
  });

  it('switches language, persists it, and restores it on the next visit', () => {
    const i18n = create();
    i18n.setLocale('en');
    expect(i18n.t('nav.bookings')).toBe('My bookings');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    expect(create().locale()).toBe('en');
  });

  it('ignores a stored value that is not a supported locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(create().locale()).toBe('de');
  });

  it('remembers an explicit choice once, but not an adopted preference', () => {
    const i18n = create();
    i18n.adopt('en');
    expect(i18n.takeExplicitChoice()).toBe(false);
    i18n.setLocale('de');
    expect(i18n.takeExplicitChoice()).toBe(true);
    expect(i18n.takeExplicitChoice()).toBe(false);
  });

  it('interpolates parameters', () => {
    const i18n = create();
    expect(i18n.t('header.signedInAs', { name: 'Erika Mustermann' })).toBe('Angemeldet als Erika Mustermann');
  });

  describe('errorMessage', () => {
    it('prefers the dictionary message for a known code, in the current language', () => {
      const i18n = create();
      const error = problemError('LIMIT_REACHED', 'Pro Tag sind höchstens 1 Buchung(en) dieser Art möglich.');
      expect(i18n.errorMessage(error)).toBe(ERROR_MESSAGES.de.LIMIT_REACHED);
      i18n.setLocale('en');
      expect(i18n.errorMessage(error)).toBe(ERROR_MESSAGES.en.LIMIT_REACHED);
    });

    it("falls back to the API's detail for a code this client does not know yet", () => {
      const i18n = create();
      expect(i18n.errorMessage(problemError('SOMETHING_NEW', 'Etwas Neues ging schief.'))).toBe(
        'Etwas Neues ging schief.',
      );
    });

    it('falls back to a generic message when there is neither', () => {
      const i18n = create();
      expect(i18n.errorMessage(problemError('SOMETHING_NEW', ''))).toBe(MESSAGES_DE['error.unexpected']);
      expect(i18n.errorMessage(new Error('boom'))).toBe(MESSAGES_DE['error.unexpected']);
    });

    it('explains a network failure', () => {
      const i18n = create();
      const offline = new HttpErrorResponse({ status: 0, statusText: 'Unknown Error', headers: new HttpHeaders() });
      expect(i18n.errorMessage(offline)).toBe(MESSAGES_DE['error.network']);
    });

    it('covers every code of the contracts without falling back', () => {
      const i18n = create();
      for (const code of ERROR_CODES as readonly ErrorCode[]) {
        expect(i18n.errorMessage(problemError(code, 'detail from the API'))).toBe(ERROR_MESSAGES.de[code]);
      }
    });
  });

  describe('formatting', () => {
    it('formats calendar dates without shifting them through the local time zone', () => {
      const i18n = create();
      expect(i18n.formatDate('2026-03-29', { day: 'numeric', month: 'numeric', year: 'numeric' })).toBe('29.3.2026');
      i18n.setLocale('en');
      expect(i18n.formatDate('2026-03-29', { day: 'numeric', month: 'long' })).toBe('29 March');
    });

    it("formats times on the building's wall clock", () => {
      const i18n = create();
      // 07:00 UTC on the first day of summer time in Berlin is 09:00 there.
      expect(i18n.formatTime('2026-03-29T07:00:00Z', 'Europe/Berlin')).toBe('09:00');
      expect(i18n.formatTimeRange('2026-03-29T07:00:00Z', '2026-03-29T10:30:00Z', 'Europe/Berlin')).toBe(
        '09:00–12:30 Uhr',
      );
    });
  });
});
