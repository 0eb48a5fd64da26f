import { DOCUMENT, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { Booking, CreateBookingRequest, SeriesRequest, SeriesResult } from '@flexdesk/shared-contracts';
import { BookingsApi, I18n, SeriesApi, WaitlistApi, isProblemError } from '@flexdesk/client-data-access';
import { Notifier } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';
import { BookStore } from './book.store';
import { type BookDialogData, type BookDialogResult, BookDialog, type PreferredSlot } from './book-dialog';
import { type ConflictOutcome, type TimeRange, conflictOutcome, nextFreeAlternative } from './booking-conflict';
import { type NamedSlot, namedSlotChoices } from './booking-options';
import type { SpaceRow } from './space-rows';

/** How a booking request ended, for whoever asked (the dialog, a one-tap button). */
export type BookOutcome =
  | { ok: true; booking: Booking }
  /** `conflict`: someone else got it first; the page explains who and what else is free. */
  | { ok: false; conflict: boolean; error: unknown };

/** A booking someone else won, until a fresh availability answer explains it. */
export interface LostBooking {
  floorId: string;
  date: string;
  space: Pick<SpaceRow, 'id' | 'kind' | 'label' | 'zoneName' | 'capacity'>;
  range: TimeRange;
  /** Availability answers to requests up to this number predate the conflict. */
  afterRequest: number;
}

export interface ExplainedConflict {
  lost: LostBooking;
  outcome: ConflictOutcome;
  alternative: SpaceRow | null;
}

/**
 * The booking command, in one place for the dialog, the plan's card and one-tap booking: shows the
 * space as the person's at once, sends the request, confirms or rolls back, and on a conflict keeps
 * what was lost until fresh availability can say who won and what is still free nearby.
 */
@Injectable()
export class BookingFlow {
  private readonly store = inject(BookStore);
  private readonly api = inject(BookingsApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);
  private readonly waitlist = inject(WaitlistApi);
  private readonly series = inject(SeriesApi);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);

  /** The optimistic key of the request on its way, if any. */
  private inFlight: number | null = null;
  readonly lost = signal<LostBooking | null>(null);
  /** The space whose dialog is open. */
  private readonly dialogRowId = signal<string | null>(null);
  private readonly dialogRow = computed(() => this.store.rows()?.find((r) => r.id === this.dialogRowId()) ?? null);

  private reloadedFor: LostBooking | null = null;

  constructor() {
    // A conflict is explained from an answer requested after it: ask once, after any request in flight.
    effect(() => {
      const lost = this.lost();
      if (!lost || lost === this.reloadedFor || this.store.availabilityLoading()) return;
      if (this.store.answered() > lost.afterRequest) return;
      if (untracked(() => this.store.refreshAvailability())) this.reloadedFor = lost;
    });
  }

  /** Who or what won, and the nearest space that would have done, once fresh availability is in. */
  readonly conflict = computed<ExplainedConflict | null>(() => {
    const lost = this.lost();
    const availability = this.store.availability();
    if (!lost || this.store.answered() <= lost.afterRequest) return null;
    if (!availability || availability.floorId !== lost.floorId || availability.date !== lost.date) return null;
    const row = this.store.rows()?.find((r) => r.id === lost.space.id);
    return {
      lost,
      outcome: conflictOutcome(row, lost.range),
      alternative: availability.open
        ? nextFreeAlternative(this.store.visibleRows(), lost.space, lost.range, this.store.centers())
        : null,
    };
  });

  /** Books on the floor and day on screen; `range` is what the request covers, to show it at once. */
  async book(request: CreateBookingRequest, range: TimeRange): Promise<BookOutcome> {
    const floorId = this.store.floorId();
    const date = this.store.date();
    const row = this.store.rows()?.find((r) => r.id === request.spaceId);
    if (!floorId || !date) return { ok: false, conflict: false, error: new Error('No floor or day') };
    const key = this.store.optimistic.add({ floorId, date, spaceId: request.spaceId, ...range });
    this.inFlight = key;
    this.lost.set(null);
    try {
      const booking = await firstValueFrom(this.api.create(request));
      this.store.optimistic.confirm(key, this.store.lastRequest());
      this.notifier.success(
        this.i18n.t('book.success', {
          kind: this.i18n.t(`kind.${booking.spaceKind}`),
          label: booking.spaceLabel,
          date: this.i18n.formatDate(booking.date),
          time: this.i18n.formatTimeRange(booking.start, booking.end, booking.timeZone),
        }),
        // The button used may be gone now: the confirmation takes the focus, so it is also heard.
        { focus: true },
      );
      this.store.reloadAvailability();
      return { ok: true, booking };
    } catch (error) {
      this.store.optimistic.rollback(key);
      const conflict = isProblemError(error) && error.code === 'BOOKING_CONFLICT';
      if (conflict && row) {
        this.lost.set({
          floorId,
          date,
          space: { id: row.id, kind: row.kind, label: row.label, zoneName: row.zoneName, capacity: row.capacity },
          range,
          afterRequest: this.store.lastRequest(),
        });
      }
      return { ok: false, conflict, error };
    } finally {
      if (this.inFlight === key) this.inFlight = null;
    }
  }

  /**
   * One tap: the usual slot (the whole day where the rules allow it, else the first half-day still
   * free) of a space on the floor and day on screen, without the dialog.
   */
  async bookUsual(row: SpaceRow): Promise<BookOutcome | null> {
    const building = this.store.building();
    const availability = this.store.availability();
    if (!building || !availability?.open) return null;
    const choices = namedSlotChoices({
      allowed: building.policies[row.kind].allowedSlots,
      open: availability.open,
      date: availability.date,
      midday: building.midday,
      timeZone: building.timeZone,
      bookings: row.bookings,
      now: new Date(),
    }).filter((c) => !c.taken && !c.past);
    const choice = choices[0];
    if (!choice) return null;
    const outcome = await this.book(
      { spaceId: row.id, date: availability.date, slot: choice.slot },
      { start: choice.window.start.toISOString(), end: choice.window.end.toISOString() },
    );
    if (!outcome.ok && !outcome.conflict) this.notifier.error(this.i18n.errorMessage(outcome.error));
    return outcome;
  }

  /** The slot one tap would book, for the button's text. */
  usualSlot(row: SpaceRow): NamedSlot | null {
    const building = this.store.building();
    const availability = this.store.availability();
    if (!building || !availability?.open) return null;
    return (
      namedSlotChoices({
        allowed: building.policies[row.kind].allowedSlots,
        open: availability.open,
        date: availability.date,
        midday: building.midday,
        timeZone: building.timeZone,
        bookings: row.bookings,
        now: new Date(),
      }).find((c) => !c.taken && !c.past)?.slot ?? null
    );
  }

  /** Books a series' bookable days; says how many, and refreshes what the page shows. */
  async bookSeries(request: SeriesRequest): Promise<SeriesResult> {
    const result = await firstValueFrom(this.series.book(request));
    const booked = result.occurrences.filter((o) => o.outcome === 'booked').length;
    this.notifier.success(this.i18n.t('series.booked', { booked, total: result.occurrences.length }), { focus: true });
    this.store.reloadAvailability();
    return result;
  }

  /** Waits for a taken space on the day on screen (the whole day): booked for me if it frees up. */
  async joinWaitlist(row: SpaceRow): Promise<void> {
    const date = this.store.date();
    if (!date) return;
    try {
      const entry = await firstValueFrom(
        // Exactly this space (the API takes either a space or a floor).
        this.waitlist.join({ spaceId: row.id, kind: row.kind, date, slot: 'day' }),
      );
      this.notifier.success(
        this.i18n.t('book.waitlist.joined', {
          label: row.label,
          date: this.i18n.formatDate(date),
          position: entry.position ?? 1,
        }),
        { focus: true },
      );
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    }
  }

  /**
   * The dialog closed while its request ran: let the next availability answer (asked for now) tell
   * whether the booking went through.
   */
  abandon(): void {
    if (this.inFlight === null) return;
    this.store.optimistic.confirm(this.inFlight, this.store.lastRequest());
    this.inFlight = null;
    this.store.reloadAvailability();
  }

  clearLost(): void {
    this.lost.set(null);
  }

  /** Opens the booking form for a space of the floor and day on screen. */
  openDialog(rowId: string, preferred: PreferredSlot | null = null): void {
    const building = this.store.building();
    const date = this.store.date();
    const open = this.store.availability()?.open;
    const row = this.store.rows()?.find((r) => r.id === rowId);
    if (!building || !date || !open || !row || this.dialogRowId()) return;
    this.lost.set(null);
    this.store.selectedSpaceId.set(rowId);
    this.dialogRowId.set(rowId);
    const opener = this.document.activeElement as HTMLElement | null;
    // The dialog keeps showing the space's live state; if it goes away meanwhile, its last state.
    const data: BookDialogData = {
      row: computed(() => this.dialogRow() ?? row),
      building: computed(() => this.store.building() ?? building),
      date,
      open: computed(() => this.store.availability()?.open ?? open),
      preferred,
      submit: (request, range) => this.book(request, range),
      previewSeries: (request) => firstValueFrom(this.series.preview(request)),
      bookSeries: (request) => this.bookSeries(request),
    };
    const ref = this.dialog.open<BookDialog, BookDialogData, BookDialogResult>(BookDialog, {
      data,
      width: '36rem',
      maxWidth: 'calc(100vw - 1.5rem)',
      // Focus goes back to the opener below, unless the page has taken it over.
      restoreFocus: false,
      // A form is not thrown away by a click beside it; on a touch screen the tap that opened the
      // dialog also sends a click, which would land on the backdrop. Escape still closes it.
      disableClose: true,
    });
    ref.keydownEvents().subscribe((e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) ref.close();
    });
    void firstValueFrom(ref.afterClosed()).then((result) => {
      this.dialogRowId.set(null);
      this.abandon();
      if (result !== 'handed-over') (opener?.isConnected ? opener : this.pageHeading())?.focus();
    });
  }

  private pageHeading(): HTMLElement | null {
    return this.document.querySelector<HTMLElement>('main h1') ?? this.document.getElementById('main');
  }
}
