import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18n, attributeLabel } from '@flexdesk/client-data-access';
import { STATE_SYMBOLS } from '@flexdesk/client-ui';
import { type SpaceRow, hasFreeTime } from './space-rows';

/**
 * The floor's spaces as a data table; emits the row whose Book button was pressed, and the row
 * clicked or entered with the keyboard (the selection, shared with the plan).
 */
@Component({
  selector: 'fd-space-table',
  imports: [RouterLink, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './space-table.html',
  styles: `
    tr.is-selected {
      background: var(--fd-mine-bg);
      box-shadow: inset 0.3rem 0 0 var(--mat-sys-on-surface);
    }
    /* A shape as well as a tint; kept out of the row header's accessible name (aria-current says it). */
    tr.is-selected th::before {
      content: '➤ ' / '';
    }
    .star {
      min-width: 2.75rem;
      min-height: 2.75rem;
      margin: -0.5rem 0;
      border: 0;
      background: none;
      color: inherit;
      font-size: 1.3rem;
      cursor: pointer;
    }
    .sits-here {
      display: block;
      font-weight: normal;
    }
    .star:focus-visible {
      outline: 3px solid var(--fd-focus);
    }
  `,
})
export class SpaceTable {
  protected readonly i18n = inject(I18n);
  readonly rows = input.required<readonly SpaceRow[]>();
  readonly caption = input.required<string>();
  readonly timeZone = input.required<string>();
  /** False on closed days: nothing can be booked. */
  readonly canBook = input(true);
  readonly selectedId = input<string | null>(null);
  /** Starred spaces; null hides the stars. */
  readonly favourites = input<ReadonlySet<string> | null>(null);
  /** Who of the people I follow sits where that day (names as the API gives them), by space id. */
  readonly colleagues = input<Readonly<Record<string, string[]>>>({});
  readonly book = output<SpaceRow>();
  readonly toggleFavourite = output<SpaceRow>();
  /** Offered on taken spaces when given a listener's wish: wait for it (see the waiting list). */
  readonly canWait = input(false);
  readonly joinWaitlist = output<SpaceRow>();
  readonly selectRow = output<SpaceRow>();

  protected readonly symbols = STATE_SYMBOLS;
  protected readonly hasFreeTime = hasFreeTime;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    // A space picked on the plan is in view when the list comes back, and follows later picks.
    afterRenderEffect(() => {
      const id = this.selectedId();
      if (!id) return;
      const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('tr[data-space-id]');
      const row = Array.from(rows).find((tr) => tr.dataset['spaceId'] === id);
      row?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  protected pick(row: SpaceRow): void {
    if (row.id !== this.selectedId()) this.selectRow.emit(row);
  }

  protected attributes(row: SpaceRow): string {
    return row.attributes.map((a) => attributeLabel(this.i18n, a)).join(', ');
  }
}
