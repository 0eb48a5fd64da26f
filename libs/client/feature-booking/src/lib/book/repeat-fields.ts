import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { IsoWeekday } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** How a booking repeats: weekdays, every week or every other week, until a day or for a number of days. */
export interface RepeatRule {
  weekdays: IsoWeekday[];
  interval: 1 | 2;
  end: 'until' | 'count';
  until: string;
  count: number;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The fields of "Repeat" in the booking dialog; the dialog owns the rule (two-way `rule`). */
@Component({
  selector: 'fd-repeat-fields',
  imports: [MatCheckbox, MatFormField, MatInput, MatLabel, MatRadioButton, MatRadioGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="weekdays">
      <legend>{{ i18n.t('series.weekdays') }}</legend>
      @for (d of weekdays; track d) {
        <mat-checkbox
          [checked]="rule().weekdays.includes(d)"
          [attr.data-weekday]="d"
          [aria-label]="i18n.t(longKey(d))"
          (change)="toggleDay(d, $event.checked)"
        >
          {{ i18n.t(shortKey(d)) }}
        </mat-checkbox>
      }
    </fieldset>
    <fieldset>
      <legend>{{ i18n.t('series.interval') }}</legend>
      <mat-radio-group class="choices" [value]="rule().interval" (change)="patch({ interval: $event.value })">
        <mat-radio-button [value]="1">{{ i18n.t('series.everyWeek') }}</mat-radio-button>
        <mat-radio-button [value]="2">{{ i18n.t('series.everyOtherWeek') }}</mat-radio-button>
      </mat-radio-group>
    </fieldset>
    <fieldset>
      <legend>{{ i18n.t('series.end') }}</legend>
      <mat-radio-group class="choices" [value]="rule().end" (change)="patch({ end: $event.value })">
        <mat-radio-button value="until">{{ i18n.t('series.until') }}</mat-radio-button>
        <mat-radio-button value="count">{{ i18n.t('series.count') }}</mat-radio-button>
      </mat-radio-group>
      @if (rule().end === 'until') {
        <mat-form-field>
          <mat-label>{{ i18n.t('series.untilLabel') }}</mat-label>
          <input
            matInput
            id="series-until"
            type="date"
            [min]="from()"
            [value]="rule().until"
            (change)="patch({ until: $any($event.target).value })"
          />
        </mat-form-field>
      } @else {
        <mat-form-field>
          <mat-label>{{ i18n.t('series.countLabel') }}</mat-label>
          <input
            matInput
            id="series-count"
            type="number"
            min="1"
            max="260"
            [value]="rule().count"
            (change)="patch({ count: +$any($event.target).value })"
          />
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    .weekdays {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--fd-space-2);
    }
  `,
})
export class RepeatFields {
  protected readonly i18n = inject(I18n);
  readonly rule = model.required<RepeatRule>();
  /** The first day; `until` cannot be before it. */
  readonly from = input.required<string>();
  protected readonly weekdays = WEEKDAYS;

  protected shortKey(d: IsoWeekday) {
    return `weekday.${d}` as const;
  }

  protected longKey(d: IsoWeekday) {
    return `weekday.long.${d}` as const;
  }

  protected toggleDay(day: IsoWeekday, on: boolean): void {
    const days = this.rule().weekdays.filter((d) => d !== day);
    this.patch({ weekdays: on ? [...days, day].sort() : days });
  }

  protected patch(change: Partial<RepeatRule>): void {
    this.rule.update((r) => ({ ...r, ...change }));
  }
}
