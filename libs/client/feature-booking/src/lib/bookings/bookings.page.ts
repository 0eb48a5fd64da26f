import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Absence, Booking, BookingSeries, MyAssignedDesk } from '@flexdesk/shared-contracts';
import { localDateOf } from '@flexdesk/shared-domain';
import { BookingsApi, I18n } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { firstValueFrom, tap } from 'rxjs';
import { bookingRange, splitBookings } from './bookings-split';
import { BookingsTable } from './bookings-table';
import { MyWeeks } from './my-weeks';
import { MyWeeksStore } from './my-weeks.store';

@Component({
  selector: 'fd-bookings-page',
  imports: [RouterLink, BookingsTable, InlineAlert, MyWeeks, PageHeader],
  providers: [MyWeeksStore],
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
  protected readonly weeks = inject(MyWeeksStore);
  /** Today where the person books (their first booking's building, else Berlin, the demo's zone). */
  protected readonly today = computed(() => {
    const zone = (this.resource.hasValue() ? this.resource.value()[0]?.timeZone : undefined) ?? 'Europe/Berlin';
    return localDateOf(this.now(), zone);
  });

  constructor() {
    this.weeks.onBookingsChanged = () => this.resource.reload();
  }

  /** "Cancel this and later" from a booking of a series, or "end from today" from the series list. */
  protected async askEndSeries(series: Pick<BookingSeries, 'id' | 'spaceLabel'>, from: string): Promise<void> {
    await this.confirmation.ask({
      title: this.i18n.t('weeks.series.confirmTitle'),
      message: this.i18n.t('weeks.series.confirmText', { label: series.spaceLabel, date: this.i18n.formatDate(from) }),
      confirmLabel: this.i18n.t('weeks.series.confirmYes'),
      cancelLabel: this.i18n.t('bookings.confirmNo'),
      danger: true,
      action: () => this.weeks.endSeries(series, from),
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
  }

  protected endSeriesFrom(b: Booking): void {
    if (b.seriesId) void this.askEndSeries({ id: b.seriesId, spaceLabel: b.spaceLabel }, b.date);
  }

  protected endSeries(s: BookingSeries): void {
    void this.askEndSeries(s, this.today());
  }

  protected removeAbsence(a: Absence): void {
    void this.weeks.removeAbsence(a.id).then(() => this.resource.reload());
  }

  protected release(e: { desk: MyAssignedDesk; date: string }): void {
    void this.weeks.release(e.desk, e.date);
  }

  protected unrelease(e: { desk: MyAssignedDesk; date: string }): void {
    void this.weeks.unrelease(e.desk, e.date);
  }

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
    this.weeks.reload();
  }
}
