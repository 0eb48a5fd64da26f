import { Injectable, type Provider, effect, inject, untracked } from '@angular/core';
import { DateFnsAdapter, MAT_DATE_FNS_FORMATS } from '@angular/material-date-fns-adapter';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import type { Locale } from '@flexdesk/shared-contracts';
import type { Locale as DateFnsLocale } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { UI_LOCALE, UI_TEXTS } from '../locale/ui-locale';

/** German by default; English as in Britain (day before month, 24-hour clock), as `I18n` formats. */
export const DATE_FNS_LOCALES: Record<Locale, DateFnsLocale> = { de, en: enGB };

/** The date picker's own labels ("Open calendar", …) in the UI language. */
@Injectable()
export class LocalizedDatepickerIntl extends MatDatepickerIntl {
  constructor() {
    super();
    const locale = inject(UI_LOCALE);
    Object.assign(this, UI_TEXTS[untracked(locale)].datepicker);
    effect(() => {
      Object.assign(this, UI_TEXTS[locale()].datepicker);
      this.changes.next();
    });
  }
}

/**
 * Material date pickers that speak the UI language: date-fns with `de` or `enGB`, switched with
 * the language, and translated controls. Provide it in the component that shows a date picker, so
 * date-fns and its locales load with that page only.
 */
export function provideLocalizedDates(): Provider[] {
  return [
    { provide: DateAdapter, useFactory: localizedDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MAT_DATE_FNS_FORMATS },
    { provide: MatDatepickerIntl, useClass: LocalizedDatepickerIntl },
  ];
}

function localizedDateAdapter(): DateAdapter<Date> {
  const adapter = new DateFnsAdapter();
  const locale = inject(UI_LOCALE);
  adapter.setLocale(DATE_FNS_LOCALES[untracked(locale)]);
  effect(() => adapter.setLocale(DATE_FNS_LOCALES[locale()]));
  return adapter;
}

/** A calendar date `YYYY-MM-DD` as the date pickers' `Date` (local midnight), and back. */
export function dateOfIso(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function isoOfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
