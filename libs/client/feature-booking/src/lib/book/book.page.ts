import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  Booking,
  BuildingSummary,
  Floor,
  FloorAvailability,
  FloorSummary,
  Point,
  SpaceKind,
} from '@flexdesk/shared-contracts';
import { FloorPlanComponent, type SpaceHover } from '@flexdesk/client-ui-floor-plan';
import { localDateOf, rotatedCenter } from '@flexdesk/shared-domain';
import { BuildingsApi, I18n, attributeLabel, refreshOnLiveChanges, SessionStore } from '@flexdesk/client-data-access';
import { BuildingFloorPicker, Icon, InlineAlert, Notifier, PageHeader, STATE_SYMBOLS } from '@flexdesk/client-ui';
import { firstValueFrom, tap } from 'rxjs';
import { type BookAgainIntent, nextDateFor, parseBookAgain } from './book-again';
import { type DateOption, dateOptions } from './booking-options';
import {
  type BookDialogData,
  type BookDialogResult,
  type BookingAttempt,
  type BookingFailure,
  BookDialog,
  type PreferredSlot,
} from './book-dialog';
import { type ConflictOutcome, type TimeRange, conflictOutcome, nextFreeAlternative } from './booking-conflict';
import { OptimisticBookings, applyOptimistic } from './optimistic-bookings';
import { type CardPosition, cardPosition } from './plan-card';
import { planLabels, planText } from './plan-labels';
import {
  type SpaceFilter,
  type SpaceRow,
  attributesIn,
  buildSpaceRows,
  filterSpaceRows,
  hasFreeTime,
  kindsIn,
} from './space-rows';
import { SpaceTable } from './space-table';

const LAST_FLOOR_KEY = 'flexdesk.lastFloor';
/** How long a card outlives the pointer or focus leaving its space, so either can move onto the card. */
const CARD_GRACE_MS = 400;

/** A booking someone else won, until a fresh availability answer explains it. */
interface LostBooking {
  floorId: string;
  date: string;
  space: Pick<SpaceRow, 'id' | 'kind' | 'label' | 'zoneName' | 'capacity'>;
  range: TimeRange;
  /** Availability answers to requests up to this number predate the conflict. */
  afterRequest: number;
}

function keepOrDefault(
  previous: string | undefined,
  ids: string[],
  preferred: string | null | undefined,
): string | null {
  if (previous && ids.includes(previous)) return previous;
  if (preferred && ids.includes(preferred)) return preferred;
  return ids[0] ?? null;
}

