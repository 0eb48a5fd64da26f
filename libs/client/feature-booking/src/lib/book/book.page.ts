import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { FloorAvailability } from '@flexdesk/shared-contracts';
import { I18n, refreshOnLiveChanges } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import type { BookAgainIntent } from './book-again';
import { BookBar } from './book-bar';
import { type BookView, BookStore } from './book.store';
import { BookingFlow } from './booking-flow';
import { ConflictAlert } from './conflict-alert';
import { FavouritesState } from './favourites.state';
import { PlanView } from './plan-view';
import { SpaceFilters } from './space-filters';
import { type SpaceRow, hasFreeTime } from './space-rows';
import { SpaceTable } from './space-table';

/**
 * Book a space: plan first where there is room for it, the list one click away (and first on a
 * phone, with the plan full-screen on demand). A thin shell over BookStore (state) and BookingFlow
 * (the booking command).
 */
@Component({
  selector: 'fd-book-page',
  imports: [MatButton, RouterLink, BookBar, ConflictAlert, InlineAlert, PageHeader, PlanView, SpaceFilters, SpaceTable],
  providers: [BookStore, BookingFlow, FavouritesState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book.page.html',
  styleUrl: './book.page.css',
  host: { '[class.fd-page--full]': 'planFills()' },
})
export class BookPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(BookStore);
  protected readonly flow = inject(BookingFlow);
  protected readonly favourites = inject(FavouritesState);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** The plan fills the screen below the bar (wide screens, plan view). */
  protected readonly planFills = computed(() => this.store.wide() && this.store.view() === 'plan');
  protected readonly showPlan = computed(() => this.store.view() === 'plan');
  /** A plain notice about the results (e.g. why "book again" could not open the dialog). */
  protected readonly notice = signal('');

  protected readonly caption = computed(() => {
    const floor = this.store.floors().find((f) => f.id === this.store.floorId());
    const date = this.store.date();
    return floor && date ? this.i18n.t('book.caption', { floor: floor.name, date: this.i18n.formatDate(date) }) : '';
  });
  protected readonly lastBookableDay = computed(() => {
    const days = this.store.bookableDates();
    const last = days[days.length - 1];
    return last ? this.i18n.formatDate(last, { weekday: 'long', day: 'numeric', month: 'long' }) : '';
  });
  protected readonly openHours = computed(() => {
    const a = this.store.availability();
    const b = this.store.building();
    if (!a?.open || !b) return '';
    const range = this.i18n.formatTimeRange(a.open.start, a.open.end, b.timeZone);
    return this.i18n.t('book.openHours', { range });
  });
  protected readonly loadError = computed(() => {
    const error = this.store.loadError();
    return error ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(error) }) : null;
  });
  protected readonly timeZone = computed(() => this.store.building()?.timeZone ?? 'UTC');

  /**
   * "Your favourite is free": a starred space on this floor, free all day, while the person has
   * nothing booked here that day; one tap books the usual slot.
   */
  protected readonly favouriteOffer = computed(() => {
    const rows = this.store.rows();
    const ids = this.favourites.ids();
    if (!rows || !ids.size || !this.store.availability()?.open || rows.some((r) => r.state === 'mine')) return null;
    const row = rows.find((r) => ids.has(r.id) && r.state === 'free');
    const slot = row ? this.flow.usualSlot(row) : null;
    return row && slot ? { row, slot } : null;
  });

  constructor() {
    refreshOnLiveChanges({
      scope: computed(() => {
        const floorId = this.store.floorId();
        return floorId ? { floorId } : null;
      }),
      date: this.store.date,
      refresh: () => {
        if (this.document.visibilityState === 'visible') this.store.refreshAvailability();
      },
    });

    // "Book again": once the floor and day of the intent are on screen, select the space and open
    // the dialog with the same slot, or say why not.
    effect(() => {
      const intent = this.store.intent();
      if (!intent) return;
      const floors = this.store.floors();
      if (this.store.buildings().length && floors.length && !floors.some((f) => f.id === intent.floorId)) {
        untracked(() => this.store.consumeIntent());
        return;
      }
      const rows = this.store.rows();
      const availability = this.store.availability();
      if (!rows || !availability || availability.floorId !== intent.floorId) return;
      untracked(() => this.applyIntent(intent, rows, availability));
    });
  }

  protected selectBuilding(buildingId: string): void {
    this.store.selectBuilding(buildingId);
    this.clearMessages();
  }

  protected selectFloor(floorId: string): void {
    this.store.selectFloor(floorId);
    this.clearMessages();
  }

  protected selectDate(date: string): void {
    this.store.selectDate(date);
    this.clearMessages();
  }

  protected setView(view: BookView): void {
    this.store.setView(view);
    // The plan on a phone covers the screen: start there, and come back to the switch after.
    if (!this.store.wide()) {
      afterNextRender(
        () => {
          const target =
            view === 'plan'
              ? this.document.querySelector<HTMLElement>('fd-plan-view .full-screen__bar button')
              : this.document.querySelector<HTMLElement>('fd-book-bar .view-switch [aria-pressed="true"]');
          target?.focus();
        },
        { injector: this.injector },
      );
    }
  }

  protected openBooking(row: SpaceRow): void {
    this.notice.set('');
    this.flow.openDialog(row.id);
  }

  protected selectRow(row: SpaceRow): void {
    this.store.selectedSpaceId.set(row.id);
  }

  private applyIntent(intent: BookAgainIntent, rows: readonly SpaceRow[], availability: FloorAvailability): void {
    this.store.consumeIntent();
    const row = rows.find((r) => r.id === intent.spaceId);
    if (!row) {
      this.notice.set(this.i18n.t('book.again.missing'));
      return;
    }
    this.store.selectedSpaceId.set(row.id);
    if (availability.open && hasFreeTime(row.state)) {
      this.flow.openDialog(row.id, { slot: intent.slot, from: intent.from, to: intent.to });
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

  private clearMessages(): void {
    this.notice.set('');
    this.flow.clearLost();
  }
}
