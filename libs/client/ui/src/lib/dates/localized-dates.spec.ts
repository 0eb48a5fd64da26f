import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import type { Locale } from '@flexdesk/shared-contracts';
import { UI_LOCALE } from '../locale/ui-locale';
import { dateOfIso, isoOfDate, provideLocalizedDates } from './localized-dates';

describe('provideLocalizedDates', () => {
  it('formats and parses dates in the UI language, and follows a switch', () => {
    const locale = signal<Locale>('de');
    TestBed.configureTestingModule({ providers: [{ provide: UI_LOCALE, useValue: locale }, provideLocalizedDates()] });
    const adapter = TestBed.inject<DateAdapter<Date>>(DateAdapter);
    const formats = TestBed.inject<MatDateFormats>(MAT_DATE_FORMATS);
    const intl = TestBed.inject(MatDatepickerIntl);
    TestBed.tick();

    const day = new Date(2026, 2, 12);
    expect(adapter.format(day, formats.display.dateInput)).toBe('12.03.2026');
    expect(adapter.parse('12.03.2026', formats.parse.dateInput)).toEqual(day);
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(intl.openCalendarLabel).toBe('Kalender öffnen');

    locale.set('en');
    TestBed.tick();
    expect(adapter.format(day, formats.display.dateInput)).toBe('12/03/2026');
    expect(intl.openCalendarLabel).toBe('Open calendar');
  });
});

describe('dateOfIso / isoOfDate', () => {
  it.each(['2026-03-29', '2026-10-25', '2026-12-31', '2027-01-01'])('round-trips %s through local midnight', (date) => {
    const d = dateOfIso(date);
    expect([d.getHours(), d.getMinutes()]).toEqual([0, 0]);
    expect(isoOfDate(d)).toBe(date);
  });
});
