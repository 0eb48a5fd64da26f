import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import {
  PERSON_SEARCH_MIN_LENGTH,
  type Booking,
  type BuildingSummary,
  type Floor,
  type FloorAvailability,
  type PersonSearchResult,
} from '@flexdesk/shared-contracts';
import { BookingsApi, BuildingsApi, I18n, PeopleApi } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { combineLatest, firstValueFrom } from 'rxjs';

export type NamedSlot = 'day' | 'am' | 'pm';
const SEARCH_DEBOUNCE_MS = 250;

/** What the dialog books for: the board's building and day. */
export interface BookOnBehalfRequest {
  building: BuildingSummary;
  date: string;
}

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
 * "Book for someone": the front desk finds a person (Material's autocomplete over the people
 * search), picks a floor, a slot and a free space, and books on that person's behalf. Closes with
 * the booking.
 */
@Component({
  selector: 'fd-book-on-behalf',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    InlineAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './book-on-behalf.html',
  styles: `
    .obo-person {
      width: 100%;
    }
    .obo-person__email {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BookOnBehalfDialog {
  protected readonly i18n = inject(I18n);
  private readonly people = inject(PeopleApi);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly bookingsApi = inject(BookingsApi);
  protected readonly ref = inject<MatDialogRef<BookOnBehalfDialog, Booking>>(MatDialogRef);
  protected readonly request = inject<BookOnBehalfRequest>(MAT_DIALOG_DATA);

  private readonly personInput = viewChild.required<ElementRef<HTMLInputElement>>('personInput');

  protected readonly query = signal('');
  protected readonly results = signal<PersonSearchResult[]>([]);
  protected readonly searched = signal(false);
  protected readonly person = signal<PersonSearchResult | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;

  protected readonly floors = computed(() => [...this.request.building.floors].sort((a, b) => a.level - b.level));
  protected readonly floorId = linkedSignal(() => {
    const floors = this.floors();
    return (floors.find((f) => f.level >= 0) ?? floors[0])?.id ?? null;
  });
  protected readonly slot = signal<NamedSlot>('day');
  protected readonly slots: readonly NamedSlot[] = ['day', 'am', 'pm'];

  private readonly spacesResource = rxResource({
    params: () => {
      const floorId = this.floorId();
      return floorId ? { floorId, date: this.request.date } : undefined;
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

  protected onQuery(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.set(value);
    this.person.set(null);
    this.searched.set(false);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (value.trim().length < PERSON_SEARCH_MIN_LENGTH) {
      this.results.set([]);
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
    } catch (e) {
      if (seq === this.searchSeq) this.error.set(this.i18n.errorMessage(e));
    }
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const p = event.option.value as PersonSearchResult;
    this.person.set(p);
    this.query.set(p.displayName);
  }

  /** What the field shows for a chosen person. */
  protected readonly displayName = (p: PersonSearchResult | string | null): string =>
    typeof p === 'string' ? p : (p?.displayName ?? '');

  protected selectFloor(change: MatSelectChange): void {
    this.floorId.set(change.value as string);
  }

  protected selectSlot(change: MatSelectChange): void {
    this.slot.set(change.value as NamedSlot);
  }

  protected selectSpace(change: MatSelectChange): void {
    this.spaceId.set(change.value as string);
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
        this.bookingsApi.create({ spaceId, date: this.request.date, slot: this.slot(), bookerId: person.id }),
      );
      this.ref.close(booking);
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
      this.spacesResource.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
