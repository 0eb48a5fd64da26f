import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT, Injectable, computed, inject, linkedSignal, signal, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type {
  BuildingSummary,
  Floor,
  FloorAvailability,
  FloorSummary,
  Point,
  SpaceKind,
} from '@flexdesk/shared-contracts';
import { bookableDays, localDateOf, rotatedCenter } from '@flexdesk/shared-domain';
import { BuildingsApi, ColleaguesApi, SessionStore, firstKnown } from '@flexdesk/client-data-access';
import { catchError, map, of, tap } from 'rxjs';
import { type BookAgainIntent, nextDateFor, parseBookAgain } from './book-again';
import { type BookPreferences, readPreferences, writePreferences } from './book-preferences';
import { type DateOption, dateOptions } from './booking-options';
import { type ColleagueSeats, colleagueSeats } from './colleague-marks';
import { OptimisticBookings, applyOptimistic } from './optimistic-bookings';
import { type SpaceFilter, attributesIn, buildSpaceRows, filterSpaceRows, kindsIn } from './space-rows';

/** From this width on, the plan fills the screen below the bar; narrower screens start with the list. */
export const WIDE_LAYOUT_QUERY = '(min-width: 900px)';

export type BookView = 'plan' | 'list';

function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The booking page's state: which building, floor, day and view, what is on that floor that day
 * (with the person's own bookings still on their way), and the filters. Provided by the page, so
 * each visit starts fresh from the remembered choice.
 */
@Injectable()
export class BookStore {
  private readonly api = inject(BuildingsApi);
  private readonly colleaguesApi = inject(ColleaguesApi);
  private readonly session = inject(SessionStore);
  private readonly document = inject(DOCUMENT);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  private readonly userId = this.session.me()?.id ?? null;
  private readonly remembered: BookPreferences = readPreferences(this.storage(), this.userId);

  /** Whether the plan has room to fill the screen (a desktop or tablet in landscape). */
  readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_LAYOUT_QUERY)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  /** "Book again" from My bookings: floor, space and slot to open with; consumed once applied. */
  readonly intent = signal<BookAgainIntent | null>(parseBookAgain(this.route.snapshot.queryParamMap));

  private readonly buildingsResource = rxResource({ stream: () => this.api.list() });
  readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );

  /**
   * "Book again" wins, then the building picked last, then the person's home building, then (for a
   * receptionist) the first building whose front desk they work, then the home building suggested
   * from their groups' zones, then the building of their default floor, then one in the device's
   * time zone.
   */
  readonly buildingId = linkedSignal<BuildingSummary[], string | null>({
    source: this.buildings,
    computation: (list, previous) => {
      const me = this.session.me();
      const floorOwner = (floorId: string | null | undefined) =>
        list.find((b) => b.floors.some((f) => f.id === floorId))?.id;
      return firstKnown(
        list.map((b) => b.id),
        previous?.value,
        floorOwner(this.intent()?.floorId),
        this.remembered.buildingId,
        me?.homeBuildingId,
        // A receptionist works where they see who sits where; elsewhere the plan would be anonymous.
        Array.isArray(me?.receptionBuildingIds) ? me.receptionBuildingIds[0] : undefined,
        me?.suggestedHomeBuildingId,
        floorOwner(me?.defaultFloorId),
        floorOwner(this.remembered.floorId),
        // Without any of these, a building in the device's time zone beats the alphabetically first.
        list.find((b) => b.timeZone === deviceTimeZone())?.id,
      );
    },
  });

  private readonly buildingResource = rxResource({
    params: () => this.buildingId() ?? undefined,
    stream: ({ params }) => this.api.get(params),
  });
  readonly building = computed(() => {
    const b = this.buildingResource.hasValue() ? this.buildingResource.value() : undefined;
    return b && b.id === this.buildingId() ? b : null;
  });

  readonly floors = computed<FloorSummary[]>(() =>
    [...(this.buildings().find((b) => b.id === this.buildingId())?.floors ?? [])].sort((a, b) => a.level - b.level),
  );
  /** The remembered or default floor, else the lowest floor above ground (not the car park). */
  readonly floorId = linkedSignal<FloorSummary[], string | null>({
    source: this.floors,
    computation: (floors, previous) =>
      firstKnown(
        floors.map((f) => f.id),
        previous?.value,
        this.intent()?.floorId,
        this.remembered.floorId,
        this.session.me()?.defaultFloorId,
        floors.find((f) => f.level >= 0)?.id,
      ),
  });

  /** Every day up to the horizon, closed ones marked (for "book again" and the hint). */
  readonly dates = computed<DateOption[]>(() => {
    const b = this.building();
    return b ? dateOptions(b, localDateOf(new Date(), b.timeZone)) : [];
  });
  /** The days something can still be booked: open, and today only until closing time. */
  readonly bookableDates = computed<string[]>(() => {
    const b = this.building();
    return b ? bookableDays(b, new Date(), b.policies.desk.horizonDays) : [];
  });
  private readonly intentDate = computed(() => {
    const intent = this.intent();
    const building = this.building();
    return intent && building ? nextDateFor(this.dates(), building, intent, new Date()) : null;
  });
  /** "Book again"'s day, else the day picked last if still ahead, else the next bookable day. */
  readonly date = linkedSignal<string[], string | null>({
    source: this.bookableDates,
    computation: (days, previous) =>
      firstKnown(days, previous?.value, untracked(this.intentDate), this.remembered.date) ??
      this.dates().find((d) => !d.closed)?.date ??
      null,
  });

  private readonly floorResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.api.floor(params),
  });
  readonly floor = computed<Floor | null>(() => {
    const floor = this.floorResource.hasValue() ? this.floorResource.value() : undefined;
    return floor && floor.id === this.floorId() ? floor : null;
  });

  readonly updatedAt = signal<Date | null>(null);
  /** Availability requests started so far, and the number of the one answered last. */
  private requests = 0;
  readonly answered = signal(0);
  readonly optimistic = new OptimisticBookings();
  private readonly availabilityResource = rxResource({
    params: () => {
      const floorId = this.floorId();
      const date = this.date();
      return floorId && date ? { floorId, date } : undefined;
    },
    stream: ({ params }) => {
      const request = ++this.requests;
      return this.api.availability(params.floorId, params.date).pipe(
        tap(() => {
          this.updatedAt.set(new Date());
          this.optimistic.settle(request);
          this.answered.set(request);
        }),
      );
    },
  });
  /** The server's answer for the floor and day on screen, as it stands. */
  readonly availability = computed(() => {
    const a = this.availabilityResource.hasValue() ? this.availabilityResource.value() : undefined;
    return a && a.floorId === this.floorId() && a.date === this.date() ? a : null;
  });
  readonly availabilityLoading = this.availabilityResource.isLoading;
  /** What the plan and the list show: the answer plus the person's bookings still on their way. */
  readonly shownAvailability = computed<FloorAvailability | null>(() => {
    const a = this.availability();
    return a ? applyOptimistic(a, this.optimistic.entries()) : null;
  });

  readonly rows = computed(() => {
    const floor = this.floor();
    const availability = this.shownAvailability();
    return floor && availability ? buildSpaceRows(floor, availability) : null;
  });
  /**
   * Where the people I follow (and my groups' opted-in members) sit that day. Optional: without an
   * answer the plan simply carries no initials, so a failure here is no load error of the page.
   */
  private readonly colleaguesResource = rxResource({
    params: () => this.date() ?? undefined,
    stream: ({ params }) => this.colleaguesApi.places(params).pipe(catchError(() => of([]))),
  });
  readonly colleagues = computed<ColleagueSeats>(() =>
    colleagueSeats(this.colleaguesResource.hasValue() ? this.colleaguesResource.value() : [], this.floorId()),
  );
  readonly centers = computed(
    () => new Map<string, Point>((this.floor()?.spaces ?? []).map((s) => [s.id, rotatedCenter(s)])),
  );

  // ---- filters -------------------------------------------------------------------------------
  readonly kindFilter = signal<SpaceKind | null>(null);
  readonly attributeFilter = signal<readonly string[]>([]);
  readonly onlyAvailable = signal(false);
  readonly kinds = computed(() => kindsIn(this.rows() ?? []));
  readonly attributes = computed(() => attributesIn(this.rows() ?? []));
  /** Filters for things this floor does not have would hide everything without a way to undo them. */
  readonly filter = computed<SpaceFilter>(() => ({
    kind: this.kinds().includes(this.kindFilter() as SpaceKind) ? this.kindFilter() : null,
    attributes: this.attributeFilter().filter((a) => this.attributes().includes(a)),
    onlyAvailable: this.onlyAvailable(),
  }));
  readonly activeFilterCount = computed(() => {
    const f = this.filter();
    return (f.kind !== null ? 1 : 0) + f.attributes.length + (f.onlyAvailable ? 1 : 0);
  });
  readonly visibleRows = computed(() => filterSpaceRows(this.rows() ?? [], this.filter()));
  /** Spaces the filters hide from the list are drawn faintly on the plan. */
  readonly dimmedSpaceIds = computed<ReadonlySet<string>>(() => {
    const visible = new Set(this.visibleRows().map((r) => r.id));
    return new Set((this.rows() ?? []).filter((r) => !visible.has(r.id)).map((r) => r.id));
  });

  // ---- view and selection --------------------------------------------------------------------
  /** Plan first where it has room, as last chosen there; a phone starts with the list. */
  readonly view = linkedSignal<boolean, BookView>({
    source: this.wide,
    computation: (wide) => (wide ? (this.remembered.view ?? 'plan') : 'list'),
  });
  readonly selectedSpaceId = signal<string | null>(null);

  readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.buildingResource, this.floorResource, this.availabilityResource]) {
      if (r.status() === 'error') return r.error();
    }
    return null;
  });

  /** The number of the availability request started last (see OptimisticBookings). */
  lastRequest(): number {
    return this.requests;
  }

  selectBuilding(buildingId: string): void {
    this.buildingId.set(buildingId);
    this.remember({ buildingId, floorId: this.floorId() ?? undefined });
  }

  selectFloor(floorId: string): void {
    this.floorId.set(floorId);
    this.remember({ buildingId: this.buildingId() ?? undefined, floorId });
  }

  selectDate(date: string): void {
    this.date.set(date);
    this.remember({ date });
  }

  setView(view: BookView): void {
    this.view.set(view);
    // On a phone the plan is a full-screen visit, not a choice worth keeping.
    if (this.wide()) this.remember({ view });
  }

  toggleAttribute(attribute: string, on: boolean): void {
    this.attributeFilter.update((list) => (on ? [...list, attribute] : list.filter((a) => a !== attribute)));
  }

  resetFilters(): void {
    this.kindFilter.set(null);
    this.attributeFilter.set([]);
    this.onlyAvailable.set(false);
  }

  reloadAvailability(): void {
    this.availabilityResource.reload();
  }

  /** Refetches, unless a request is already on its way; true if it asked. */
  refreshAvailability(): boolean {
    if (this.availabilityResource.isLoading()) return false;
    return this.availabilityResource.reload();
  }

  retry(): void {
    for (const r of [this.buildingsResource, this.buildingResource, this.floorResource, this.availabilityResource]) {
      if (r.status() === 'error') r.reload();
    }
  }

  /** Drops the intent and its query parameters, so a reload does not open the dialog again. */
  consumeIntent(): void {
    this.intent.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }

  private remember(change: BookPreferences): void {
    writePreferences(this.storage(), this.userId, change);
  }

  private storage(): Storage | null {
    try {
      return this.document.defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  }
}