@Component({
  selector: 'fd-book-page',
  imports: [
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatHint,
    MatIconButton,
    MatLabel,
    MatOption,
    MatSelect,
    MatTooltip,
    BuildingFloorPicker,
    Icon,
    InlineAlert,
    PageHeader,
    FloorPlanComponent,
    SpaceTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book.page.html',
  styleUrl: './book.page.css',
  host: { '(keydown.escape)': 'onEscape($event)' },
})
export class BookPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BuildingsApi);
  private readonly session = inject(SessionStore);
  private readonly document = inject(DOCUMENT);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** "Book again" from My bookings: floor, space and slot to open with; consumed once applied. */
  private readonly intent = signal<BookAgainIntent | null>(parseBookAgain(this.route.snapshot.queryParamMap));

  private readonly buildingsResource = rxResource({ stream: () => this.api.list() });
  protected readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );

  /** Starts at the building of the person's default floor, or else of the floor they used last. */
  protected readonly buildingId = linkedSignal<BuildingSummary[], string | null>({
    source: this.buildings,
    computation: (list, previous) => {
      const preferred = this.preferredFloorId();
      const home = list.find((b) => b.floors.some((f) => f.id === preferred))?.id;
      return keepOrDefault(
        previous?.value ?? undefined,
        list.map((b) => b.id),
        home,
      );
    },
  });

  private readonly buildingResource = rxResource({
    params: () => this.buildingId() ?? undefined,
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly building = computed(() => {
    const b = this.buildingResource.hasValue() ? this.buildingResource.value() : undefined;
    return b && b.id === this.buildingId() ? b : null;
  });

  protected readonly floors = computed<FloorSummary[]>(() =>
    [...(this.buildings().find((b) => b.id === this.buildingId())?.floors ?? [])].sort((a, b) => a.level - b.level),
  );
  /** The preferred floor, else the lowest floor above ground (not the car park in the basement). */
  protected readonly floorId = linkedSignal<FloorSummary[], string | null>({
    source: this.floors,
    computation: (floors, previous) => {
      const preferred = this.preferredFloorId() ?? floors.find((f) => f.level >= 0)?.id;
      return keepOrDefault(
        previous?.value ?? undefined,
        floors.map((f) => f.id),
        preferred,
      );
    },
  });

  protected readonly dates = computed<DateOption[]>(() => {
    const b = this.building();
    return b ? dateOptions(b, localDateOf(new Date(), b.timeZone)) : [];
  });
  /** For "book again": the next open day on which the slot is not over yet. */
  private readonly intentDate = computed(() => {
    const intent = this.intent();
    const building = this.building();
    return intent && building ? nextDateFor(this.dates(), building, intent, new Date()) : null;
  });
  protected readonly date = linkedSignal<DateOption[], string | null>({
    source: this.dates,
    computation: (options, previous) => {
      const open = options.filter((o) => !o.closed).map((o) => o.date);
      const preferred = untracked(this.intentDate);
      return keepOrDefault(previous?.value ?? undefined, open, preferred) ?? options[0]?.date ?? null;
    },
  });

  private readonly floorResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.api.floor(params),
  });
  protected readonly updatedAt = signal<Date | null>(null);
  /** Availability requests started so far, and the number of the one answered last. */
  private availabilityRequests = 0;
  private readonly availabilityAnswered = signal(0);
  private readonly optimistic = new OptimisticBookings();
  private readonly availabilityResource = rxResource({
    params: () => {
      const floorId = this.floorId();
      const date = this.date();
      return floorId && date ? { floorId, date } : undefined;
    },
    stream: ({ params }) => {
      const request = ++this.availabilityRequests;
      return this.api.availability(params.floorId, params.date).pipe(
        tap(() => {
          this.updatedAt.set(new Date());
          this.optimistic.settle(request);
          this.availabilityAnswered.set(request);
        }),
      );
    },
  });
  /** The server's answer for the floor and day on screen, as it stands. */
  protected readonly availability = computed(() => {
    const a = this.availabilityResource.hasValue() ? this.availabilityResource.value() : undefined;
    return a && a.floorId === this.floorId() && a.date === this.date() ? a : null;
  });
  /** What the plan and the list show: the answer plus the person's bookings still on their way. */
  protected readonly shownAvailability = computed<FloorAvailability | null>(() => {
    const a = this.availability();
    return a ? applyOptimistic(a, this.optimistic.entries()) : null;
  });

  protected readonly floor = computed<Floor | null>(() => {
    const floor = this.floorResource.hasValue() ? this.floorResource.value() : undefined;
    return floor && floor.id === this.floorId() ? floor : null;
  });

  protected readonly rows = computed(() => {
    const floor = this.floor();
    const availability = this.shownAvailability();
    return floor && availability ? buildSpaceRows(floor, availability) : null;
  });
  private readonly centers = computed(
    () => new Map<string, Point>((this.floor()?.spaces ?? []).map((s) => [s.id, rotatedCenter(s)])),
  );

  protected readonly kindFilter = signal<SpaceKind | null>(null);
  protected readonly attributeFilter = signal<readonly string[]>([]);
  protected readonly onlyAvailable = signal(false);
  protected readonly kinds = computed(() => kindsIn(this.rows() ?? []));
  protected readonly attributes = computed(() => attributesIn(this.rows() ?? []));
  /** Filters for things this floor does not have would hide everything without a way to undo them. */
  private readonly filter = computed<SpaceFilter>(() => ({
    kind: this.kinds().includes(this.kindFilter() as SpaceKind) ? this.kindFilter() : null,
    attributes: this.attributeFilter().filter((a) => this.attributes().includes(a)),
    onlyAvailable: this.onlyAvailable(),
  }));
  protected readonly visibleRows = computed(() => filterSpaceRows(this.rows() ?? [], this.filter()));
  /** The list stays the default: it is the complete, screen-reader-friendly view of the same spaces. */
  protected readonly view = signal<'list' | 'plan'>('list');
  protected readonly views = ['list', 'plan'] as const;
  protected readonly planText = computed(() => planText(this.i18n.locale()));
  protected readonly planLabels = computed(() =>
    planLabels(this.i18n.locale(), this.floor()?.name ?? '', (state) => this.i18n.t(`state.${state}`)),
  );
  /** Spaces the filters hide from the list are drawn faintly on the plan. */
  protected readonly dimmedSpaceIds = computed<ReadonlySet<string>>(() => {
    const visible = new Set(this.visibleRows().map((r) => r.id));
    return new Set((this.rows() ?? []).filter((r) => !visible.has(r.id)).map((r) => r.id));
  });
  protected readonly selectedSpaceId = signal<string | null>(null);
  protected readonly activeFilterCount = computed(() => {
    const f = this.filter();
    return (f.kind !== null ? 1 : 0) + f.attributes.length + (f.onlyAvailable ? 1 : 0);
  });
  /** On a phone the filters would push the table off screen, so they start folded there. */
  protected readonly filtersOpenInitially =
    this.document.defaultView?.matchMedia?.('(min-width: 44rem)').matches ?? true;

  protected readonly caption = computed(() => {
    const floor = this.floors().find((f) => f.id === this.floorId());
    const date = this.date();
    return floor && date ? this.i18n.t('book.caption', { floor: floor.name, date: this.i18n.formatDate(date) }) : '';
  });
  protected readonly lastBookableDay = computed(() => {
    const dates = this.dates();
    const last = dates[dates.length - 1];
    return last ? this.i18n.formatDate(last.date, { weekday: 'long', day: 'numeric', month: 'long' }) : '';
  });

  protected readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.buildingResource, this.floorResource, this.availabilityResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  /** The space whose booking dialog is open. */
  private readonly bookingRowId = signal<string | null>(null);
  private readonly bookingRow = computed(() => this.rows()?.find((r) => r.id === this.bookingRowId()) ?? null);
  /** A plain notice about the results (e.g. why "book again" could not open the dialog). */
  protected readonly notice = signal('');
  private readonly injector = inject(Injector);

  /** The attempt in flight: its optimistic booking and what it asked for. */
  private attempt: { key: number; floorId: string; date: string; range: TimeRange } | null = null;
  protected readonly lost = signal<LostBooking | null>(null);
  private reloadedFor: LostBooking | null = null;
  private readonly conflictRegion = viewChild<unknown, ElementRef<HTMLElement>>('conflictRegion', { read: ElementRef });
  /** Who or what won, and the nearest space that would have done, once fresh availability is in. */
  protected readonly conflict = computed<{ outcome: ConflictOutcome; alternative: SpaceRow | null } | null>(() => {
    const lost = this.lost();
    const availability = this.availability();
    if (!lost || this.availabilityAnswered() <= lost.afterRequest) return null;
    if (!availability || availability.floorId !== lost.floorId || availability.date !== lost.date) return null;
    const row = this.rows()?.find((r) => r.id === lost.space.id);
    return {
      outcome: conflictOutcome(row, lost.range),
      alternative: availability.open
        ? nextFreeAlternative(this.visibleRows(), lost.space, lost.range, this.centers())
        : null,
    };
  });

  /** The plan's card: which space, where (pixels of the plan), and the plan's size then. */
  private readonly hovered = signal<(SpaceHover & { area: { width: number; height: number } }) | null>(null);
  protected readonly card = computed<{ row: SpaceRow; position: CardPosition } | null>(() => {
    const hovered = this.hovered();
    const row = hovered && this.view() === 'plan' ? this.rows()?.find((r) => r.id === hovered.spaceId) : undefined;
    return hovered && row ? { row, position: cardPosition(hovered.anchor, hovered.area) } : null;
  });
  /** Spoken when the card follows keyboard focus: what the plan's own announcement leaves out. */
  protected readonly cardAnnouncement = signal('');
  protected readonly symbols = STATE_SYMBOLS;
  protected readonly hasFreeTime = hasFreeTime;
  private readonly planArea = viewChild<ElementRef<HTMLElement>>('planArea');
  private readonly cardElement = viewChild<ElementRef<HTMLElement>>('card');
  private cardTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    refreshOnLiveChanges({
      scope: computed(() => {
        const floorId = this.floorId();
        return floorId ? { floorId } : null;
      }),
      date: this.date,
      refresh: () => this.refreshIfVisible(),
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.cardTimer));

    // "Book again": once the floor and day of the intent are on screen, select the space and open
    // the dialog with the same slot, or say why not.
    effect(() => {
      const intent = this.intent();
      if (!intent) return;
      const floors = this.floors();
      if (this.buildings().length && floors.length && !floors.some((f) => f.id === intent.floorId)) {
        untracked(() => this.consumeIntent());
        return;
      }
      const rows = this.rows();
      const availability = this.availability();
      if (!rows || !availability || availability.floorId !== intent.floorId) return;
      untracked(() => this.applyIntent(intent, rows, availability));
    });

    // A conflict is explained from an answer requested after it: ask once, after any request in flight.
    effect(() => {
      const lost = this.lost();
      if (!lost || lost === this.reloadedFor || this.availabilityResource.isLoading()) return;
      if (this.availabilityAnswered() > lost.afterRequest) return;
      if (untracked(() => this.availabilityResource.reload())) this.reloadedFor = lost;
    });
  }

  protected attributeLabel(attribute: string): string {
    return attributeLabel(this.i18n, attribute);
  }

  protected dateLabel(option: DateOption): string {
    const date = this.i18n.formatDate(option.date);
    if (!option.closed) return this.i18n.t('book.dateOption', { date });
    return option.reason
      ? this.i18n.t('book.dateOptionClosedReason', { date, reason: option.reason })
      : this.i18n.t('book.dateOptionClosed', { date });
  }

  protected openHours(): string {
    const a = this.availability();
    const b = this.building();
    return a?.open && b
      ? this.i18n.t('book.openHours', { range: this.i18n.formatTimeRange(a.open.start, a.open.end, b.timeZone) })
      : '';
  }

  protected selectBuilding(buildingId: string | null): void {
    if (!buildingId) return;
    this.buildingId.set(buildingId);
    const floorId = this.floorId();
    if (floorId) this.rememberFloor(floorId);
    this.clearMessages();
  }

  protected selectFloor(floorId: string | null): void {
    if (!floorId) return;
    this.floorId.set(floorId);
    this.rememberFloor(floorId);
    this.clearMessages();
  }

  protected selectDate(change: MatSelectChange): void {
    this.date.set(change.value as string);
    this.clearMessages();
  }

  protected setView(view: 'list' | 'plan'): void {
    this.view.set(view);
    this.hideCard();
  }

  protected selectKind(change: MatSelectChange): void {
    this.kindFilter.set((change.value as SpaceKind | '') || null);
  }

  protected toggleAttribute(attribute: string, change: MatCheckboxChange): void {
    this.attributeFilter.update((list) =>
      change.checked ? [...list, attribute] : list.filter((a) => a !== attribute),
    );
  }

  protected toggleOnlyAvailable(change: MatCheckboxChange): void {
    this.onlyAvailable.set(change.checked);
  }

  protected resetFilters(): void {
    this.kindFilter.set(null);
    this.attributeFilter.set([]);
    this.onlyAvailable.set(false);
  }

  protected retry(): void {
    for (const r of [this.buildingsResource, this.buildingResource, this.floorResource, this.availabilityResource]) {
      if (r.status() === 'error') r.reload();
    }
  }

  protected openBooking(rowId: string, preferred: PreferredSlot | null = null): void {
    const building = this.building();
    const date = this.date();
    const open = this.availability()?.open;
    const row = this.rows()?.find((r) => r.id === rowId);
    if (!building || !date || !open || !row || this.bookingRowId()) return;
    this.clearMessages();
    this.selectedSpaceId.set(rowId);
    this.bookingRowId.set(rowId);
    const opener = this.document.activeElement as HTMLElement | null;
    // The dialog keeps showing the space's live state; if it goes away meanwhile, its last state.
    const data: BookDialogData = {
      row: computed(() => this.bookingRow() ?? row),
      building: computed(() => this.building() ?? building),
      date,
      open: computed(() => this.availability()?.open ?? open),
      preferred,
    };
    const ref = this.dialog.open<BookDialog, BookDialogData, BookDialogResult>(BookDialog, {
      data,
      width: '32rem',
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
    ref.componentInstance.attempted.subscribe((a) => this.onAttempt(a));
    ref.componentInstance.booked.subscribe((b) => this.onBooked(b));
    ref.componentInstance.failed.subscribe((f) => this.onFailed(f));
    void firstValueFrom(ref.afterClosed()).then((result) => {
      this.closeBooking();
      if (result !== 'handed-over') (opener?.isConnected ? opener : this.pageHeading())?.focus();
    });
  }

  protected selectRow(row: SpaceRow): void {
    this.selectedSpaceId.set(row.id);
  }

  /** A space picked on the plan opens the same dialog as its row's Book button, when it could be booked. */
  protected selectOnPlan(spaceId: string): void {
    this.selectedSpaceId.set(spaceId);
    const row = this.rows()?.find((r) => r.id === spaceId);
    if (row && this.availability()?.open && hasFreeTime(row.state)) this.openBooking(spaceId);
  }

  /** The dialog sent the request: show the space as the person's own at once. */
  protected onAttempt(attempt: BookingAttempt): void {
    const floorId = this.floorId();
    const date = this.date();
    if (!floorId || !date) return;
    const range = { start: attempt.start, end: attempt.end };
    const key = this.optimistic.add({ floorId, date, spaceId: attempt.spaceId, ...range });
    this.attempt = { key, floorId, date, range };
    this.lost.set(null);
  }

  /** Refused: back to the real state; someone else being quicker is explained on the page. */
  protected onFailed(failure: BookingFailure): void {
    const attempt = this.attempt;
    this.attempt = null;
    if (attempt) this.optimistic.rollback(attempt.key);
    const row = this.bookingRow();
    if (!failure.conflict || !attempt || !row) return;
    this.lost.set({
      floorId: attempt.floorId,
      date: attempt.date,
      space: { id: row.id, kind: row.kind, label: row.label, zoneName: row.zoneName, capacity: row.capacity },
      range: attempt.range,
      afterRequest: this.availabilityRequests,
    });
    afterNextRender(() => this.conflictRegion()?.nativeElement.focus(), { injector: this.injector });
  }

  protected conflictText(outcome: ConflictOutcome): string {
    const timeZone = this.building()?.timeZone ?? 'UTC';
    switch (outcome.kind) {
      case 'taken': {
        const time = this.i18n.formatTimeRange(outcome.start, outcome.end, timeZone);
        return outcome.by
          ? this.i18n.t('book.conflict.takenBy', { name: outcome.by, time })
          : this.i18n.t('book.conflict.takenBySomeone', { time });
      }
      case 'mine':
        return this.i18n.t('book.conflict.mine');
      case 'unavailable':
        return this.i18n.t('book.conflict.unavailable');
      default:
        return this.i18n.t('book.conflict.unknown');
    }
  }

  protected bookAlternative(row: SpaceRow): void {
    this.openBooking(row.id);
  }

  protected onBooked(booking: Booking): void {
    if (this.attempt) this.optimistic.confirm(this.attempt.key, this.availabilityRequests);
    this.attempt = null;
    // The row's button may be gone now: the confirmation takes the focus, so it is also heard.
    this.notifier.success(
      this.i18n.t('book.success', {
        kind: this.i18n.t(`kind.${booking.spaceKind}`),
        label: booking.spaceLabel,
        date: this.i18n.formatDate(booking.date),
        time: this.i18n.formatTimeRange(booking.start, booking.end, booking.timeZone),
      }),
      { focus: true },
    );
    this.availabilityResource.reload();
  }

  private closeBooking(): void {
    this.bookingRowId.set(null);
    // Closed while the request was still running: its answer will not reach us, so let the next
    // availability answer (asked for now) tell whether the booking went through.
    if (this.attempt) {
      this.optimistic.confirm(this.attempt.key, this.availabilityRequests);
      this.attempt = null;
      this.availabilityResource.reload();
    }
  }

  // ---- the plan's card ----------------------------------------------------------------------

  protected onSpaceHovered(hover: SpaceHover | null): void {
    clearTimeout(this.cardTimer);
    if (!hover) {
      this.cardTimer = setTimeout(() => {
        if (!this.cardInUse()) this.hideCard();
      }, CARD_GRACE_MS);
      return;
    }
    const area = this.planArea()?.nativeElement;
    this.hovered.set({ ...hover, area: { width: area?.clientWidth ?? 0, height: area?.clientHeight ?? 0 } });
    const fromKeyboard = !!this.document.activeElement?.closest('fd-floor-plan [role="application"]');
    const row = this.rows()?.find((r) => r.id === hover.spaceId);
    this.cardAnnouncement.set(fromKeyboard && row ? this.cardSummary(row) : '');
  }

  /** The pointer or the focus left the card: hide it unless the other is still there. */
  protected onCardLeft(): void {
    clearTimeout(this.cardTimer);
    this.cardTimer = setTimeout(() => {
      if (!this.cardInUse()) this.hideCard();
    }, CARD_GRACE_MS);
  }

  /** Escape on the plan or in its card closes the card (dialogs handle their own Escape). */
  protected onEscape(event: Event): void {
    const target = event.target as Node | null;
    if (target && this.planArea()?.nativeElement.contains(target)) this.dismissCard();
  }

  /** Closes the card; focus inside it goes back to the plan, where it came from. */
  protected dismissCard(): void {
    const card = this.cardElement()?.nativeElement;
    const hadFocus = !!card?.contains(this.document.activeElement);
    this.hideCard();
    if (hadFocus) this.planArea()?.nativeElement.querySelector<HTMLElement>('[role="application"]')?.focus();
  }

  protected hideCard(): void {
    clearTimeout(this.cardTimer);
    this.hovered.set(null);
    this.cardAnnouncement.set('');
  }

  protected cardAttributes(row: SpaceRow): string {
    return row.attributes.map((a) => attributeLabel(this.i18n, a)).join(', ');
  }

  protected bookingTime(start: string, end: string): string {
    return this.i18n.formatTimeRange(start, end, this.building()?.timeZone ?? 'UTC');
  }

  private cardInUse(): boolean {
    const card = this.cardElement()?.nativeElement;
    return !!card && (card.matches(':hover') || card.contains(this.document.activeElement));
  }

  private cardSummary(row: SpaceRow): string {
    const parts = [this.i18n.t(`kind.${row.kind}`)];
    if (row.zoneName) parts.push(this.i18n.t('book.card.zone', { zone: row.zoneName }));
    if (row.capacity) parts.push(this.i18n.t('book.capacity', { count: row.capacity }));
    if (row.attributes.length) parts.push(this.cardAttributes(row));
    const bookings = row.bookings.map((b) =>
      b.mine
        ? `${this.bookingTime(b.start, b.end)} ${this.i18n.t('book.bookedByYou')}`
        : b.bookerName
          ? `${this.bookingTime(b.start, b.end)} ${this.i18n.t('book.bookedBy', { name: b.bookerName })}`
          : this.bookingTime(b.start, b.end),
    );
    parts.push(
      bookings.length ? this.i18n.t('book.card.busy', { times: bookings.join(', ') }) : this.i18n.t('book.card.none'),
    );
    return `${parts.join('. ')}. ${this.i18n.t('book.card.keyboardHint')}`;
  }

  // ---- book again ---------------------------------------------------------------------------

  private applyIntent(intent: BookAgainIntent, rows: readonly SpaceRow[], availability: FloorAvailability): void {
    this.consumeIntent();
    const row = rows.find((r) => r.id === intent.spaceId);
    if (!row) {
      this.notice.set(this.i18n.t('book.again.missing'));
      return;
    }
    this.selectedSpaceId.set(row.id);
    if (availability.open && hasFreeTime(row.state)) {
      this.openBooking(row.id, { slot: intent.slot, from: intent.from, to: intent.to });
    } else {
      this.notice.set(
        this.i18n.t('book.again.notFree', {
          kind: this.i18n.t(`kind.${row.kind}`),
          label: row.label,
          date: this.i18n.formatDate(availability.date),
        }),
      );
    }
  }

  /** Drops the intent and its query parameters, so a reload does not open the dialog again. */
  private consumeIntent(): void {
    this.intent.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }

  private clearMessages(): void {
    this.notice.set('');
    this.lost.set(null);
  }

  private pageHeading(): HTMLElement | null {
    return this.document.querySelector<HTMLElement>('main h1') ?? this.document.getElementById('main');
  }

  private refreshIfVisible(): void {
    if (this.document.visibilityState === 'visible' && !this.availabilityResource.isLoading()) {
      this.availabilityResource.reload();
    }
  }

  /** "Book again" wins, then the profile's default floor, then the floor picked last on this device. */
  private preferredFloorId(): string | null {
    const fromIntent = this.intent()?.floorId;
    if (fromIntent) return fromIntent;
    const fromProfile = this.session.me()?.defaultFloorId;
    if (fromProfile) return fromProfile;
    try {
      return this.document.defaultView?.localStorage.getItem(LAST_FLOOR_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private rememberFloor(floorId: string): void {
    try {
      this.document.defaultView?.localStorage.setItem(LAST_FLOOR_KEY, floorId);
    } catch {
      // Without storage the page simply starts at the default floor next time.
    }
  }
}
