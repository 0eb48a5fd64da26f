import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { GroupAdminView, PersonAdminView } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** The members of one group: remove one, or find a person and add them. */
@Component({
  selector: 'fd-group-members',
  imports: [FormsModule, MatButton, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <section class="fd-stack" [attr.aria-labelledby]="'members-heading'">
      <h2 id="members-heading">{{ i18n.t('groups.membersOf', { name: group().name }) }}</h2>
      <form class="fd-row" role="search" (ngSubmit)="find.emit(query())">
        <mat-form-field>
          <mat-label>{{ i18n.t('groups.findPerson') }}</mat-label>
          <input matInput name="q" type="search" autocomplete="off" maxlength="100" [(ngModel)]="query" />
        </mat-form-field>
        <button type="submit" matButton="outlined">{{ i18n.t('groups.find') }}</button>
      </form>
      @if (candidates().length) {
        <ul class="fd-list" [attr.aria-label]="i18n.t('groups.found')">
          @for (p of candidates(); track p.id) {
            <li>
              <span class="fd-list__main"
                >{{ p.displayName }} <span class="muted">{{ p.email }}</span></span
              >
              <button
                type="button"
                matButton="filled"
                [attr.aria-label]="i18n.t('groups.addLabel', { name: p.displayName })"
                (click)="add.emit(p)"
              >
                {{ i18n.t('groups.add') }}
              </button>
            </li>
          }
        </ul>
      }
      @if (members().length) {
        <ul class="fd-list" data-testid="members">
          @for (p of members(); track p.id) {
            <li>
              <span class="fd-list__main"
                >{{ p.displayName }} <span class="muted">{{ p.email }}</span></span
              >
              <button
                type="button"
                matButton
                [attr.aria-label]="i18n.t('groups.removeLabel', { name: p.displayName })"
                (click)="remove.emit(p)"
              >
                {{ i18n.t('groups.remove') }}
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ i18n.t('groups.noMembers') }}</p>
      }
    </section>
  `,
})
export class GroupMembers {
  protected readonly i18n = inject(I18n);
  readonly group = input.required<GroupAdminView>();
  readonly members = input.required<PersonAdminView[]>();
  readonly candidates = input.required<PersonAdminView[]>();
  readonly find = output<string>();
  readonly add = output<PersonAdminView>();
  readonly remove = output<PersonAdminView>();
  protected readonly query = signal('');
}
