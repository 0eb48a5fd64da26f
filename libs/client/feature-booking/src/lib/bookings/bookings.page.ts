import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Booking } from '@flexdesk/shared-contracts';
import { BookingsApi, I18n } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { firstValueFrom, tap } from 'rxjs';
import { bookingRange, splitBookings } from './bookings-split';
import { BookingsTable } from './bookings-table';

@Component({
  selector: 'fd-bookings-page',
  imports: [RouterLink, BookingsTable, InlineAlert, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bookings.page.html',
})
export class BookingsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BookingsApi);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);

  protected readonly now = signal(new Date());
  private readonly resource = rxResource({
    stream: () => this.api.list(bookingRange(new Date())).pipe(tap(() => this.now.set(new Date()))),
  });
  protected readonly loading = computed(() => this.resource.isLoading() && !this.resource.hasValue());
  protected readonly loadError = computed(() =>
    this.resource.status() === 'error'
      ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(this.resource.error()) })
      : null,
  );
  protected readonly split = computed(() =>
    splitBookings(this.resource.hasValue() ? this.resource.value() : [], this.now()),
  );

  protected readonly busyId = signal<string | null>(null);

  protected async askCancel(b: Booking): Promise<void> {
    const cancelled = await this.confirmation.ask({
      title: this.i18n.t('bookings.confirmTitle'),
      message: this.i18n.t('bookings.confirmText', {
        kind: this.i18n.t(`kind.${b.spaceKind}`),
        label: b.spaceLabel,
        building: b.buildingName,
        floor: b.floorName,
        date: this.i18n.formatDate(b.date),
        time: this.i18n.formatTimeRange(b.start, b.end, b.timeZone),
      }),
      confirmLabel: this.i18n.t('bookings.confirmYes'),
      cancelLabel: this.i18n.t('bookings.confirmNo'),
      danger: true,
      action: () => firstValueFrom(this.api.cancel(b.id), { defaultValue: undefined }),
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
    if (!cancelled) return;
    this.notifier.success(
      this.i18n.t('bookings.cancelled', { label: b.spaceLabel, date: this.i18n.formatDate(b.date) }),
      { action: { label: this.i18n.t('bookings.undo'), run: () => void this.undoCancel(b) } },
    );
    this.resource.reload();
  }

  /** Undo from the snack bar: the same booking again, if the space is still free. */
  private async undoCancel(b: Booking): Promise<void> {
    try {
      await firstValueFrom(this.api.restore(b.id));
      this.notifier.success(
        this.i18n.t('bookings.restored', { label: b.spaceLabel, date: this.i18n.formatDate(b.date) }),
        { focus: true },
      );
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.resource.reload();
    }
  }

  protected async checkIn(b: Booking): Promise<void> {
    this.busyId.set(b.id);
    try {
      await firstValueFrom(this.api.checkIn(b.id));
      this.notifier.success(this.i18n.t('bookings.checkedIn', { label: b.spaceLabel }));
      this.resource.reload();
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.busyId.set(null);
    }
  }

  protected retry(): void {
    this.resource.reload();
  }
}
