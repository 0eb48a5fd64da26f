import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { Booking } from '@flexdesk/shared-contracts';
import { CalendarApi, I18n } from '@flexdesk/client-data-access';
import { STATUS_SYMBOLS } from '@flexdesk/client-ui';
import { bookAgainQuery } from '../book/book-again';
import { mayBookAgain, mayCancel, mayOfferCheckIn, mayWithdrawInvite } from './bookings-split';

@Component({
  selector: 'fd-bookings-table',
  imports: [RouterLink, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bookings-table.html',
})
export class BookingsTable {
  protected readonly i18n = inject(I18n);
  private readonly calendar = inject(CalendarApi);
  readonly bookings = input.required<readonly Booking[]>();
  readonly caption = input.required<string>();
  readonly now = input.required<Date>();
  /** The booking an action is running for; its buttons are disabled meanwhile. */
  readonly busyId = input<string | null>(null);
  readonly checkInRequested = output<Booking>();
  readonly cancelRequested = output<Booking>();
  /** "Cancel this and later" on a booking of a series. */
  readonly endSeriesRequested = output<Booking>();

  protected readonly symbols = STATUS_SYMBOLS;

  protected canCheckIn(b: Booking): boolean {
    return mayOfferCheckIn(b, this.now());
  }

  protected canCancel(b: Booking): boolean {
    return mayCancel(b, this.now());
  }

  protected canBookAgain(b: Booking): boolean {
    return mayBookAgain(b, this.now());
  }

  protected canWithdrawInvite(b: Booking): boolean {
    return mayWithdrawInvite(b, this.now());
  }

  protected againQuery(b: Booking): Record<string, string> {
    return bookAgainQuery(b);
  }

  /** A plain download link: the session cookie authenticates it. */
  protected inviteUrl(b: Booking): string {
    return this.calendar.inviteUrl(b.id);
  }

  protected when(b: Booking): string {
    const date = this.i18n.formatDate(b.date, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    const time = this.i18n.formatTimeRange(b.start, b.end, b.timeZone);
    return b.slot === 'custom' ? `${date}, ${time}` : `${date}, ${this.i18n.t(`slot.${b.slot}`)} (${time})`;
  }

  protected what(b: Booking): string {
    return `${this.i18n.t(`kind.${b.spaceKind}`)} ${b.spaceLabel}`;
  }
}
