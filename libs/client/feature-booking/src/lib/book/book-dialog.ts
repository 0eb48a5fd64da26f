import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type Signal,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import type {
  BookingSlot,
  Building,
  CreateBookingRequest,
  SeriesOccurrence,
  SeriesRequest,
  SeriesResult,
} from '@flexdesk/shared-contracts';
import { addDaysToDate, isoWeekdayOf, zonedInstant } from '@flexdesk/shared-domain';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { type NamedSlot, defaultCustomRange, namedSlotChoices, timeOptions } from './booking-options';
import { type RepeatRule, RepeatFields } from './repeat-fields';
import type { SpaceRow } from './space-rows';

type Choice = NamedSlot | 'custom';

/** The slot to start with, e.g. that of the booking being repeated; times are local `HH:mm`. */
export interface PreferredSlot {
  slot: BookingSlot;
  from: string | null;
  to: string | null;
}

/**
 * What the page books with. Signals, so that what the dialog shows (e.g. the space's busy times)
 * follows live changes while it is open.
 */
export interface BookDialogData {
  row: Signal<SpaceRow>;
  building: Signal<Building>;
  date: string;
  open: Signal<{ start: string; end: string }>;
  preferred: PreferredSlot | null;
  /** The booking command (see BookingFlow); `range` is the time asked for, shown at once. */
  submit: (request: CreateBookingRequest, range: { start: string; end: string }) => Promise<SubmitOutcome>;
  /** What a series would do on each of its days (changes nothing). */
  previewSeries: (request: SeriesRequest) => Promise<SeriesResult>;
  /** Books the bookable days of a series. */
  bookSeries: (request: SeriesRequest) => Promise<SeriesResult>;
}

/** What the dialog needs to know of the command's answer. */
export type SubmitOutcome = { ok: true } | { ok: false; conflict: boolean; error: unknown };

/**
 * How the dialog ended: with the page taking over the focus (after a booking, or to explain a
 * conflict), or not (the page then returns focus to where the person was).
 */
export type BookDialogResult = 'handed-over' | undefined;

