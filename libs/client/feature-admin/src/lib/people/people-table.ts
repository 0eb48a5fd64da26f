import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { GroupAdminView, PersonAdminView, Role } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** People as a list: name and e-mail, roles, groups, status, and a button to open each. */
@Component({
  selector: 'fd-people-table',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  styles: `
    .fd-person__meta {
      display: block;
      font-size: 0.875rem;
    }
    .fd-person--inactive .fd-list__main {
      opacity: 0.8;
    }
  `,
  template: `
    <ul class="fd-list" data-testid="people">
      @for (p of people(); track p.id) {
        <li [class.fd-person--inactive]="!p.active" [attr.data-email]="p.email">
          <span class="fd-list__main">
            <strong>{{ p.displayName }}</strong>
            @if (!p.active) {
              <span> · ⊘ {{ i18n.t('people.inactive') }}</span>
            }
            <span class="fd-person__meta muted">{{ p.email }}</span>
            <span class="fd-person__meta"
              >{{ roleNames(p.roles) }}
              @if (p.groupIds.length) {
                · {{ groupNames(p.groupIds) }}
              }
            </span>
          </span>
          <button
            type="button"
            matButton="outlined"
            [attr.aria-label]="i18n.t('people.editLabel', { name: p.displayName })"
            (click)="edit.emit(p)"
          >
            {{ i18n.t('people.edit') }}
          </button>
        </li>
      }
    </ul>
  `,
})
export class PeopleTable {
  protected readonly i18n = inject(I18n);
  readonly people = input.required<PersonAdminView[]>();
  readonly groups = input<GroupAdminView[]>([]);
  readonly edit = output<PersonAdminView>();
  private readonly groupName = computed(() => new Map(this.groups().map((g) => [g.id, g.name])));

  protected roleNames(roles: Role[]): string {
    return roles.map((r) => this.i18n.t(`people.role.${r}`)).join(', ');
  }

  protected groupNames(ids: string[]): string {
    return ids.map((id) => this.groupName().get(id) ?? '…').join(', ');
  }
}
