import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTooltip } from '@angular/material/tooltip';
import type { FloorSummary } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { type Direction, byLevel, nextLevel } from './floor-order';

/** A building's floors, highest first: add, rename, move up or down, delete. */
@Component({
  selector: 'fd-floors-panel',
  imports: [FormsModule, MatButton, MatIconButton, MatFormField, MatInput, MatLabel, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <form class="fd-row" (ngSubmit)="submitNew()" aria-labelledby="floor-add-heading">
      <h2 id="floor-add-heading" class="visually-hidden">{{ i18n.t('floors.add') }}</h2>
      <mat-form-field>
        <mat-label>{{ i18n.t('floors.newName') }}</mat-label>
        <input matInput name="floorName" maxlength="120" [(ngModel)]="newName" />
      </mat-form-field>
      <mat-form-field class="fd-level">
        <mat-label>{{ i18n.t('floors.level') }}</mat-label>
        <input matInput name="floorLevel" type="number" min="-20" max="200" [(ngModel)]="newLevel" />
      </mat-form-field>
      <button type="submit" matButton="filled" [disabled]="busy() || !newName().trim()">
        {{ i18n.t('floors.add') }}
      </button>
    </form>

    @if (ordered().length) {
      <ul class="fd-list" data-testid="floors">
        @for (floor of ordered(); track floor.id; let first = $first; let last = $last) {
          <li [attr.data-floor]="floor.name">
            @if (renaming() === floor.id) {
              <form class="fd-row" (ngSubmit)="submitRename(floor)">
                <mat-form-field>
                  <mat-label>{{ i18n.t('floors.renameLabel', { name: floor.name }) }}</mat-label>
                  <input matInput name="rename" maxlength="120" [(ngModel)]="renameTo" />
                </mat-form-field>
                <button type="submit" matButton="filled" [disabled]="busy() || !renameTo().trim()">
                  {{ i18n.t('floors.saveName') }}
                </button>
                <button type="button" matButton (click)="renaming.set(null)">{{ i18n.t('common.cancel') }}</button>
              </form>
            } @else {
              <span class="fd-list__main">
                <strong>{{ floor.name }}</strong>
                <span class="muted">
                  · {{ i18n.t('floors.levelValue', { level: floor.level }) }} ·
                  {{ i18n.t('floors.spaces', { count: floor.spaceCount }) }}</span
                >
              </span>
              <span class="fd-actions">
                <button
                  type="button"
                  matIconButton
                  [disabled]="busy() || first"
                  [attr.aria-label]="i18n.t('floors.up', { name: floor.name })"
                  [matTooltip]="i18n.t('floors.up', { name: floor.name })"
                  (click)="move.emit({ floor, direction: 'up' })"
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  matIconButton
                  [disabled]="busy() || last"
                  [attr.aria-label]="i18n.t('floors.down', { name: floor.name })"
                  [matTooltip]="i18n.t('floors.down', { name: floor.name })"
                  (click)="move.emit({ floor, direction: 'down' })"
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  matButton
                  [attr.aria-label]="i18n.t('floors.renameLabel', { name: floor.name })"
                  (click)="startRename(floor)"
                >
                  {{ i18n.t('floors.rename') }}
                </button>
                <button
                  type="button"
                  matButton
                  class="fd-danger"
                  [disabled]="busy()"
                  [attr.aria-label]="i18n.t('floors.deleteLabel', { name: floor.name })"
                  (click)="remove.emit(floor)"
                >
                  {{ i18n.t('floors.delete') }}
                </button>
              </span>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="muted">{{ i18n.t('floors.none') }}</p>
    }
  `,
})
export class FloorsPanel {
  protected readonly i18n = inject(I18n);
  readonly floors = input.required<FloorSummary[]>();
  readonly busy = input(false);
  readonly add = output<{ name: string; level: number }>();
  readonly rename = output<{ floor: FloorSummary; name: string }>();
  readonly move = output<{ floor: FloorSummary; direction: Direction }>();
  readonly remove = output<FloorSummary>();

  protected readonly ordered = computed(() => byLevel(this.floors()));
  protected readonly newName = signal('');
  protected readonly newLevel = signal<number | null>(null);
  protected readonly renaming = signal<string | null>(null);
  protected readonly renameTo = signal('');

  protected submitNew(): void {
    const name = this.newName().trim();
    if (!name) return;
    const level = this.newLevel();
    this.add.emit({
      name,
      level: typeof level === 'number' && Number.isInteger(level) ? level : nextLevel(this.floors()),
    });
    this.newName.set('');
    this.newLevel.set(null);
  }

  protected startRename(floor: FloorSummary): void {
    this.renaming.set(floor.id);
    this.renameTo.set(floor.name);
  }

  protected submitRename(floor: FloorSummary): void {
    const name = this.renameTo().trim();
    if (!name) return;
    this.rename.emit({ floor, name });
    this.renaming.set(null);
  }
}
