import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { Closure } from '@flexdesk/shared-contracts';
import { GERMAN_STATES, type GermanState, HOLIDAY_FIRST_YEAR } from '@flexdesk/shared-domain';
import { I18n } from '@flexdesk/client-data-access';
import { isoOfDate, provideLocalizedDates } from '@flexdesk/client-ui/dates';
import { holidayClosures } from './holiday-closures';

/** A building's closures: the list, one added by hand, and a year of public holidays imported at once. */
@Component({
  selector: 'fd-closures-panel',
  imports: [
    FormsModule,
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
  ],
  providers: [provideLocalizedDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <section class="fd-stack" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">{{ i18n.t('buildings.holidays') }}</h2>
      <p class="muted">{{ i18n.t('buildings.holidaysIntro') }}</p>
      <div class="fd-row">
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.state') }}</mat-label>
          <mat-select [(ngModel)]="state" data-testid="holiday-state">
            @for (s of states; track s) {
              <mat-option [value]="s">{{ i18n.t(stateKey(s)) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.year') }}</mat-label>
          <mat-select [(ngModel)]="year" data-testid="holiday-year">
            @for (y of years; track y) {
              <mat-option [value]="y">{{ y }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button type="button" matButton="filled" [disabled]="busy()" (click)="importHolidays()">
          {{ i18n.t('buildings.importHolidays') }}
        </button>
      </div>
    </section>

    <section class="fd-stack" aria-labelledby="closure-add-heading">
      <h2 id="closure-add-heading">{{ i18n.t('buildings.addClosure') }}</h2>
      <form class="fd-row" (ngSubmit)="addOne()">
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.closureDate') }}</mat-label>
          <input matInput name="date" [matDatepicker]="picker" [(ngModel)]="date" required />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.closureReason') }}</mat-label>
          <input matInput name="reason" maxlength="200" [(ngModel)]="reason" />
        </mat-form-field>
        <button type="submit" matButton="outlined" [disabled]="busy() || !date()">
          {{ i18n.t('buildings.addClosureButton') }}
        </button>
      </form>
    </section>

    <section aria-labelledby="closures-heading">
      <h2 id="closures-heading">{{ i18n.t('buildings.closures') }}</h2>
      @if (sorted().length) {
        <ul class="fd-list" data-testid="closures">
          @for (c of sorted(); track c.date) {
            <li>
              <span class="fd-list__main"
                ><strong>{{
                  i18n.formatDate(c.date, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' })
                }}</strong>
                {{ c.reason }}</span
              >
              <button
                type="button"
                matButton
                [disabled]="busy()"
                [attr.aria-label]="i18n.t('buildings.removeClosureFor', { date: i18n.formatDate(c.date) })"
                (click)="remove.emit(c.date)"
              >
                {{ i18n.t('buildings.removeClosure') }}
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ i18n.t('buildings.noClosures') }}</p>
      }
    </section>
  `,
})
export class ClosuresPanel {
  protected readonly i18n = inject(I18n);
  readonly closures = input.required<Closure[]>();
  readonly busy = input(false);
  /** Closures to add (an existing date gets the new reason). */
  readonly add = output<Closure[]>();
  readonly remove = output<string>();

  protected readonly states = GERMAN_STATES;
  private readonly thisYear = new Date().getFullYear();
  protected readonly years = [this.thisYear, this.thisYear + 1, this.thisYear + 2].filter(
    (y) => y >= HOLIDAY_FIRST_YEAR,
  );
  protected readonly state = signal<GermanState>('NW');
  /** From October on, the coming year is the one to prepare. */
  protected readonly year = signal(new Date().getMonth() >= 9 ? this.thisYear + 1 : this.thisYear);
  protected readonly date = signal<Date | null>(null);
  protected readonly reason = signal('');
  protected readonly sorted = computed(() => [...this.closures()].sort((a, b) => a.date.localeCompare(b.date)));

  protected stateKey(state: GermanState) {
    return `state.${state}` as const;
  }

  protected importHolidays(): void {
    this.add.emit(holidayClosures(this.year(), this.state(), this.closures()));
  }

  protected addOne(): void {
    const date = this.date();
    if (!date) return;
    this.add.emit([{ date: isoOfDate(date), reason: this.reason().trim() }]);
    this.date.set(null);
    this.reason.set('');
  }
}
