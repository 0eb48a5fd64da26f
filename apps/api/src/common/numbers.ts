import { Transform } from 'class-transformer';

/**
 * A whole number from a query string: only plain decimal digits are converted, so `0x10`, `1e3`,
 * ` 7` or `1.0` stay strings and fail `@IsInt()`, where `Number()` would have accepted them.
 * Pair with `@IsInt() @Min() @Max()`; the bounds spec checks every integer field has both.
 */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,17}$/.test(value) ? Number(value) : value));
}
