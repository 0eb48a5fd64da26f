import '../admin-messages';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { GroupAdminView, PersonAdminView } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { GroupMembers } from './group-members';
import { GroupsStore } from './groups.store';

/** Administrators keep the groups (teams, departments) that zones and spaces are restricted to. */
@Component({
  selector: 'fd-groups-page',
  imports: [FormsModule, MatButton, MatFormField, MatInput, MatLabel, InlineAlert, PageHeader, GroupMembers],
  providers: [GroupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  templateUrl: './groups.page.html',
})
export class GroupsPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(GroupsStore);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);
  protected readonly newName = signal('');
  protected readonly renaming = signal<string | null>(null);
  protected readonly renameTo = signal('');
  protected readonly error = computed(() => {
    const e = this.store.error();
    return e ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(e) }) : null;
  });

  constructor() {
    void this.store.load();
  }

  protected async create(): Promise<void> {
    const name = this.newName().trim();
    if (!name) return;
    const group = await this.attempt(() => this.store.create(name));
    if (group) {
      this.newName.set('');
      this.notifier.success(this.i18n.t('groups.created', { name }));
    }
  }

  protected startRename(group: GroupAdminView): void {
    this.renaming.set(group.id);
    this.renameTo.set(group.name);
  }

  protected async rename(group: GroupAdminView): Promise<void> {
    const name = this.renameTo().trim();
    if (!name) return;
    if ((await this.attempt(() => this.store.rename(group.id, name))) !== undefined) {
      this.renaming.set(null);
      this.notifier.success(this.i18n.t('groups.renamed', { name }));
    }
  }

  protected async remove(group: GroupAdminView): Promise<void> {
    const done = await this.confirmation.ask({
      title: this.i18n.t('groups.deleteTitle', { name: group.name }),
      message: this.i18n.t('groups.deleteText', { count: group.memberCount }),
      confirmLabel: this.i18n.t('groups.delete'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: () => this.store.remove(group.id),
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
    if (done) this.notifier.success(this.i18n.t('groups.deleted', { name: group.name }), { focus: true });
  }

  protected async members(group: GroupAdminView): Promise<void> {
    await this.attempt(() => this.store.showMembers(this.store.openId() === group.id ? null : group.id));
  }

  protected async search(query: string): Promise<void> {
    await this.attempt(() => this.store.findCandidates(query));
  }

  protected async setMember(person: PersonAdminView, member: boolean): Promise<void> {
    const group = this.store.open();
    if ((await this.attempt(() => this.store.setMember(person, member))) !== undefined && group) {
      const key = member ? 'groups.memberAdded' : 'groups.memberRemoved';
      this.notifier.success(this.i18n.t(key, { name: person.displayName, group: group.name }));
    }
  }

  private async attempt<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      return (await command()) ?? (null as T);
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
      return undefined;
    }
  }
}
