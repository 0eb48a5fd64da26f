import { Injectable, computed, inject, signal } from '@angular/core';
import type { GroupAdminView, PersonAdminView } from '@flexdesk/shared-contracts';
import { PeopleAdminApi } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';

const MEMBERS_LIMIT = 200;
const CANDIDATES_LIMIT = 10;

/** Groups and the members of the one open; commands reject with the API's error. */
@Injectable()
export class GroupsStore {
  private readonly api = inject(PeopleAdminApi);

  readonly groups = signal<GroupAdminView[]>([]);
  readonly openId = signal<string | null>(null);
  readonly open = computed(() => this.groups().find((g) => g.id === this.openId()) ?? null);
  readonly members = signal<PersonAdminView[]>([]);
  /** People found by the search for someone to add. */
  readonly candidates = signal<PersonAdminView[]>([]);
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.groups.set(await firstValueFrom(this.api.groups()));
    } catch (e) {
      this.error.set(e);
    } finally {
      this.loading.set(false);
    }
  }

  async create(name: string): Promise<GroupAdminView> {
    const group = await firstValueFrom(this.api.createGroup(name));
    this.groups.update((list) => [...list, group].sort((a, b) => a.name.localeCompare(b.name)));
    return group;
  }

  async rename(id: string, name: string): Promise<void> {
    this.replace(await firstValueFrom(this.api.renameGroup(id, name)));
  }

  async remove(id: string): Promise<void> {
    await firstValueFrom(this.api.deleteGroup(id));
    this.groups.update((list) => list.filter((g) => g.id !== id));
    if (this.openId() === id) this.openId.set(null);
  }

  async showMembers(id: string | null): Promise<void> {
    this.openId.set(id);
    this.members.set([]);
    this.candidates.set([]);
    if (!id) return;
    const page = await firstValueFrom(this.api.list({ groupId: id, limit: MEMBERS_LIMIT }));
    if (this.openId() === id) this.members.set(page.items);
  }

  async findCandidates(query: string): Promise<void> {
    const q = query.trim();
    if (!q) {
      this.candidates.set([]);
      return;
    }
    const page = await firstValueFrom(this.api.list({ query: q, status: 'active', limit: CANDIDATES_LIMIT }));
    const members = new Set(this.members().map((m) => m.id));
    this.candidates.set(page.items.filter((p) => !members.has(p.id)));
  }

  async setMember(person: PersonAdminView, member: boolean): Promise<void> {
    const id = this.openId();
    if (!id) return;
    this.replace(await firstValueFrom(this.api.setMember(id, person.id, member)));
    if (member) {
      this.members.update((list) => [...list, person].sort((a, b) => a.displayName.localeCompare(b.displayName)));
      this.candidates.update((list) => list.filter((p) => p.id !== person.id));
    } else {
      this.members.update((list) => list.filter((p) => p.id !== person.id));
    }
  }

  private replace(group: GroupAdminView): void {
    this.groups.update((list) => list.map((g) => (g.id === group.id ? group : g)));
  }
}
