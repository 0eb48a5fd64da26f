import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { Booking } from '@flexdesk/shared-contracts';
import { BookingsApi, I18n, isProblemError } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';

type State = { kind: 'working' } | { kind: 'done'; booking: Booking } | { kind: 'failed'; message: string };

/**
 * Where the QR code on a desk leads (`/check-in/<spaceId>`): checks the signed-in person in to
 * their current booking of that space. The route's guard signs people in first and brings them
 * back here.
 */
@Component({
  selector: 'fd-check-in-page',
  imports: [RouterLink, MatButton, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-in.page.html',
})
export class CheckInPage {
  protected readonly i18n = inject(I18n);
  private readonly bookings = inject(BookingsApi);
  private readonly spaceId = inject(ActivatedRoute).snapshot.paramMap.get('spaceId') ?? '';
  protected readonly state = signal<State>({ kind: 'working' });

  constructor() {
    void this.checkIn();
  }

  protected async checkIn(): Promise<void> {
    this.state.set({ kind: 'working' });
    try {
      const booking = await firstValueFrom(this.bookings.checkInAtSpace(this.spaceId));
      this.state.set({ kind: 'done', booking });
    } catch (e) {
      // "Booking not found" would puzzle someone standing at a desk: say what it means here.
      const code = isProblemError(e) ? e.problem.code : null;
      const message =
        code === 'BOOKING_NOT_FOUND' || code === 'SPACE_NOT_FOUND'
          ? this.i18n.t('checkin.noBooking')
          : this.i18n.errorMessage(e);
      this.state.set({ kind: 'failed', message });
    }
  }

  protected summary(b: Booking): string {
    return this.i18n.t('checkin.summary', {
      kind: this.i18n.t(`kind.${b.spaceKind}`),
      label: b.spaceLabel,
      floor: b.floorName,
      building: b.buildingName,
      time: this.i18n.formatTimeRange(b.start, b.end, b.timeZone),
    });
  }
}
