import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { Floor, SpaceAvailability } from '@flexdesk/shared-contracts';
import { FloorPlanComponent, type SpaceHover } from '@flexdesk/client-ui-floor-plan';
import type { ScreenRect } from '@flexdesk/shared-domain';
import { I18n, attributeLabel } from '@flexdesk/client-data-access';
import { type ColleagueSeats, NO_SEATS } from './colleague-marks';
import { CARD_ESTIMATE, type CardPosition, cardPosition } from './plan-card';
import { planLabels } from './plan-labels';
import { SpaceCard } from './space-card';
import { type SpaceRow, hasFreeTime } from './space-rows';

/** How long a card outlives the pointer or focus leaving its space, so either can move onto the card. */
const CARD_GRACE_MS = 400;
/** Half the size assumed for a space whose drawing is not there yet. */
const FALLBACK_HALF_PX = 14;
/** Room kept below the plan when it fills the screen. */
const BOTTOM_GAP_PX = 12;

/** A box as "x y width height" (whole pixels), for the journeys that check where the card is. */
function rectData(r: ScreenRect): string {
  return [r.x, r.y, r.width, r.height].map((n) => Math.round(n)).join(' ');
}

/**
 * The floor plan with its card. `fill`: the plan takes the height left in the window below it (wide
 * screens); `fullScreen`: it covers the screen with a close button (the plan on a phone).
 */
