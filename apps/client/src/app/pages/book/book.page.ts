import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Booking, BuildingSummary, Floor, FloorSummary, SpaceKind } from '@flexdesk/shared-contracts';
import { FloorPlanComponent } from '@flexdesk/client-ui-floor-plan';
import { localDateOf } from '@flexdesk/shared-domain';
import { BuildingsApi, I18n, refreshOnLiveChanges, SessionStore } from '@flexdesk/client-data-access';
import { tap } from 'rxjs';
import { attributeLabel } from '../../shared/labels';
import { type DateOption, dateOptions } from './booking-options';
import { BookDialog } from './book-dialog';
import { planLabels, planText } from './plan-labels';
import { type SpaceFilter, attributesIn, buildSpaceRows, filterSpaceRows, hasFreeTime, kindsIn } from './space-rows';
import { SpaceTable } from './space-table';

const LAST_FLOOR_KEY = 'flexdesk.lastFloor';

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
  imports: [SpaceTable, BookDialog, FloorPlanComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book.page.html',
})
export class BookPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BuildingsApi);
  private readonly session = inject(SessionStore);
  private readonly document = inject(DOCUMENT);

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
  protected readonly date = linkedSignal<DateOption[], string | null>({
    source: this.dates,
    computation: (options, previous) => {
      const open = options.filter((o) => !o.closed).map((o) => o.date);
      return keepOrDefault(previous?.value ?? undefined, open, null) ?? options[0]?.date ?? null;
    },
  });

  private readonly floorResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.api.floor(params),
  });
  protected readonly updatedAt = signal<Date | null>(null);
  private readonly availabilityResource = rxResource({
    params: () => {
      const floorId = this.floorId();
      const date = this.date();
      return floorId && date ? { floorId, date } : undefined;
    },
    stream: ({ params }) =>
      this.api.availability(params.floorId, params.date).pipe(tap(() => this.updatedAt.set(new Date()))),
  });
  protected readonly availability = computed(() => {
    const a = this.availabilityResource.hasValue() ? this.availabilityResource.value() : undefined;
    return a && a.floorId === this.floorId() && a.date === this.date() ? a : null;
  });

  protected readonly floor = computed<Floor | null>(() => {
    const floor = this.floorResource.hasValue() ? this.floorResource.value() : undefined;
    return floor && floor.id === this.floorId() ? floor : null;
  });

  protected readonly rows = computed(() => {
    const floor = this.floor();
    const availability = this.availability();
    return floor && availability ? buildSpaceRows(floor, availability) : null;
  });

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

  protected readonly bookingRowId = signal<string | null>(null);
  protected readonly bookingRow = computed(() => this.rows()?.find((r) => r.id === this.bookingRowId()) ?? null);
  protected readonly announcement = signal('');
  private readonly announcementRegion = viewChild<ElementRef<HTMLElement>>('announcementRegion');
  private readonly injector = inject(Injector);

  constructor() {
    refreshOnLiveChanges({
      scope: computed(() => {
        const floorId = this.floorId();
        return floorId ? { floorId } : null;
      }),
      date: this.date,
      refresh: () => this.refreshIfVisible(),
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

  protected selectBuilding(event: Event): void {
    this.buildingId.set(this.valueOf(event));
    const floorId = this.floorId();
    if (floorId) this.rememberFloor(floorId);
    this.announcement.set('');
  }

  protected selectFloor(event: Event): void {
    this.floorId.set(this.valueOf(event));
    this.rememberFloor(this.valueOf(event));
    this.announcement.set('');
  }

  protected selectDate(event: Event): void {
    this.date.set(this.valueOf(event));
    this.announcement.set('');
  }

  protected selectKind(event: Event): void {
    const value = this.valueOf(event);
    this.kindFilter.set(value ? (value as SpaceKind) : null);
  }

  protected toggleAttribute(attribute: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.attributeFilter.update((list) => (checked ? [...list, attribute] : list.filter((a) => a !== attribute)));
  }

  protected toggleOnlyAvailable(event: Event): void {
    this.onlyAvailable.set((event.target as HTMLInputElement).checked);
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

  protected openBooking(rowId: string): void {
    this.announcement.set('');
    this.selectedSpaceId.set(rowId);
    this.bookingRowId.set(rowId);
  }

  /** A space picked on the plan opens the same dialog as its row's Book button, when it could be booked. */
  protected selectOnPlan(spaceId: string): void {
    this.selectedSpaceId.set(spaceId);
    const row = this.rows()?.find((r) => r.id === spaceId);
    if (row && this.availability()?.open && hasFreeTime(row.state)) this.openBooking(spaceId);
  }

  protected onBooked(booking: Booking): void {
    this.announcement.set(
      this.i18n.t('book.success', {
        kind: this.i18n.t(`kind.${booking.spaceKind}`),
        label: booking.spaceLabel,
        date: this.i18n.formatDate(booking.date),
        time: this.i18n.formatTimeRange(booking.start, booking.end, booking.timeZone),
      }),
    );
    this.availabilityResource.reload();
    afterNextRender(() => this.announcementRegion()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeBooking(): void {
    this.bookingRowId.set(null);
  }

  private refreshIfVisible(): void {
    if (this.document.visibilityState === 'visible' && !this.availabilityResource.isLoading()) {
      this.availabilityResource.reload();
    }
  }

  /** The profile's default floor wins; otherwise the floor picked last time on this device. */
  private preferredFloorId(): string | null {
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

  private valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
