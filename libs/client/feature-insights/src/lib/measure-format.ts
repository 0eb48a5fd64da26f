import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from '@flexdesk/client-data-access';

/** A share as a percentage, a number with the locale's decimal mark, or "fewer than 5" when suppressed. */
@Pipe({ name: 'insightValue', pure: false })
export class InsightValuePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null, kind: 'share' | 'number', minGroup: number, suppressed = false): string {
    if (suppressed) return this.i18n.t('insights.fewer', { k: minGroup });
    if (value === null) return '–';
    const options: Intl.NumberFormatOptions =
      kind === 'share' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 1 };
    return new Intl.NumberFormat(this.i18n.languageTag(), options).format(value);
  }
}
