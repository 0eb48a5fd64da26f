import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@flexdesk/shared-contracts';
import { ProblemError } from '../http/problem-error';
import { ERROR_MESSAGES } from './error-messages';
import { MESSAGES_DE, type MessageKey } from './messages.de';
import { MESSAGES_EN } from './messages.en';

export type MessageParams = Record<string, string | number>;

type Dictionary = Partial<Record<MessageKey, string>>;

export const MESSAGES: Record<Locale, Dictionary> = { de: MESSAGES_DE, en: MESSAGES_EN };

/**
 * Adds a lazily loaded feature's texts (e.g. the administration pages'), so they ship with the
 * feature instead of the first download. Call it when the feature's code loads, before it renders.
 */
export function registerMessages(dictionaries: Record<Locale, Dictionary>): void {
  for (const locale of LOCALES) MESSAGES[locale] = { ...MESSAGES[locale], ...dictionaries[locale] };
}

/** BCP 47 tags for `Intl`: British English for day-month order and a 24-hour clock. */
const LANGUAGE_TAGS: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export const LOCALE_STORAGE_KEY = 'flexdesk.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * UI language at run time (no build-time locales): one `locale` signal, dictionaries per language,
 * and `Intl` formatting. Templates that call `t()` re-render when the locale changes, because `t()`
 * reads the signal.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(this.storedLocale() ?? DEFAULT_LOCALE);
  /** Set when the person picks a language themselves, until their session takes it over. */
  private explicitChoice = false;

  readonly locale = this.current.asReadonly();
  readonly languageTag = computed(() => LANGUAGE_TAGS[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** The person's own choice, e.g. from the language switch. */
  setLocale(locale: Locale): void {
    this.explicitChoice = true;
    this.apply(locale);
  }

  /** Takes over a saved preference (the signed-in user's) without counting as a choice. */
  adopt(locale: Locale): void {
    this.apply(locale);
  }

  /** Whether the language was picked by hand since the last call; resets the flag. */
  takeExplicitChoice(): boolean {
    const chosen = this.explicitChoice;
    this.explicitChoice = false;
    return chosen;
  }

  t(key: MessageKey, params?: MessageParams): string {
    const template = MESSAGES[this.current()][key] ?? MESSAGES.de[key] ?? key;
    return interpolate(template, params);
  }

  /** A message for any error: ours by code, else the API's own (translated) detail. */
  errorMessage(error: unknown): string {
    if (error instanceof ProblemError) {
      const known: string | undefined = ERROR_MESSAGES[this.current()][error.code];
      return known ?? (error.detail || this.t('error.unexpected'));
    }
    if (error instanceof HttpErrorResponse && error.status === 0) return this.t('error.network');
    return this.t('error.unexpected');
  }

  /** A calendar date `YYYY-MM-DD`, e.g. "Mo., 4. Mai" / "Mon 4 May". */
  formatDate(
    date: string,
    options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long' },
  ): string {
    const [y, m, d] = date.split('-').map(Number);
    const utc = new Date(Date.UTC(y, m - 1, d));
    return new Intl.DateTimeFormat(this.languageTag(), { ...options, timeZone: 'UTC' }).format(utc);
  }

  /** Wall-clock time of an instant in the given (building's) time zone. */
  formatTime(instant: string | Date, timeZone: string): string {
    return new Intl.DateTimeFormat(this.languageTag(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(instant));
  }

  formatTimeRange(start: string | Date, end: string | Date, timeZone: string): string {
    return this.t('common.timeRange', { start: this.formatTime(start, timeZone), end: this.formatTime(end, timeZone) });
  }

  private apply(locale: Locale): void {
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage may be disabled (private mode, policies); the choice then lasts for this visit.
    }
  }

  private storedLocale(): Locale | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY);
      return isLocale(stored) ? stored : null;
    } catch {
      return null;
    }
  }
}
