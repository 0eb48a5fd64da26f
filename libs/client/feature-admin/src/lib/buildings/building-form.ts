import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { Building, BuildingInput, IsoWeekday } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { OFFICE_WEEK, type WeekdayHours, invalidWeekdays, openingHoursOf, weekdayRows } from './opening-hours';

const DEFAULT_ZONE = 'Europe/Berlin';

function timeZones(current: string | undefined): string[] {
  // ES2022's Intl.supportedValuesOf, missing from the lib typings this project compiles against.
  const intl = Intl as unknown as { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [DEFAULT_ZONE];
  return [...new Set([DEFAULT_ZONE, ...(current ? [current] : []), ...zones])].sort();
}

/** A building's name, address, time zone, midday and opening hours per weekday; new or existing. */
@Component({
  selector: 'fd-building-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    InlineAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="fd-stack" data-testid="building-form">
      <div class="fd-grid-2">
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.name') }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" maxlength="120" />
          @if (submitted() && form.controls.name.invalid) {
            <mat-error>{{ i18n.t('buildings.nameRequired') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.address') }}</mat-label>
          <input matInput formControlName="address" autocomplete="street-address" maxlength="300" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.timeZone') }}</mat-label>
          <mat-select formControlName="timeZone">
            @for (zone of zones(); track zone) {
              <mat-option [value]="zone">{{ zone }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('buildings.midday') }}</mat-label>
          <input matInput formControlName="midday" inputmode="numeric" maxlength="5" placeholder="12:00" />
          <mat-hint>{{ i18n.t('buildings.middayHint') }}</mat-hint>
          @if (submitted() && form.controls.midday.invalid) {
            <mat-error>{{ i18n.t('buildings.timeFormat') }}</mat-error>
          }
        </mat-form-field>
      </div>

      <fieldset class="fd-hours" formArrayName="hours">
        <legend>{{ i18n.t('buildings.openingHours') }}</legend>
        @for (row of hours.controls; track row.value.weekday; let i = $index) {
          <div class="fd-hours__row" [formGroupName]="i" [attr.data-weekday]="row.value.weekday">
            <mat-checkbox formControlName="open" class="fd-hours__day">{{
              weekdayName(row.value.weekday!)
            }}</mat-checkbox>
            @if (row.value.open) {
              <mat-checkbox formControlName="allDay">{{ i18n.t('buildings.aroundTheClock') }}</mat-checkbox>
              @if (!row.value.allDay) {
                <span class="fd-hours__times">
                  <input
                    class="fd-time"
                    inputmode="numeric"
                    maxlength="5"
                    size="5"
                    placeholder="07:00"
                    formControlName="from"
                    [attr.aria-label]="i18n.t('buildings.opensAt', { day: weekdayName(row.value.weekday!) })"
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    class="fd-time"
                    inputmode="numeric"
                    maxlength="5"
                    size="5"
                    placeholder="19:00"
                    formControlName="to"
                    [attr.aria-label]="i18n.t('buildings.closesAt', { day: weekdayName(row.value.weekday!) })"
                  />
                </span>
              }
            } @else {
              <span class="muted">{{ i18n.t('buildings.closed') }}</span>
            }
          </div>
        }
      </fieldset>
      @if (submitted() && badDays().length) {
        <fd-inline-alert>{{ i18n.t('buildings.hoursInvalid', { days: badDays().join(', ') }) }}</fd-inline-alert>
      }

      <div class="fd-actions">
        <button type="submit" matButton="filled" [disabled]="busy()">
          {{ building() ? i18n.t('buildings.save') : i18n.t('buildings.create') }}
        </button>
        @if (building()) {
          <button type="button" matButton="outlined" class="fd-danger" [disabled]="busy()" (click)="remove.emit()">
            {{ i18n.t('buildings.delete') }}
          </button>
        }
      </div>
    </form>
  `,
})
export class BuildingForm {
  protected readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder).nonNullable;

  /** The building edited, or null for a new one. */
  readonly building = input<Building | null>(null);
  readonly busy = input(false);
  readonly save = output<BuildingInput>();
  readonly remove = output<void>();

  protected readonly submitted = signal(false);
  protected readonly badDays = signal<string[]>([]);
  protected readonly zones = computed(() => timeZones(this.building()?.timeZone));

  protected readonly hours = this.fb.array<ReturnType<BuildingForm['hourGroup']>>([]);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    address: [''],
    timeZone: [DEFAULT_ZONE],
    // Text, not `type=time`: the browser would show its own locale's clock (12:00 PM in German).
    midday: ['12:00', [Validators.required, Validators.pattern(/^([01]\d|2[0-3]):[0-5]\d$/)]],
    hours: this.hours as FormArray,
  });

  constructor() {
    effect(() => this.reset(this.building()));
  }

  protected weekdayName(weekday: IsoWeekday): string {
    // 1 January 2024 was a Monday.
    return this.i18n.formatDate(`2024-01-0${weekday}`, { weekday: 'long' });
  }

  protected submit(): void {
    this.submitted.set(true);
    const rows = this.hours.getRawValue() as WeekdayHours[];
    this.badDays.set(invalidWeekdays(rows).map((d) => this.weekdayName(d)));
    if (this.form.invalid || this.badDays().length) return;
    const v = this.form.getRawValue();
    this.save.emit({
      name: v.name.trim(),
      address: v.address.trim(),
      timeZone: v.timeZone,
      midday: v.midday,
      openingHours: openingHoursOf(rows),
    });
  }

  private hourGroup(row: WeekdayHours) {
    return this.fb.group({
      weekday: [row.weekday],
      open: [row.open],
      allDay: [row.allDay],
      from: [row.from],
      to: [row.to],
    });
  }

  private reset(building: Building | null): void {
    this.submitted.set(false);
    this.badDays.set([]);
    this.hours.clear();
    for (const row of weekdayRows(building?.openingHours ?? OFFICE_WEEK)) this.hours.push(this.hourGroup(row));
    this.form.patchValue({
      name: building?.name ?? '',
      address: building?.address ?? '',
      timeZone: building?.timeZone ?? DEFAULT_ZONE,
      midday: building?.midday ?? '12:00',
    });
  }
}
