import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { I18n, attributeLabel } from '@flexdesk/client-data-access';
import { Icon, STATE_SYMBOLS } from '@flexdesk/client-ui';
import { type SpaceRow, hasFreeTime } from './space-rows';

/** What the plan's card says about one space that day, with its Book button where it can be had. */
@Component({
  selector: 'fd-space-card',
  imports: [RouterLink, MatButton, MatIconButton, MatTooltip, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './space-card.html',
  styleUrl: './space-card.css',
})
export class SpaceCard {
  protected readonly i18n = inject(I18n);
  readonly row = input.required<SpaceRow>();
  /** The building is open that day. */
  readonly open = input(false);
  readonly timeZone = input('UTC');
  readonly favourite = input<boolean | null>(null);
  /** People I follow (or from my groups) sitting here that day, names as the API gives them. */
  readonly colleagues = input<readonly string[]>([]);

  readonly book = output<SpaceRow>();
  readonly dismiss = output<void>();
  readonly toggleFavourite = output<SpaceRow>();
  readonly joinWaitlist = output<SpaceRow>();

  protected readonly symbols = STATE_SYMBOLS;
  protected readonly hasFreeTime = hasFreeTime;

  protected attributes(row: SpaceRow): string {
    return row.attributes.map((a) => attributeLabel(this.i18n, a)).join(', ');
  }

  protected time(start: string, end: string): string {
    return this.i18n.formatTimeRange(start, end, this.timeZone());
  }
}
