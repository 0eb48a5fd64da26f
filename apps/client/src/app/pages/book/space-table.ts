import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '@flexdesk/client-data-access';
import { STATE_SYMBOLS, attributeLabel } from '../../shared/labels';
import { type SpaceRow, hasFreeTime } from './space-rows';

/** The floor's spaces as a data table; emits the row whose Book button was pressed. */
@Component({
  selector: 'fd-space-table',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './space-table.html',
})
export class SpaceTable {
  protected readonly i18n = inject(I18n);
  readonly rows = input.required<readonly SpaceRow[]>();
  readonly caption = input.required<string>();
  readonly timeZone = input.required<string>();
  /** False on closed days: nothing can be booked. */
  readonly canBook = input(true);
  readonly book = output<SpaceRow>();

  protected readonly symbols = STATE_SYMBOLS;
  protected readonly hasFreeTime = hasFreeTime;

  protected attributes(row: SpaceRow): string {
    return row.attributes.map((a) => attributeLabel(this.i18n, a)).join(', ');
  }
}
