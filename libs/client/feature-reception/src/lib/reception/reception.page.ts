import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Booking, BuildingOccupancy, BuildingSummary, DayListEntry } from '@flexdesk/shared-contracts';
import { addDaysToDate, localDateOf } from '@flexdesk/shared-domain';
import {
  BookingsApi,
  BuildingsApi,
  I18n,
  refreshOnLiveChanges,
  type MessageKey,
  OccupancyApi,
  SessionStore,
} from '@flexdesk/client-data-access';
import {
  BuildingFloorPicker,
  Confirmation,
  InlineAlert,
  Notifier,
  PageHeader,
  STATUS_SYMBOLS,
} from '@flexdesk/client-ui';
import { dateOfIso, isoOfDate, provideLocalizedDates } from '@flexdesk/client-ui/dates';
import { firstValueFrom, tap } from 'rxjs';
import { BookOnBehalfDialog, type BookOnBehalfRequest } from './book-on-behalf';
import {
  type DayListSort,
  type DayListSortKey,
  type DayListStatusFilter,
  filterDayList,
  groupByFloor,
  nextSort,
  sortDayList,
  totalsRows,
} from './day-list';

const COLUMN_KEYS = {
  space: 'reception.col.space',
  name: 'reception.col.name',
  start: 'reception.col.time',
  status: 'reception.col.status',
} as const satisfies Record<DayListSortKey, MessageKey>;

