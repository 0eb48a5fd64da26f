import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import type { BuildingSummary, FloorSummary } from '@flexdesk/shared-contracts';

/**
 * Building and floor, the choice every plan page starts with. Controlled: it shows `buildingId` and
 * `floorId` and reports what the person picks; a page that says no (e.g. unsaved changes) simply
 * keeps its ids, and the picker shows them again. More fields of the same row (a date) go in as
 * content. Floors are listed by level, the car park in the basement first.
 */
@Component({
  selector: 'fd-building-floor-picker',
  imports: [MatFormField, MatLabel, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ buildingLabel() }}</mat-label>
      <mat-select
        [id]="idPrefix() + '-building'"
        [value]="buildingId() ?? NONE"
        [disabled]="disabled() || buildings().length === 0"
        (selectionChange)="pickBuilding($event)"
      >
        @if (noneLabel(); as none) {
          <mat-option [value]="NONE">{{ none }}</mat-option>
        }
        @for (b of buildings(); track b.id) {
          <mat-option [value]="b.id">{{ b.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    @if (floorLabel(); as label) {
      <mat-form-field>
        <mat-label>{{ label }}</mat-label>
        <mat-select
          [id]="idPrefix() + '-floor'"
          [value]="floorId() ?? NONE"
          [disabled]="disabled() || sortedFloors().length === 0"
          (selectionChange)="pickFloor($event)"
        >
          @if (noneLabel(); as none) {
            <mat-option [value]="NONE">{{ none }}</mat-option>
          }
          @for (f of sortedFloors(); track f.id) {
            <mat-option [value]="f.id">{{ f.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    <ng-content />
  `,
  host: { class: 'fd-picker' },
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
      gap: 0 var(--fd-space-4, 1rem);
    }
  `,
})
export class BuildingFloorPicker {
  readonly buildings = input.required<readonly BuildingSummary[]>();
  /** The floors to offer; by default those of the chosen building. */
  readonly floors = input<readonly FloorSummary[] | null>(null);
  readonly buildingId = input<string | null>(null);
  readonly floorId = input<string | null>(null);
  readonly buildingLabel = input.required<string>();
  /** No label, no floor field (e.g. the front desk works per building). */
  readonly floorLabel = input<string | null>(null);
  /** Ids of the fields: `<prefix>-building`, `<prefix>-floor`. */
  readonly idPrefix = input('pick');
  /** Offers "none" (reported as null) first in both fields, e.g. "no preference". */
  readonly noneLabel = input<string | null>(null);
  readonly disabled = input(false);
  readonly buildingChange = output<string | null>();
  readonly floorChange = output<string | null>();

  protected readonly sortedFloors = computed(() => {
    const floors = this.floors() ?? this.buildings().find((b) => b.id === this.buildingId())?.floors ?? [];
    return [...floors].sort((a, b) => a.level - b.level);
  });

  /** "None" as an option value: Material treats a null option as clearing the field instead. */
  protected readonly NONE = '';

  protected pickBuilding(change: MatSelectChange): void {
    this.buildingChange.emit((change.value as string) || null);
    // Shows the page's choice, not the click: if the page takes it, the input follows.
    change.source.value = this.buildingId() ?? this.NONE;
  }

  protected pickFloor(change: MatSelectChange): void {
    this.floorChange.emit((change.value as string) || null);
    change.source.value = this.floorId() ?? this.NONE;
  }
}