@Component({
  selector: 'fd-plan-view',
  imports: [MatButton, FloorPlanComponent, SpaceCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-view.html',
  styleUrl: './plan-view.css',
  host: {
    '[class.full-screen]': 'fullScreen()',
    '(keydown.escape)': 'onEscape($event)',
  },
})
export class PlanView {
  protected readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);

  readonly floor = input.required<Floor>();
  readonly availability = input<readonly SpaceAvailability[] | null>(null);
  readonly rows = input.required<readonly SpaceRow[]>();
  readonly selectedSpaceId = input<string | null>(null);
  readonly dimmedSpaceIds = input<ReadonlySet<string>>(new Set());
  /** The building is open that day. */
  readonly open = input(false);
  readonly timeZone = input('UTC');
  readonly fill = input(false);
  readonly fullScreen = input(false);
  /** Starred spaces; null hides the star. */
  readonly favourites = input<ReadonlySet<string> | null>(null);
  /** Colleagues' seats that day: initials on the plan, names on the card. */
  readonly colleagues = input<ColleagueSeats>(NO_SEATS);

  readonly spaceSelected = output<string>();
  readonly book = output<SpaceRow>();
  readonly closed = output<void>();
  readonly toggleFavourite = output<SpaceRow>();
  readonly joinWaitlist = output<SpaceRow>();

  protected readonly labels = computed(() =>
    planLabels(this.i18n.locale(), this.floor().name, (state) => this.i18n.t(`state.${state}`)),
  );

  /** The plan's card: which space, its box (pixels of the plan), and the plan's size then. */
  private readonly hovered = signal<{
    spaceId: string;
    box: ScreenRect;
    area: { width: number; height: number };
  } | null>(null);
  /** The selected space's box as the plan last reported it (it follows pans and zooms). */
  protected readonly selectedRect = signal<ScreenRect | null>(null);
  /** The same box as "x y width height", for the journeys that check the card leaves it free. */
  protected readonly selectedRectData = computed(() => {
    const r = this.selectedRect();
    return r ? rectData(r) : null;
  });
  /** The card's size as last measured; its content changes with the space. */
  private readonly cardSize = signal<{ width: number; height: number }>(CARD_ESTIMATE);
  protected readonly card = computed<{ row: SpaceRow; position: CardPosition; box: string } | null>(() => {
    const hovered = this.hovered();
    const row = hovered ? this.rows().find((r) => r.id === hovered.spaceId) : undefined;
    if (!hovered || !row) return null;
    // The selected space's box comes from the plan itself; another one's is estimated around its centre.
    const selected = this.selectedRect();
    const box = hovered.spaceId === this.selectedSpaceId() && selected ? selected : hovered.box;
    return { row, position: cardPosition(box, hovered.area, this.cardSize()), box: rectData(box) };
  });
  /** Spoken when the card follows keyboard focus: what the plan's own announcement leaves out. */
  protected readonly cardAnnouncement = signal('');
  protected readonly height = signal<string | null>(null);

  private readonly planArea = viewChild.required<ElementRef<HTMLElement>>('planArea');
  private readonly floorPlan = viewChild(FloorPlanComponent);
  private readonly cardElement = viewChild<ElementRef<HTMLElement>>('card');
  private cardTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const view = this.document.defaultView;
    const measure = () => {
      if (!this.fill() || this.fullScreen() || !view) return this.height.set(null);
      const top = this.planArea().nativeElement.getBoundingClientRect().top + view.scrollY;
      this.height.set(`${Math.max(0, Math.floor(view.innerHeight - top - BOTTOM_GAP_PX))}px`);
    };
    afterRenderEffect(() => measure());
    // Placement needs the card's real size: measured after it is drawn, placed again if it differs.
    afterRenderEffect(() => {
      const card = this.cardElement()?.nativeElement;
      if (!card) return;
      const size = { width: card.offsetWidth, height: card.offsetHeight };
      const last = untracked(this.cardSize);
      if (size.width && size.height && (size.width !== last.width || size.height !== last.height)) {
        this.cardSize.set(size);
      }
    });
    view?.addEventListener('resize', measure);
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.cardTimer);
      view?.removeEventListener('resize', measure);
    });
  }

  protected isFavourite(row: SpaceRow): boolean | null {
    const favourites = this.favourites();
    return favourites ? favourites.has(row.id) : null;
  }

  /** A space picked on the plan opens the same dialog as its row's Book button, when it could be booked. */
  protected onSelected(spaceId: string): void {
    this.spaceSelected.emit(spaceId);
    const row = this.rows().find((r) => r.id === spaceId);
    if (row && this.open() && hasFreeTime(row.state)) this.book.emit(row);
  }

  protected onSpaceHovered(hover: SpaceHover | null): void {
    clearTimeout(this.cardTimer);
    if (!hover) {
      this.cardTimer = setTimeout(() => {
        if (!this.cardInUse()) this.hideCard();
      }, CARD_GRACE_MS);
      return;
    }
    const area = this.planArea().nativeElement;
    this.hovered.set({
      spaceId: hover.spaceId,
      box: this.boxAround(hover),
      area: { width: area.clientWidth, height: area.clientHeight },
    });
    const fromKeyboard = !!this.document.activeElement?.closest('fd-floor-plan [role="application"]');
    const row = this.rows().find((r) => r.id === hover.spaceId);
    this.cardAnnouncement.set(fromKeyboard && row ? this.cardSummary(row) : '');
  }

  /** The pointer or the focus left the card: hide it unless the other is still there. */
  protected onCardLeft(): void {
    clearTimeout(this.cardTimer);
    this.cardTimer = setTimeout(() => {
      if (!this.cardInUse()) this.hideCard();
    }, CARD_GRACE_MS);
  }

  /** Escape on the plan or in its card closes the card, then the full-screen plan. */
  protected onEscape(event: Event): void {
    const target = event.target as Node | null;
    if (!target || !this.planArea().nativeElement.contains(target)) return;
    if (this.card()) this.dismissCard();
    else if (this.fullScreen()) this.closed.emit();
  }

  /** Closes the card; focus inside it goes back to the plan, where it came from. */
  protected dismissCard(): void {
    const card = this.cardElement()?.nativeElement;
    const hadFocus = !!card?.contains(this.document.activeElement);
    this.hideCard();
    if (hadFocus) this.planArea().nativeElement.querySelector<HTMLElement>('[role="application"]')?.focus();
  }

  protected hideCard(): void {
    clearTimeout(this.cardTimer);
    this.hovered.set(null);
    this.cardAnnouncement.set('');
  }

  /** The hovered space's box: its size from the drawing, centred on the anchor the plan reported. */
  private boxAround(hover: SpaceHover): ScreenRect {
    const rect = this.floorPlan()?.plan?.screenRect(hover.spaceId);
    const width = rect?.width ?? 2 * FALLBACK_HALF_PX;
    const height = rect?.height ?? 2 * FALLBACK_HALF_PX;
    return { x: hover.anchor.x - width / 2, y: hover.anchor.y - height / 2, width, height };
  }

  private cardInUse(): boolean {
    const card = this.cardElement()?.nativeElement;
    return !!card && (card.matches(':hover') || card.contains(this.document.activeElement));
  }

  private cardSummary(row: SpaceRow): string {
    const parts = [this.i18n.t(`kind.${row.kind}`)];
    if (row.zoneName) parts.push(this.i18n.t('book.card.zone', { zone: row.zoneName }));
    if (row.capacity) parts.push(this.i18n.t('book.capacity', { count: row.capacity }));
    if (row.attributes.length) parts.push(row.attributes.map((a) => attributeLabel(this.i18n, a)).join(', '));
    const time = (start: string, end: string) => this.i18n.formatTimeRange(start, end, this.timeZone());
    const bookings = row.bookings.map((b) =>
      b.mine
        ? `${time(b.start, b.end)} ${this.i18n.t('book.bookedByYou')}`
        : b.bookerName
          ? `${time(b.start, b.end)} ${this.i18n.t('book.bookedBy', { name: b.bookerName })}`
          : time(b.start, b.end),
    );
    parts.push(
      bookings.length ? this.i18n.t('book.card.busy', { times: bookings.join(', ') }) : this.i18n.t('book.card.none'),
    );
    return `${parts.join('. ')}. ${this.i18n.t('book.card.keyboardHint')}`;
  }
}