@Component({
  selector: 'fd-reception-page',
  imports: [
    RouterLink,
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    BuildingFloorPicker,
    InlineAlert,
    PageHeader,
  ],
  providers: [provideLocalizedDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reception.page.html',
  styleUrl: './reception.page.css',
})
export class ReceptionPage {
  protected readonly i18n = inject(I18n);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly occupancyApi = inject(OccupancyApi);
  private readonly bookingsApi = inject(BookingsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);

  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );
  /**
   * Starts at the building the person works the front desk of, else their home building, else that
   * of their default floor, else the first.
   */
  protected readonly buildingId = linkedSignal<BuildingSummary[], string | null>({
    source: this.buildings,
    computation: (list, previous) => {
      if (previous?.value && list.some((b) => b.id === previous.value)) return previous.value;
      const me = this.session.me();
      const desks = Array.isArray(me?.receptionBuildingIds) ? me.receptionBuildingIds : [];
      return (
        (
          list.find((b) => desks.includes(b.id)) ??
          list.find((b) => b.id === me?.homeBuildingId) ??
          list.find((b) => b.floors.some((f) => f.id === me?.defaultFloorId)) ??
          list.find((b) => b.id === me?.suggestedHomeBuildingId) ??
          list[0]
        )?.id ?? null
      );
    },
  });
  protected readonly building = computed(() => this.buildings().find((b) => b.id === this.buildingId()) ?? null);
  /** Today on the building's wall clock, which is what the front desk means by "today". */
  protected readonly today = computed(() => {
    const b = this.building();
    return b ? localDateOf(new Date(), b.timeZone) : null;
  });
  protected readonly date = linkedSignal<string | null, string | null>({
    source: this.today,
    computation: (today, previous) => previous?.value ?? today,
  });
  /** The same day as the date picker's `Date`. */
  protected readonly pickerDate = computed(() => {
    const date = this.date();
    return date ? dateOfIso(date) : null;
  });

  protected readonly updatedAt = signal<Date | null>(null);
  private readonly occupancyResource = rxResource({
    params: () => {
      const buildingId = this.buildingId();
      const date = this.date();
      return buildingId && date ? { buildingId, date } : undefined;
    },
    stream: ({ params }) => this.occupancyApi.forDay(params.buildingId, params.date).pipe(tap((o) => this.received(o))),
  });
  protected readonly occupancy = computed(() => {
    const o = this.occupancyResource.hasValue() ? this.occupancyResource.value() : undefined;
    return o && o.buildingId === this.buildingId() && o.date === this.date() ? o : null;
  });

  protected readonly occupancyLoading = computed(() => this.occupancyResource.isLoading());

  protected readonly totals = computed(() => {
    const o = this.occupancy();
    return o ? totalsRows(o) : [];
  });
  private readonly floorOrder = computed(() =>
    [...(this.occupancy()?.floors ?? [])].sort((a, b) => a.level - b.level).map((f) => f.floorId),
  );

  protected readonly search = signal('');
  protected readonly statusFilter = signal<DayListStatusFilter>('all');
  protected readonly sort = signal<DayListSort>({ key: 'space', direction: 'asc' });
  protected readonly sortKeys: readonly DayListSortKey[] = ['space', 'name', 'start', 'status'];
  protected readonly entries = computed(() => this.occupancy()?.bookings ?? []);
  protected readonly visibleEntries = computed(() =>
    sortDayList(
      filterDayList(this.entries(), { text: this.search(), status: this.statusFilter() }),
      this.sort(),
      this.floorOrder(),
      this.i18n.languageTag(),
    ),
  );
  /** The printout is the whole day, whatever is filtered on screen. */
  protected readonly printGroups = computed(() =>
    groupByFloor(
      sortDayList(this.entries(), { key: 'space', direction: 'asc' }, this.floorOrder(), this.i18n.languageTag()),
      this.floorOrder(),
    ),
  );
  protected readonly csvUrl = computed(() => {
    const buildingId = this.buildingId();
    const date = this.date();
    return buildingId && date ? this.occupancyApi.dayListCsvUrl(buildingId, date) : null;
  });
  protected readonly caption = computed(() => {
    const o = this.occupancy();
    return o ? this.i18n.t('reception.dayListCaption', { building: o.buildingName, date: this.longDate(o.date) }) : '';
  });

  protected readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.occupancyResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  protected readonly busyId = signal<string | null>(null);
  protected readonly symbols = STATUS_SYMBOLS;
  /** Floors by level, for the QR label links. */
  protected readonly floorsByLevel = computed(() =>
    [...(this.building()?.floors ?? [])].sort((a, b) => a.level - b.level),
  );
  /** Counts of the day last shown, to announce only real changes of the same day. */
  private lastCounts: { key: string; booked: number; checkedIn: number } | null = null;

  constructor() {
    refreshOnLiveChanges({
      scope: computed(() => {
        const buildingId = this.buildingId();
        return buildingId ? { buildingId } : null;
      }),
      date: this.date,
      refresh: () => this.refreshIfVisible(),
    });
  }

  protected selectBuilding(buildingId: string | null): void {
    if (buildingId) this.buildingId.set(buildingId);
  }

  /** A date typed in part or not at all is no date: the board stays on the day it shows. */
  protected selectDate(date: Date | null): void {
    if (date && !Number.isNaN(date.getTime())) this.date.set(isoOfDate(date));
  }

  protected shiftDay(days: number): void {
    const date = this.date();
    if (date) this.date.set(addDaysToDate(date, days));
  }

  protected goToday(): void {
    this.date.set(this.today());
  }

  protected onSearch(event: Event): void {
    this.search.set((event.target as HTMLInputElement).value);
  }

  protected selectStatus(change: MatSelectChange): void {
    this.statusFilter.set(change.value as DayListStatusFilter);
  }

  protected sortBy(key: DayListSortKey): void {
    this.sort.update((current) => nextSort(current, key));
  }

  protected ariaSort(key: DayListSortKey): 'ascending' | 'descending' | null {
    const s = this.sort();
    return s.key === key ? (s.direction === 'asc' ? 'ascending' : 'descending') : null;
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected longDate(date: string): string {
    return this.i18n.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  protected timeOf(e: DayListEntry): string {
    const zone = this.occupancy()?.timeZone ?? 'UTC';
    const range = this.i18n.formatTimeRange(e.start, e.end, zone);
    return e.slot === 'custom' ? range : `${this.i18n.t(`slot.${e.slot}`)} (${range})`;
  }

  protected checkedInTime(e: DayListEntry): string {
    return e.checkedInAt
      ? this.i18n.t('reception.checkedInAt', {
          time: this.i18n.formatTime(e.checkedInAt, this.occupancy()?.timeZone ?? 'UTC'),
        })
      : '';
  }

  protected columnLabel(key: DayListSortKey): string {
    return this.i18n.t(COLUMN_KEYS[key]);
  }

  protected cancelText(e: DayListEntry): string {
    const date = this.date();
    return this.i18n.t('reception.confirmText', {
      name: e.bookerName,
      kind: this.i18n.t(`kind.${e.spaceKind}`),
      label: e.spaceLabel,
      floor: e.floorName,
      date: date ? this.i18n.formatDate(date) : '',
      time: this.timeOf(e),
    });
  }

  protected statusLabel(e: DayListEntry): string {
    return e.status === 'confirmed' ? this.i18n.t('reception.expected') : this.i18n.t(`status.${e.status}`);
  }

  protected async checkIn(e: DayListEntry): Promise<void> {
    this.busyId.set(e.bookingId);
    try {
      await firstValueFrom(this.bookingsApi.checkIn(e.bookingId));
      this.notifier.success(this.i18n.t('reception.checkedIn', { name: e.bookerName, label: e.spaceLabel }), {
        action: { label: this.i18n.t('common.undo'), run: () => void this.undoCheckIn(e) },
      });
      this.reload();
    } catch (err) {
      this.notifier.error(this.i18n.errorMessage(err));
    } finally {
      this.busyId.set(null);
    }
  }

  protected async undoCheckIn(e: DayListEntry): Promise<void> {
    this.busyId.set(e.bookingId);
    try {
      await firstValueFrom(this.bookingsApi.undoCheckIn(e.bookingId));
      this.notifier.success(this.i18n.t('reception.checkInUndone', { name: e.bookerName, label: e.spaceLabel }));
      this.reload();
    } catch (err) {
      this.notifier.error(this.i18n.errorMessage(err));
    } finally {
      this.busyId.set(null);
    }
  }

  protected async openBookOnBehalf(building: BuildingSummary, date: string): Promise<void> {
    const ref = this.dialog.open<BookOnBehalfDialog, BookOnBehalfRequest, Booking>(BookOnBehalfDialog, {
      data: { building, date },
      width: '36rem',
      maxWidth: 'calc(100vw - 1.5rem)',
      ariaDescribedBy: 'obo-date',
      // A form is not thrown away by a click beside it; Escape still closes it.
      disableClose: true,
    });
    ref.keydownEvents().subscribe((e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) ref.close();
    });
    const b = await firstValueFrom(ref.afterClosed());
    if (!b) return;
    this.notifier.success(
      this.i18n.t('reception.obo.booked', {
        name: b.booker.displayName,
        kind: this.i18n.t(`kind.${b.spaceKind}`),
        label: b.spaceLabel,
        floor: b.floorName,
      }),
    );
    this.reload();
  }

  protected async askCancel(e: DayListEntry): Promise<void> {
    const cancelled = await this.confirmation.ask({
      title: this.i18n.t('reception.confirmTitle'),
      message: this.cancelText(e),
      confirmLabel: this.i18n.t('reception.confirmYes'),
      cancelLabel: this.i18n.t('reception.confirmNo'),
      danger: true,
      action: () => firstValueFrom(this.bookingsApi.cancel(e.bookingId), { defaultValue: undefined }),
      errorMessage: (err) => this.i18n.errorMessage(err),
    });
    if (!cancelled) return;
    this.notifier.success(this.i18n.t('reception.cancelled', { name: e.bookerName, label: e.spaceLabel }));
    this.reload();
  }

  protected retry(): void {
    for (const r of [this.buildingsResource, this.occupancyResource]) {
      if (r.status() === 'error') r.reload();
    }
  }

  /** Our own actions announce themselves; the refetch after them must not announce again. */
  private reload(): void {
    this.lastCounts = null;
    this.occupancyResource.reload();
  }

  private received(o: BuildingOccupancy): void {
    this.updatedAt.set(new Date());
    const key = `${o.buildingId}/${o.date}`;
    const counts = {
      key,
      booked: o.bookings.length,
      checkedIn: o.bookings.filter((b) => b.status === 'checked_in').length,
    };
    const last = this.lastCounts;
    if (last && last.key === key && (last.booked !== counts.booked || last.checkedIn !== counts.checkedIn)) {
      this.notifier.success(
        this.i18n.t('reception.liveChange', { booked: counts.booked, checkedIn: counts.checkedIn }),
      );
    }
    this.lastCounts = counts;
  }

  private refreshIfVisible(): void {
    if (this.document.visibilityState === 'visible' && !this.occupancyResource.isLoading()) {
      this.occupancyResource.reload();
    }
  }
}
