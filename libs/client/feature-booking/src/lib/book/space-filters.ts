import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { SpaceKind } from '@flexdesk/shared-contracts';
import { I18n, attributeLabel } from '@flexdesk/client-data-access';
import type { SpaceFilter } from './space-rows';

/** Kind, equipment and "only available": the fields of the filter popover. */
@Component({
  selector: 'fd-space-filters',
  imports: [MatButton, MatCheckbox, MatFormField, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (kinds().length > 1) {
      <mat-form-field>
        <mat-label>{{ i18n.t('book.kind') }}</mat-label>
        <mat-select id="filter-kind" [value]="filter().kind ?? ''" (selectionChange)="kindChange.emit($event.value || null)">
          <mat-option value="">{{ i18n.t('book.kindAll') }}</mat-option>
          @for (k of kinds(); track k) {
            <mat-option [value]="k">{{ kindName(k) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    @if (attributes().length) {
      <fieldset class="attributes">
        <legend>{{ i18n.t('book.attributes') }}</legend>
        @for (a of attributes(); track a) {
          <mat-checkbox [checked]="filter().attributes.includes(a)" (change)="attributeChange.emit({ attribute: a, on: $event.checked })">
            {{ label(a) }}
          </mat-checkbox>
        }
      </fieldset>
    }
    <div class="end">
      <mat-checkbox [checked]="filter().onlyAvailable" (change)="onlyAvailableChange.emit($event.checked)">
        {{ i18n.t('book.onlyAvailable') }}
      </mat-checkbox>
      @if (activeCount()) {
        <button type="button" matButton="outlined" (click)="resetAll.emit()">{{ i18n.t('book.resetFilters') }}</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .attributes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    }
    .end {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fd-space-2) var(--fd-space-4);
    }
  `,
})
export class SpaceFilters {
  protected readonly i18n = inject(I18n);
  readonly kinds = input.required<SpaceKind[]>();
  readonly attributes = input.required<string[]>();
  readonly filter = input.required<SpaceFilter>();
  readonly activeCount = input(0);

  readonly kindChange = output<SpaceKind | null>();
  readonly attributeChange = output<{ attribute: string; on: boolean }>();
  readonly onlyAvailableChange = output<boolean>();
  readonly resetAll = output<void>();

  protected kindName(kind: SpaceKind): string {
    return this.i18n.t(`kind.${kind}`);
  }

  protected label(attribute: string): string {
    return attributeLabel(this.i18n, attribute);
  }
}
