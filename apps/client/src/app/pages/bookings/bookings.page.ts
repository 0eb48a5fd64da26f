import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Booking } from '@flexdesk/shared-contracts';
import { BookingsApi, I18n } from '@flexdesk/client-data-access';
import { firstValueFrom, tap } from 'rxjs';
import { bookingRange, splitBookings } from './bookings-split';
import { BookingsTable } from './bookings-table';
import { closeDialog, showModal } from '../../shared/dialog';
import { PageAlerts } from '../../shared/page-alerts';

@Component({
  selector: 'fd-bookings-page',
  imports: [RouterLink, BookingsTable, PageAlerts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bookings.page.html',
})
export class BookingsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BookingsApi);
  private readonly document = inject(DOCUMENT);

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

  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly pendingCancel = signal<Booking | null>(null);
  private readonly confirmDialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirm');
  private opener: HTMLElement | null = null;

  protected askCancel(b: Booking): void {
    this.opener = this.document.activeElement as HTMLElement | null;
    this.pendingCancel.set(b);
    this.error.set(null);
    this.announcement.set('');
    showModal(this.confirmDialog().nativeElement);
  }

  protected keep(): void {
    closeDialog(this.confirmDialog().nativeElement);
  }

  protected onConfirmClosed(): void {
    this.pendingCancel.set(null);
    const target = this.opener?.isConnected ? this.opener : this.document.getElementById('main');
    target?.focus();
    this.opener = null;
  }

  protected async confirmCancel(): Promise<void> {
    const b = this.pendingCancel();
    if (!b) return;
    this.busyId.set(b.id);
    try {
      await firstValueFrom(this.api.cancel(b.id));
      this.announcement.set(
        this.i18n.t('bookings.cancelled', { label: b.spaceLabel, date: this.i18n.formatDate(b.date) }),
      );
      this.resource.reload();
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busyId.set(null);
      closeDialog(this.confirmDialog().nativeElement);
    }
  }

  protected async checkIn(b: Booking): Promise<void> {
    this.busyId.set(b.id);
    this.error.set(null);
    this.announcement.set('');
    try {
      await firstValueFrom(this.api.checkIn(b.id));
      this.announcement.set(this.i18n.t('bookings.checkedIn', { label: b.spaceLabel }));
      this.resource.reload();
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busyId.set(null);
    }
  }

  protected retry(): void {
    this.resource.reload();
  }
}
