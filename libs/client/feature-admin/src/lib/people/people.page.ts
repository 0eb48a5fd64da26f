import '../admin-messages';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { PERSON_STATUSES, ROLES, type PersonAdminView, type PersonStatus, type Role } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { PeopleImport } from './people-import';
import { PeopleTable } from './people-table';
import { PeopleStore } from './people.store';
import { PersonDialog, type PersonDialogData } from './person-dialog';

const SEARCH_DELAY_MS = 250;

/** Administrators find people, invite them, change their roles and groups, and offboard them. */
@Component({
  selector: 'fd-people-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    InlineAlert,
    PageHeader,
    PeopleImport,
    PeopleTable,
  ],
  providers: [PeopleStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  templateUrl: './people.page.html',
})
export class PeoplePage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(PeopleStore);
  private readonly dialog = inject(MatDialog);
  protected readonly roles = ROLES;
  protected readonly statuses = PERSON_STATUSES;
  protected readonly query = signal('');
  protected readonly showImport = signal(false);
  protected readonly error = computed(() => {
    const e = this.store.error();
    return e ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(e) }) : null;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.store.init();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(query: string): void {
    this.query.set(query);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.filter({ query: query.trim() || undefined }), SEARCH_DELAY_MS);
  }

  protected filter(patch: { query?: string; role?: Role; groupId?: string; status?: PersonStatus }): void {
    void this.store.search({ ...this.store.filters(), ...patch });
  }

  protected roleKey(role: Role) {
    return `people.role.${role}` as const;
  }

  protected statusKey(status: PersonStatus) {
    return `people.status.${status}` as const;
  }

  protected open(person: PersonAdminView | null): void {
    this.dialog.open<PersonDialog, PersonDialogData>(PersonDialog, {
      data: { person, store: this.store },
      width: '36rem',
      maxWidth: 'calc(100vw - 1.5rem)',
      autoFocus: '#person-name',
      restoreFocus: true,
    });
  }
}
