import { Injectable, inject, signal } from '@angular/core';
import type {
  BuildingSummary,
  CreatePersonRequest,
  CreatedPerson,
  DeactivationResult,
  GroupAdminView,
  PasswordLink,
  PeopleImportResult,
  PeopleQuery,
  PersonAdminView,
  UpdatePersonRequest,
} from '@flexdesk/shared-contracts';
import { BuildingsApi, PeopleAdminApi } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';

export const PEOPLE_PAGE_SIZE = 50;

export type PeopleFilters = Omit<PeopleQuery, 'after' | 'limit'>;

/**
 * People administration: the people matching the filters, a page at a time ("more" appends the
 * next page by the API's cursor), the groups and buildings to pick from, and the commands.
 */
@Injectable()
export class PeopleStore {
  private readonly api = inject(PeopleAdminApi);
  private readonly buildingsApi = inject(BuildingsApi);

  readonly filters = signal<PeopleFilters>({ status: 'active' });
  readonly people = signal<PersonAdminView[]>([]);
  readonly next = signal<string | null>(null);
  readonly groups = signal<GroupAdminView[]>([]);
  readonly buildings = signal<BuildingSummary[]>([]);
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);
  private generation = 0;

  async init(): Promise<void> {
    await Promise.all([this.search(this.filters()), this.loadChoices()]);
  }

  async loadChoices(): Promise<void> {
    try {
      const [groups, buildings] = await Promise.all([
        firstValueFrom(this.api.groups()),
        firstValueFrom(this.buildingsApi.list()),
      ]);
      this.groups.set(groups);
      this.buildings.set(buildings);
    } catch (e) {
      this.error.set(e);
    }
  }

  /** A new search; answers to an older one that arrive late are dropped. */
  async search(filters: PeopleFilters): Promise<void> {
    this.filters.set(filters);
    const generation = ++this.generation;
    await this.fetch(undefined, generation, (page) => this.people.set(page));
  }

  async more(): Promise<void> {
    const after = this.next();
    if (!after) return;
    await this.fetch(after, this.generation, (page) => this.people.update((list) => [...list, ...page]));
  }

  async create(input: CreatePersonRequest): Promise<CreatedPerson> {
    const created = await firstValueFrom(this.api.create(input));
    this.people.update((list) => [created.person, ...list]);
    await this.refreshGroups();
    return created;
  }

  async update(id: string, input: UpdatePersonRequest): Promise<PersonAdminView> {
    const person = await firstValueFrom(this.api.update(id, input));
    this.replace(person);
    await this.refreshGroups();
    return person;
  }

  resetPassword(id: string): Promise<PasswordLink> {
    return firstValueFrom(this.api.resetPassword(id));
  }

  async deactivate(id: string): Promise<DeactivationResult> {
    const result = await firstValueFrom(this.api.deactivate(id));
    this.replace(result.person);
    return result;
  }

  async reactivate(id: string): Promise<PersonAdminView> {
    const person = await firstValueFrom(this.api.reactivate(id));
    this.replace(person);
    return person;
  }

  async import(file: File, dryRun: boolean): Promise<PeopleImportResult> {
    const result = await firstValueFrom(this.api.import(file, dryRun));
    if (!dryRun) await Promise.all([this.search(this.filters()), this.refreshGroups()]);
    return result;
  }

  exportUrl(): string {
    return this.api.exportUrl();
  }

  private async refreshGroups(): Promise<void> {
    try {
      this.groups.set(await firstValueFrom(this.api.groups()));
    } catch {
      // Member counts are behind until the next load; nothing else depends on them.
    }
  }

  private replace(person: PersonAdminView): void {
    this.people.update((list) => list.map((p) => (p.id === person.id ? person : p)));
  }

  private async fetch(after: string | undefined, generation: number, apply: (page: PersonAdminView[]) => void) {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.api.list({ ...this.filters(), after, limit: PEOPLE_PAGE_SIZE }));
      if (generation !== this.generation) return;
      apply(page.items);
      this.next.set(page.next);
    } catch (e) {
      if (generation === this.generation) this.error.set(e);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
