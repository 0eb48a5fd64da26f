import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { dateOfIso, isoOfDate, provideLocalizedDates } from '@flexdesk/client-ui/dates';
import type { AuditFilters } from './audit.store';

/** What to look for in the audit log: kind of object, action, days. */
@Component({
  selector: 'fd-audit-filters',
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
    <form class="fd-row" (ngSubmit)="apply()" [attr.aria-label]="i18n.t('audit.filters')">
      <mat-form-field>
        <mat-label>{{ i18n.t('audit.entityType') }}</mat-label>
        <mat-select name="entityType" [(ngModel)]="entityType" data-testid="audit-entity-type">
          <mat-option [value]="null">{{ i18n.t('audit.any') }}</mat-option>
          @for (type of types; track type) {
            <mat-option [value]="type">{{ i18n.t(typeKey(type)) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ i18n.t('audit.action') }}</mat-label>
        <input matInput name="action" maxlength="64" [(ngModel)]="action" autocomplete="off" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ i18n.t('audit.from') }}</mat-label>
        <input matInput name="from" [matDatepicker]="fromPicker" [(ngModel)]="from" />
        <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
        <mat-datepicker #fromPicker />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ i18n.t('audit.to') }}</mat-label>
        <input matInput name="to" [matDatepicker]="toPicker" [(ngModel)]="to" />
        <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
        <mat-datepicker #toPicker />
      </mat-form-field>
      <div class="fd-actions">
        <button type="submit" matButton="filled">{{ i18n.t('audit.apply') }}</button>
        <button type="button" matButton (click)="clear()">{{ i18n.t('audit.clear') }}</button>
      </div>
    </form>
  `,
})
export class AuditFiltersForm {
  protected readonly i18n = inject(I18n);
  readonly filters = input.required<AuditFilters>();
  readonly changed = output<AuditFilters>();

  protected readonly types = AUDIT_ENTITY_TYPES;
  protected readonly entityType = signal<AuditEntityType | null>(null);
  protected readonly action = signal('');
  protected readonly from = signal<Date | null>(null);
  protected readonly to = signal<Date | null>(null);

  constructor() {
    effect(() => {
      const f = this.filters();
      this.entityType.set(f.entityType ?? null);
      this.action.set(f.action ?? '');
      this.from.set(f.from ? dateOfIso(f.from) : null);
      this.to.set(f.to ? dateOfIso(f.to) : null);
    });
  }

  protected typeKey(type: AuditEntityType) {
    return `audit.entity.${type}` as const;
  }

  protected apply(): void {
    const from = this.from();
    const to = this.to();
    this.changed.emit({
      // Narrowing by person or object (set from the table) stays until cleared.
      actorId: this.filters().actorId,
      entityId: this.filters().entityId,
      entityType: this.entityType() ?? undefined,
      action: this.action().trim() || undefined,
      from: from ? isoOfDate(from) : undefined,
      to: to ? isoOfDate(to) : undefined,
    });
  }

  protected clear(): void {
    this.changed.emit({});
  }
}
