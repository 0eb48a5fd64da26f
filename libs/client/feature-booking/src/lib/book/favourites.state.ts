import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Favourite } from '@flexdesk/shared-contracts';
import { FavouritesApi, I18n } from '@flexdesk/client-data-access';
import { Notifier } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';

/** The person's starred spaces, toggled from the plan's card and the list. */
@Injectable()
export class FavouritesState {
  private readonly api = inject(FavouritesApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  private readonly resource = rxResource({ stream: () => this.api.list() });
  /** Stars changed here, shown at once while the server confirms. */
  private readonly pending = signal<ReadonlyMap<string, boolean>>(new Map());
  readonly list = computed<Favourite[]>(() => (this.resource.hasValue() ? this.resource.value() : []));
  readonly ids = computed<ReadonlySet<string>>(() => {
    const ids = new Set(this.list().map((f) => f.spaceId));
    for (const [id, on] of this.pending()) {
      if (on) ids.add(id);
      else ids.delete(id);
    }
    return ids;
  });

  async toggle(space: { id: string; label: string }): Promise<void> {
    const on = !this.ids().has(space.id);
    this.pending.update((m) => new Map(m).set(space.id, on));
    try {
      if (on) {
        const list = await firstValueFrom(this.api.add(space.id));
        this.resource.set(list);
      } else {
        await firstValueFrom(this.api.remove(space.id), { defaultValue: undefined });
        this.resource.update((list) => (list ?? []).filter((f) => f.spaceId !== space.id));
      }
      this.notifier.success(this.i18n.t(on ? 'book.favourite.added' : 'book.favourite.removed', { label: space.label }));
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.pending.update((m) => {
        const next = new Map(m);
        next.delete(space.id);
        return next;
      });
    }
  }
}
