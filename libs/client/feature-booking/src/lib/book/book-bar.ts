import { CdkTrapFocus } from '@angular/cdk/a11y';
import { CdkConnectedOverlay, CdkOverlayOrigin, type ConnectedPosition } from '@angular/cdk/overlay';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { BuildingSummary, FloorSummary } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { BuildingFloorPicker } from '@flexdesk/client-ui';
import type { BookView } from './book.store';

/**
 * The booking page's one-line bar: building, floor, a strip of the next bookable days, the filters
 * in a popover (projected content) and the plan/list switch. Controlled: shows what it is given and
 * reports what the person picks.
 */
@Component({
  selector: 'fd-book-bar',
  imports: [CdkTrapFocus, CdkConnectedOverlay, CdkOverlayOrigin, MatButton, BuildingFloorPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book-bar.html',
  styleUrl: './book-bar.css',
})
export class BookBar {
  protected readonly i18n = inject(I18n);

  readonly buildings = input.required<BuildingSummary[]>();
  readonly buildingId = input<string | null>(null);
  readonly floors = input.required<FloorSummary[]>();
  readonly floorId = input<string | null>(null);
  /** The bookable days, first the next one. */
  readonly dates = input.required<string[]>();
  readonly date = input<string | null>(null);
  readonly view = input.required<BookView>();
  readonly filterCount = input(0);
  /** The filters have something to offer (the floor is loaded). */
  readonly canFilter = input(false);

  readonly buildingChange = output<string>();
  readonly floorChange = output<string>();
  readonly dateChange = output<string>();
  readonly viewChange = output<BookView>();

  protected readonly filtersOpen = signal(false);
  protected readonly views: readonly BookView[] = ['plan', 'list'];
  protected readonly positions: ConnectedPosition[] = [
    { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
    { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
  ];

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  protected closeFilters(origin: HTMLElement | null = null): void {
    if (!this.filtersOpen()) return;
    this.filtersOpen.set(false);
    origin?.focus();
  }

  protected onOverlayKeydown(event: KeyboardEvent, origin: HTMLElement): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closeFilters(origin);
    }
  }
}
