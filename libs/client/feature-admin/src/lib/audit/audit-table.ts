import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { AuditEntityType, AuditEntry } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** Details as short `key: value` text; long values are cut, the full entry is in the API. */
export function detailsText(details: Record<string, unknown>, max = 160): string {
  const text = Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One page of audit entries; a person or an object can be picked to see only their entries. */
@Component({
  selector: 'fd-audit-table',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    MatTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  styles: `
    .fd-audit td,
    .fd-audit th {
      vertical-align: top;
      padding: var(--fd-space-2);
    }
    .fd-audit__details {
      overflow-wrap: anywhere;
      font-size: 0.875rem;
    }
    .fd-audit__at {
      white-space: nowrap;
    }
  `,
  template: `
    <div class="fd-table-wrap">
      <table mat-table [dataSource]="entries()" class="fd-audit" data-testid="audit-table">
        <ng-container matColumnDef="at">
          <th mat-header-cell *matHeaderCellDef>{{ i18n.t('audit.at') }}</th>
          <td mat-cell *matCellDef="let e" class="fd-audit__at">{{ when(e.at) }}</td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef>{{ i18n.t('audit.actor') }}</th>
          <td mat-cell *matCellDef="let e">
            @if (e.actorId) {
              <button
                type="button"
                matButton
                [attr.aria-label]="i18n.t('audit.onlyActor', { name: e.actorName ?? e.actorId })"
                (click)="narrow.emit({ actorId: e.actorId })"
              >
                {{ e.actorName ?? i18n.t('audit.unknownActor') }}
              </button>
            } @else {
              {{ i18n.t('audit.system') }}
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef>{{ i18n.t('audit.action') }}</th>
          <td mat-cell *matCellDef="let e">{{ e.action }}</td>
        </ng-container>
        <ng-container matColumnDef="entity">
          <th mat-header-cell *matHeaderCellDef>{{ i18n.t('audit.entity') }}</th>
          <td mat-cell *matCellDef="let e">
            {{ i18n.t(typeKey(e.entityType)) }}
            @if (e.entityId) {
              <button
                type="button"
                matButton
                [attr.aria-label]="i18n.t('audit.onlyEntity', { id: e.entityId })"
                (click)="narrow.emit({ entityId: e.entityId, entityType: e.entityType })"
              >
                {{ e.entityId.slice(0, 8) }}
              </button>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="details">
          <th mat-header-cell *matHeaderCellDef>{{ i18n.t('audit.details') }}</th>
          <td mat-cell *matCellDef="let e" class="fd-audit__details">{{ details(e) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
})
export class AuditTable {
  protected readonly i18n = inject(I18n);
  readonly entries = input.required<AuditEntry[]>();
  readonly narrow = output<{ actorId?: string; entityId?: string; entityType?: AuditEntityType }>();
  protected readonly columns = ['at', 'actor', 'action', 'entity', 'details'];

  protected typeKey(type: AuditEntityType) {
    return `audit.entity.${type}` as const;
  }

  protected when(at: string): string {
    return new Intl.DateTimeFormat(this.i18n.languageTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(at),
    );
  }

  protected details(e: AuditEntry): string {
    return detailsText(e.details);
  }
}
