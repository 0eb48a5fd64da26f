/**
 * Localised Material date pickers, apart from the main entry: date-fns and its locales are large,
 * and through the main entry they would load with every page that uses any ui piece.
 */
export * from './lib/dates/localized-dates';
