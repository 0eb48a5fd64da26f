import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  PERSON_SEARCH_MIN_LENGTH,
  type Booking,
  type BuildingSummary,
  type Floor,
  type FloorAvailability,
  type PersonSearchResult,
} from '@flexdesk/shared-contracts';
import { BookingsApi, BuildingsApi, I18n, PeopleApi } from '@flexdesk/client-data-access';
import { combineLatest, firstValueFrom } from 'rxjs';
import { closeDialog, showModal } from '../../shared/dialog';

export type NamedSlot = 'day' | 'am' | 'pm';
const SEARCH_DEBOUNCE_MS = 250;

/**
 * Spaces that can be booked for the slot: free ones, and for half days also those booked for the
 * other half. Rooms are left out (they are booked by the hour, on the booking page).
 */
export function bookableSpaces(floor: Floor, availability: FloorAvailability, slot: NamedSlot, languageTag: string) {
  const states = new Map(availability.spaces.map((s) => [s.spaceId, s.state]));
  const collator = new Intl.Collator(languageTag, { numeric: true, sensitivity: 'base' });
  return floor.spaces
    .filter((s) => s.kind !== 'room' && s.bookable)
    .filter((s) => {
      const state = states.get(s.id);
      return state === 'free' || (slot !== 'day' && state === 'partial');
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * "Book for someone": the front desk finds a person (an accessible combobox over the people
 * search), picks a floor, a slot and a free space, and books on that person's behalf.
 */
@Component({
  selector: 'fd-book-on-behalf',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book-on-behalf.html',
  styles: `
    .combobox {
      position: relative;
    }
    .combobox__list {
      margin: 0.25rem 0 0;
      padding: 0;
      max-height: 14rem;
      overflow-y: auto;
      list-style: none;
      border: 1px solid var(--c-border);
      border-radius: var(--radius);
      background: var(--c-surface);
    }
    .combobox__option {
      padding: 0.5rem 0.75rem;
      cursor: pointer;
    }
    .combobox__option[aria-selected='true'] {
      outline: 2px solid currentColor;
      outline-offset: -2px;
      font-weight: 600;
    }
  `,
})
export class BookOnBehalfDialog {
  protected readonly i18n = inject(I18n);
  private readonly people = inject(PeopleApi);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly bookingsApi = inject(BookingsApi);
  private readonly document = inject(DOCUMENT);

  readonly building = input.required<BuildingSummary>();
  readonly date = input.required<string>();
  readonly booked = output<Booking>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly personInput = viewChild.required<ElementRef<HTMLInputElement>>('personInput');
  private opener: HTMLElement | null = null;

  protected readonly query = signal('');
  protected readonly results = signal<PersonSearchResult[]>([]);
  protected readonly searched = signal(false);
  protected readonly listOpen = signal(false);
  protected readonly activeIndex = signal(-1);
  protected readonly person = signal<PersonSearchResult | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;

  protected readonly floors = computed(() => [...this.building().floors].sort((a, b) => a.level - b.level));
  protected readonly floorId = linkedSignal(() => {
    const floors = this.floors();
    return (floors.find((f) => f.level >= 0) ?? floors[0])?.id ?? null;
  });
  protected readonly slot = signal<NamedSlot>('day');
  protected readonly slots: readonly NamedSlot[] = ['day', 'am', 'pm'];
  private readonly shown = signal(false);

  private readonly spacesResource = rxResource({
    params: () => {
      const floorId = this.floorId();
      return this.shown() && floorId ? { floorId, date: this.date() } : undefined;
    },
    stream: ({ params }) =>
      combineLatest([
        this.buildingsApi.floor(params.floorId),
        this.buildingsApi.availability(params.floorId, params.date),
      ]),
  });
  protected readonly spaces = computed(() => {
    if (!this.spacesResource.hasValue()) return [];
    const [floor, availability] = this.spacesResource.value();
    return bookableSpaces(floor, availability, this.slot(), this.i18n.languageTag());
  });
  protected readonly spacesLoading = computed(() => this.spacesResource.isLoading());
  protected readonly spaceId = linkedSignal(() => this.spaces()[0]?.id ?? null);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly searchStatus = computed(() => {
    if (this.query().trim().length < PERSON_SEARCH_MIN_LENGTH) {
      return this.i18n.t('reception.obo.minChars', { count: PERSON_SEARCH_MIN_LENGTH });
    }
    if (!this.searched()) return '';
    const n = this.results().length;
    return n ? this.i18n.t('reception.obo.found', { count: n }) : this.i18n.t('reception.obo.noneFound');
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.searchTimer && clearTimeout(this.searchTimer));
  }

  open(): void {
    this.opener = this.document.activeElement as HTMLElement | null;
    this.query.set('');
    this.results.set([]);
    this.searched.set(false);
    this.listOpen.set(false);
    this.activeIndex.set(-1);
    this.person.set(null);
    this.slot.set('day');
    this.error.set(null);
    this.shown.set(true);
    showModal(this.dialog().nativeElement);
    this.personInput().nativeElement.focus();
  }

  protected close(): void {
    closeDialog(this.dialog().nativeElement);
  }

  protected onClosed(): void {
    this.shown.set(false);
    const target = this.opener?.isConnected ? this.opener : this.document.getElementById('main');
    target?.focus();
    this.opener = null;
  }

  protected onQuery(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.set(value);
    this.person.set(null);
    this.searched.set(false);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (value.trim().length < PERSON_SEARCH_MIN_LENGTH) {
      this.results.set([]);
      this.listOpen.set(false);
      return;
    }
    this.searchTimer = setTimeout(() => void this.search(value.trim()), SEARCH_DEBOUNCE_MS);
  }

  private async search(text: string): Promise<void> {
    const seq = ++this.searchSeq;
    try {
      const found = await firstValueFrom(this.people.search(text));
      if (seq !== this.searchSeq) return; // an older answer arriving late
      this.results.set(found);
      this.searched.set(true);
      this.activeIndex.set(found.length ? 0 : -1);
      this.listOpen.set(found.length > 0);
    } catch (e) {
      if (seq === this.searchSeq) this.error.set(this.i18n.errorMessage(e));
    }
  }

  protected onKeydown(event: KeyboardEvent): void {
    const n = this.results().length;
    switch (event.key) {
      case 'ArrowDown':
        if (!n) return;
        event.preventDefault();
        this.listOpen.set(true);
        this.activeIndex.update((i) => (i + 1) % n);
        break;
      case 'ArrowUp':
        if (!n) return;
        event.preventDefault();
        this.listOpen.set(true);
        this.activeIndex.update((i) => (i <= 0 ? n - 1 : i - 1));
        break;
      case 'Enter':
        if (this.listOpen() && this.activeIndex() >= 0) {
          event.preventDefault();
          this.choose(this.results()[this.activeIndex()]);
        }
        break;
      case 'Escape':
        // The first Escape closes the list, a second one the dialog.
        if (this.listOpen()) {
          event.preventDefault();
          this.listOpen.set(false);
        }
        break;
    }
  }

  protected choose(p: PersonSearchResult): void {
    this.person.set(p);
    this.query.set(p.displayName);
    this.listOpen.set(false);
    this.personInput().nativeElement.value = p.displayName;
  }

  protected optionId(i: number): string {
    return `obo-person-${i}`;
  }

  protected selectFloor(event: Event): void {
    this.floorId.set((event.target as HTMLSelectElement).value);
  }

  protected selectSlot(event: Event): void {
    this.slot.set((event.target as HTMLSelectElement).value as NamedSlot);
  }

  protected selectSpace(event: Event): void {
    this.spaceId.set((event.target as HTMLSelectElement).value);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const person = this.person();
    const spaceId = this.spaceId();
    if (!person) {
      this.error.set(this.i18n.t('reception.obo.pickPerson'));
      this.personInput().nativeElement.focus();
      return;
    }
    if (!spaceId) {
      this.error.set(this.i18n.t('reception.obo.noSpace'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const booking = await firstValueFrom(
        this.bookingsApi.create({ spaceId, date: this.date(), slot: this.slot(), bookerId: person.id }),
      );
      this.booked.emit(booking);
      this.close();
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
      this.spacesResource.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
