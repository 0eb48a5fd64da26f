import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuditEntry, AuditFilter } from '@flexdesk/shared-contracts';
import { AuditApi } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';

export const AUDIT_PAGE_SIZE = 50;

/** The filters a person sets; paging is the store's business. */
export type AuditFilters = Omit<AuditFilter, 'limit' | 'before'>;

/**
 * The audit log, a page at a time, newest first. The API pages backwards by id, so going back
 * remembers the cursor each page was opened with.
 */
@Injectable()
export class AuditStore {
  private readonly api = inject(AuditApi);

  readonly filters = signal<AuditFilters>({});
  readonly entries = signal<AuditEntry[]>([]);
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);
  /** The `before` cursor of every page opened so far; the last is the current page's. */
  private readonly cursors = signal<(number | undefined)[]>([undefined]);
  readonly page = computed(() => this.cursors().length);
  readonly hasPrevious = computed(() => this.cursors().length > 1);
  /** A full page suggests more; the next request may still come back empty. */
  readonly hasNext = computed(() => this.entries().length === AUDIT_PAGE_SIZE);

  async setFilters(filters: AuditFilters): Promise<void> {
    this.filters.set(filters);
    this.cursors.set([undefined]);
    await this.fetch();
  }

  /** Narrows the current filters, e.g. to one person's changes. */
  async narrow(patch: AuditFilters): Promise<void> {
    await this.setFilters({ ...this.filters(), ...patch });
  }

  async next(): Promise<void> {
    const entries = this.entries();
    const last = entries[entries.length - 1];
    if (!last) return;
    this.cursors.update((c) => [...c, last.id]);
    await this.fetch();
  }

  async previous(): Promise<void> {
    if (!this.hasPrevious()) return;
    this.cursors.update((c) => c.slice(0, -1));
    await this.fetch();
  }

  async fetch(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const cursors = this.cursors();
      const before = cursors[cursors.length - 1];
      this.entries.set(await firstValueFrom(this.api.list({ ...this.filters(), limit: AUDIT_PAGE_SIZE, before })));
    } catch (e) {
      this.error.set(e);
    } finally {
      this.loading.set(false);
    }
  }
}
