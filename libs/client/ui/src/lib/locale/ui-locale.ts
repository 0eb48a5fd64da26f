import { InjectionToken, type Signal, signal } from '@angular/core';
import { DEFAULT_LOCALE, type Locale } from '@flexdesk/shared-contracts';

/**
 * The UI language, for the few texts the shared widgets bring themselves (a message's close button, the date
 * picker's controls). The app provides it from `I18n`; this lib cannot import data-access.
 */
export const UI_LOCALE = new InjectionToken<Signal<Locale>>('UI_LOCALE', {
  providedIn: 'root',
  factory: () => signal(DEFAULT_LOCALE),
});

/** The shared widgets' own texts; everything else comes in as inputs, already translated. */
export interface UiTexts {
  dismissMessage: string;
  datepicker: {
    calendarLabel: string;
    openCalendarLabel: string;
    closeCalendarLabel: string;
    prevMonthLabel: string;
    nextMonthLabel: string;
    prevYearLabel: string;
    nextYearLabel: string;
    prevMultiYearLabel: string;
    nextMultiYearLabel: string;
    switchToMonthViewLabel: string;
    switchToMultiYearViewLabel: string;
    startDateLabel: string;
    endDateLabel: string;
    comparisonDateLabel: string;
  };
}

export const UI_TEXTS: Record<Locale, UiTexts> = {
  de: {
    dismissMessage: 'Meldung schließen',
    datepicker: {
      calendarLabel: 'Kalender',
      openCalendarLabel: 'Kalender öffnen',
      closeCalendarLabel: 'Kalender schließen',
      prevMonthLabel: 'Vorheriger Monat',
      nextMonthLabel: 'Nächster Monat',
      prevYearLabel: 'Vorheriges Jahr',
      nextYearLabel: 'Nächstes Jahr',
      prevMultiYearLabel: 'Vorherige 24 Jahre',
      nextMultiYearLabel: 'Nächste 24 Jahre',
      switchToMonthViewLabel: 'Datum wählen',
      switchToMultiYearViewLabel: 'Monat und Jahr wählen',
      startDateLabel: 'Anfangsdatum',
      endDateLabel: 'Enddatum',
      comparisonDateLabel: 'Vergleichszeitraum',
    },
  },
  en: {
    dismissMessage: 'Dismiss message',
    datepicker: {
      calendarLabel: 'Calendar',
      openCalendarLabel: 'Open calendar',
      closeCalendarLabel: 'Close calendar',
      prevMonthLabel: 'Previous month',
      nextMonthLabel: 'Next month',
      prevYearLabel: 'Previous year',
      nextYearLabel: 'Next year',
      prevMultiYearLabel: 'Previous 24 years',
      nextMultiYearLabel: 'Next 24 years',
      switchToMonthViewLabel: 'Choose date',
      switchToMultiYearViewLabel: 'Choose month and year',
      startDateLabel: 'Start date',
      endDateLabel: 'End date',
      comparisonDateLabel: 'Comparison range',
    },
  },
};
