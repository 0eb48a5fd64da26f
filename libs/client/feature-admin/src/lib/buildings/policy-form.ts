import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  BOOKING_SLOTS,
  SPACE_KINDS,
  type BookingPolicy,
  type BookingSlot,
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import { SLOT_STEP_CHOICES, validatePolicyOverride } from '@flexdesk/shared-domain';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { buildingWide, withBuildingWide, withKind } from './policy-edit';

type Policies = Record<SpaceKind, BookingPolicy>;

/** Booking rules: two that hold for the whole building, and the full set per kind of space. */
@Component({
  selector: 'fd-policy-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
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
    <form class="fd-stack" [formGroup]="wide" (ngSubmit)="saveWide()" aria-labelledby="rules-wide-heading">
      <h2 id="rules-wide-heading">{{ i18n.t('rules.wide') }}</h2>
      <div class="fd-grid-2">
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.horizonDays') }}</mat-label>
          <input matInput type="number" min="0" max="365" formControlName="horizonDays" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.cancellationCutoffMinutes') }}</mat-label>
          <input matInput type="number" min="0" max="10080" formControlName="cancellationCutoffMinutes" />
          <mat-hint>{{ i18n.t('rules.cutoffHint') }}</mat-hint>
        </mat-form-field>
      </div>
      <div class="fd-actions">
        <button type="submit" matButton="filled" [disabled]="busy() || wide.invalid">
          {{ i18n.t('rules.saveWide') }}
        </button>
      </div>
    </form>

    <form class="fd-stack" [formGroup]="form" (ngSubmit)="saveKind()" aria-labelledby="rules-kind-heading">
      <h2 id="rules-kind-heading">{{ i18n.t('rules.perKind') }}</h2>
      <mat-button-toggle-group
        [value]="kind()"
        (change)="selectKind($event.value)"
        [attr.aria-label]="i18n.t('rules.kind')"
        hideSingleSelectionIndicator
      >
        @for (k of kinds; track k) {
          <mat-button-toggle [value]="k">{{ i18n.t(kindKey(k)) }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      <fieldset>
        <legend>{{ i18n.t('rules.allowedSlots') }}</legend>
        <div class="fd-row">
          @for (slot of slots; track slot) {
            <mat-checkbox [checked]="slotOn(slot)" (change)="toggleSlot(slot, $event.checked)">{{
              i18n.t(slotKey(slot))
            }}</mat-checkbox>
          }
        </div>
      </fieldset>
      <div class="fd-grid-2">
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.horizonDays') }}</mat-label>
          <input matInput type="number" min="0" max="365" formControlName="horizonDays" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.maxPerDay') }}</mat-label>
          <input matInput type="number" min="1" max="50" formControlName="maxPerDay" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.slotStepMinutes') }}</mat-label>
          <mat-select formControlName="slotStepMinutes">
            @for (step of steps; track step) {
              <mat-option [value]="step">{{ i18n.t('rules.minutes', { n: step }) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.minDurationMinutes') }}</mat-label>
          <input matInput type="number" min="5" max="1440" formControlName="minDurationMinutes" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.maxDurationMinutes') }}</mat-label>
          <input matInput type="number" min="5" max="1440" formControlName="maxDurationMinutes" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.cancellationCutoffMinutes') }}</mat-label>
          <input matInput type="number" min="0" max="10080" formControlName="cancellationCutoffMinutes" />
        </mat-form-field>
        <mat-checkbox formControlName="checkInRequired">{{ i18n.t('rules.checkInRequired') }}</mat-checkbox>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.checkInGraceMinutes') }}</mat-label>
          <input matInput type="number" min="0" max="240" formControlName="checkInGraceMinutes" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('rules.checkInReminderMinutes') }}</mat-label>
          <input matInput type="number" min="0" max="1440" formControlName="checkInReminderMinutes" />
        </mat-form-field>
      </div>
      @if (error(); as message) {
        <fd-inline-alert>{{ message }}</fd-inline-alert>
      }
      <div class="fd-actions">
        <button type="submit" matButton="filled" [disabled]="busy()">
          {{ i18n.t('rules.saveKind', { kind: i18n.t(kindKey(kind())) }) }}
        </button>
      </div>
    </form>
  `,
})
export class PolicyForm {
  protected readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder).nonNullable;
  readonly policies = input.required<Policies>();
  readonly busy = input(false);
  /** The complete rules to store (every kind). */
  readonly save = output<Policies>();

  protected readonly kinds = SPACE_KINDS;
  protected readonly slots = BOOKING_SLOTS;
  protected readonly steps = SLOT_STEP_CHOICES;
  protected readonly kind = signal<SpaceKind>('desk');
  protected readonly allowedSlots = signal<BookingSlot[]>([]);
  protected readonly error = signal<string | null>(null);

  protected readonly wide = this.fb.group({
    horizonDays: [14, [Validators.required, Validators.min(0), Validators.max(365)]],
    cancellationCutoffMinutes: [0, [Validators.required, Validators.min(0), Validators.max(10080)]],
  });
  protected readonly form = this.fb.group({
    horizonDays: [14],
    maxPerDay: [1],
    slotStepMinutes: [30],
    minDurationMinutes: [60],
    maxDurationMinutes: [1440],
    checkInRequired: [false],
    checkInGraceMinutes: [30],
    // The e-mail reminder before a booking that needs a check-in (0: none); the API's default is 15.
    checkInReminderMinutes: [15],
    cancellationCutoffMinutes: [0],
  });

  constructor() {
    effect(() => {
      const policies = this.policies();
      this.wide.setValue(buildingWide(policies));
      this.fill(policies[this.kind()]);
    });
  }

  protected kindKey(kind: SpaceKind) {
    return `kind.${kind}` as const;
  }

  protected slotKey(slot: BookingSlot) {
    return `slot.${slot}` as const;
  }

  protected selectKind(kind: SpaceKind): void {
    this.kind.set(kind);
    this.fill(this.policies()[kind]);
  }

  protected slotOn(slot: BookingSlot): boolean {
    return this.allowedSlots().includes(slot);
  }

  protected toggleSlot(slot: BookingSlot, on: boolean): void {
    this.allowedSlots.update((list) =>
      on ? BOOKING_SLOTS.filter((s) => s === slot || list.includes(s)) : list.filter((s) => s !== slot),
    );
  }

  protected saveWide(): void {
    if (this.wide.invalid) return;
    this.save.emit(withBuildingWide(this.policies(), this.wide.getRawValue()));
  }

  protected saveKind(): void {
    const policy: BookingPolicy = { ...this.form.getRawValue(), allowedSlots: this.allowedSlots() };
    const errors = validatePolicyOverride(policy);
    if (errors.length) {
      const fields = [...new Set(errors.map((e) => this.i18n.t(`rules.${e.path}` as 'rules.horizonDays')))];
      this.error.set(this.i18n.t('rules.invalid', { fields: fields.join(', ') }));
      return;
    }
    this.error.set(null);
    this.save.emit(withKind(this.policies(), this.kind(), policy));
  }

  private fill(policy: BookingPolicy): void {
    this.error.set(null);
    this.allowedSlots.set([...policy.allowedSlots]);
    this.form.setValue({
      horizonDays: policy.horizonDays,
      maxPerDay: policy.maxPerDay,
      slotStepMinutes: policy.slotStepMinutes,
      minDurationMinutes: policy.minDurationMinutes,
      maxDurationMinutes: policy.maxDurationMinutes,
      checkInRequired: policy.checkInRequired,
      checkInGraceMinutes: policy.checkInGraceMinutes,
      checkInReminderMinutes: policy.checkInReminderMinutes ?? 15,
      cancellationCutoffMinutes: policy.cancellationCutoffMinutes,
    });
  }
}