/** Modal form to book one space on one day, with the slots its kind's policy allows. */
@Component({
  selector: 'fd-book-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatLabel,
    MatOption,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    MatCheckbox,
    InlineAlert,
    RepeatFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book-dialog.html',
  styles: `
    .time-range {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--fd-space-4);
      margin-top: var(--fd-space-2);
    }
    .busy h3 {
      margin-bottom: var(--fd-space-1);
    }
    .occurrences {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--fd-space-2);
      max-height: 14rem;
      overflow: auto;
    }
    .occurrence--no {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BookDialog {
  protected readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<BookDialog, BookDialogResult>>(MatDialogRef);
  private readonly data = inject<BookDialogData>(MAT_DIALOG_DATA);

  protected readonly row = this.data.row;
  protected readonly building = this.data.building;
  protected readonly date = signal(this.data.date).asReadonly();
  protected readonly open = this.data.open;
  private readonly preferred = signal(this.data.preferred).asReadonly();

  private readonly now = new Date();
  /** Closed while the request ran: the page has stopped listening (and no longer waits for us). */
  private destroyed = false;

  protected readonly policy = computed(() => this.building().policies[this.row().kind]);
  protected readonly slotChoices = computed(() =>
    namedSlotChoices({
      allowed: this.policy().allowedSlots,
      open: this.open(),
      date: this.date(),
      midday: this.building().midday,
      timeZone: this.building().timeZone,
      bookings: this.row().bookings,
      now: this.now,
    }),
  );
  protected readonly allowsCustom = computed(() => this.policy().allowedSlots.includes('custom'));
  private readonly times = computed(() =>
    this.allowsCustom()
      ? timeOptions({
          open: this.open(),
          date: this.date(),
          timeZone: this.building().timeZone,
          stepMinutes: this.policy().slotStepMinutes,
        })
      : [],
  );
  /** Start times from now on; a room cannot be booked for a time that has passed. */
  protected readonly startTimes = computed(() =>
    this.times()
      .slice(0, -1)
      .filter((o) => o.instant >= this.now),
  );
  private readonly proposal = computed(() =>
    defaultCustomRange(this.times(), this.now, this.policy().minDurationMinutes),
  );

  /** The preferred custom times, when they fit this day's grid and have not begun. */
  private readonly preferredTimes = computed(() => {
    const p = this.preferred();
    if (p?.slot !== 'custom' || !p.from || !p.to || !this.allowsCustom()) return null;
    const fits = this.startTimes().some((o) => o.time === p.from) && this.times().some((o) => o.time === p.to);
    return fits ? { start: p.from, end: p.to } : null;
  });

  protected readonly choice = linkedSignal<Choice | null>(() => {
    const usable = this.slotChoices().filter((c) => !c.taken && !c.past);
    const preferred = this.preferred()?.slot;
    const same = usable.find((c) => c.slot === preferred);
    if (same) return same.slot;
    if (preferred === 'custom' && this.preferredTimes()) return 'custom';
    if (usable[0]) return usable[0].slot;
    return this.allowsCustom() && this.proposal() ? 'custom' : null;
  });
  protected readonly startTime = linkedSignal(() => this.preferredTimes()?.start ?? this.proposal()?.start ?? '');
  protected readonly endTime = linkedSignal(() => this.preferredTimes()?.end ?? this.proposal()?.end ?? '');
  protected readonly endTimes = computed(() => this.times().filter((o) => o.time > this.startTime()));

  // ---- Repeat ----
  protected readonly repeat = signal(false);
  protected readonly rule = signal<RepeatRule>({
    weekdays: [isoWeekdayOf(this.data.date)],
    interval: 1,
    end: 'until',
    until: addDaysToDate(this.data.date, 27),
    count: 8,
  });
  private readonly preview = signal<{ key: string; result: SeriesResult } | null>(null);
  private readonly seriesRequest = computed<SeriesRequest | null>(() => {
    const single = this.request();
    const rule = this.rule();
    if (!single || !rule.weekdays.length) return null;
    const base = { spaceId: single.spaceId, from: this.date(), weekdays: rule.weekdays, interval: rule.interval };
    const end = rule.end === 'until' ? { until: rule.until } : { count: rule.count };
    if (single.slot) return { ...base, ...end, slot: single.slot };
    return { ...base, ...end, startTime: this.startTime(), endTime: this.endTime() };
  });
  /** The preview on screen, while it still matches the form. */
  protected readonly shownPreview = computed(() => {
    const p = this.preview();
    return p && p.key === JSON.stringify(this.seriesRequest()) ? p.result : null;
  });
  protected readonly previewStale = computed(() => !!this.preview() && !this.shownPreview());
  protected readonly bookableCount = computed(
    () => this.shownPreview()?.occurrences.filter((o) => o.outcome === 'bookable').length ?? 0,
  );

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly title = computed(() =>
    this.i18n.t('book.dialogTitle', { kind: this.i18n.t(`kind.${this.row().kind}`), label: this.row().label }),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  protected slotLabel(slot: NamedSlot, start: Date, end: Date): string {
    return `${this.i18n.t(`slot.${slot}`)} (${this.i18n.formatTimeRange(start, end, this.building().timeZone)})`;
  }

  protected select(choice: Choice): void {
    this.choice.set(choice);
    this.error.set(null);
  }

  protected setStart(change: MatSelectChange): void {
    const start = change.value as string;
    this.startTime.set(start);
    if (this.endTime() <= start) this.endTime.set(this.endTimes()[0]?.time ?? '');
  }

  protected setEnd(change: MatSelectChange): void {
    this.endTime.set(change.value as string);
  }

  protected close(result?: BookDialogResult): void {
    this.ref.close(result);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.repeat()) return this.submitSeries();
    const request = this.request();
    if (!request || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const outcome = await this.data.submit(request, this.range(request));
    this.busy.set(false);
    if (this.destroyed) return;
    if (outcome.ok || outcome.conflict) {
      // Booked: the page confirms it and moves focus there, because the row's button may be gone.
      // A conflict: this dialog's choices are out of date; the page says who got it and what is free.
      this.close('handed-over');
    } else {
      this.error.set(this.i18n.errorMessage(outcome.error));
    }
  }

  protected outcomeText(o: SeriesOccurrence): string {
    const text = this.i18n.t(`series.outcome.${o.outcome}`);
    return o.outcome === 'conflict' && o.heldBy ? `${text} (${this.i18n.t('series.heldBy', { name: o.heldBy })})` : text;
  }

  /** First the preview; once it is on screen and still matches the form, the booking. */
  private async submitSeries(): Promise<void> {
    const request = this.seriesRequest();
    if (!request || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      if (!this.shownPreview()) {
        const result = await this.data.previewSeries(request);
        this.preview.set({ key: JSON.stringify(request), result });
      } else {
        await this.data.bookSeries(request);
        if (!this.destroyed) this.close('handed-over');
      }
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  /** The instants the request covers, for showing it before the answer arrives. */
  private range(request: CreateBookingRequest): { start: string; end: string } {
    if (request.start && request.end) return { start: request.start, end: request.end };
    const window = this.slotChoices().find((c) => c.slot === request.slot)?.window;
    const fallback = this.open();
    return window ? { start: window.start.toISOString(), end: window.end.toISOString() } : fallback;
  }

  private request(): CreateBookingRequest | null {
    const choice = this.choice();
    const spaceId = this.row().id;
    if (choice === null) return null;
    if (choice !== 'custom') return { spaceId, date: this.date(), slot: choice };
    if (!this.startTime() || !this.endTime()) return null;
    const tz = this.building().timeZone;
    return {
      spaceId,
      start: zonedInstant(this.date(), this.startTime(), tz).toISOString(),
      end: zonedInstant(this.date(), this.endTime(), tz).toISOString(),
    };
  }
}
