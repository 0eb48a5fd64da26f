import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Colleague, ColleaguePlace } from '@flexdesk/shared-contracts';
import { localDateOf } from '@flexdesk/shared-domain';
import { BookingsApi, BuildingsApi, ColleaguesApi, I18n } from '@flexdesk/client-data-access';
import { Notifier } from '@flexdesk/client-ui';
import { firstValueFrom, of } from 'rxjs';
import { spaceNear } from './book-near';

/** The colleagues page: where the people I follow sit on a day, whom I follow, finding people. */
@Injectable()
export class ColleaguesStore {
  private readonly api = inject(ColleaguesApi);
  private readonly buildings = inject(BuildingsApi);
  private readonly bookings = inject(BookingsApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  readonly date = signal(localDateOf(new Date(), 'Europe/Berlin'));
  readonly query = signal('');

  private readonly placesResource = rxResource({
    params: () => this.date(),
    stream: ({ params }) => this.api.places(params),
  });
  private readonly followingResource = rxResource({ stream: () => this.api.following() });
  private readonly searchResource = rxResource({
    params: () => this.query().trim(),
    stream: ({ params }) => (params.length >= 2 ? this.api.search(params) : of(null)),
  });

  readonly places = computed<ColleaguePlace[]>(() =>
    this.placesResource.hasValue() ? this.placesResource.value().filter((p) => p.places.length) : [],
  );
  readonly following = computed<Colleague[]>(() =>
    this.followingResource.hasValue() ? this.followingResource.value() : [],
  );
  readonly results = computed<Colleague[] | null>(() =>
    this.searchResource.hasValue() ? this.searchResource.value() : null,
  );
  readonly loading = computed(() => this.placesResource.isLoading());
  readonly busy = signal<string | null>(null);

  async follow(c: Colleague): Promise<void> {
    await this.run(async () => {
      this.followingResource.set(await firstValueFrom(this.api.follow(c.id)));
      this.notifier.success(this.i18n.t('colleagues.followed', { name: c.displayName }));
      this.placesResource.reload();
      this.searchResource.reload();
    });
  }

  async unfollow(c: Colleague): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.unfollow(c.id), { defaultValue: undefined });
      this.notifier.success(this.i18n.t('colleagues.unfollowed', { name: c.displayName }));
      this.followingResource.reload();
      this.placesResource.reload();
      this.searchResource.reload();
    });
  }

  /** Books the whole day at the free desk nearest to where the colleague sits. */
  async bookNear(colleague: Colleague, spaceId: string, floorId: string): Promise<void> {
    const date = this.date();
    this.busy.set(spaceId);
    await this.run(async () => {
      const [floor, availability] = await Promise.all([
        firstValueFrom(this.buildings.floor(floorId)),
        firstValueFrom(this.buildings.availability(floorId, date)),
      ]);
      const space = spaceNear(floor, availability, spaceId);
      if (!space) {
        this.notifier.error(this.i18n.t('colleagues.noneNear', { name: colleague.displayName }));
        return;
      }
      const booking = await firstValueFrom(this.bookings.create({ spaceId: space.id, date, slot: 'day' }));
      this.notifier.success(
        this.i18n.t('colleagues.bookedNear', {
          label: booking.spaceLabel,
          name: colleague.displayName,
          date: this.i18n.formatDate(date),
        }),
        { focus: true },
      );
    });
    this.busy.set(null);
  }

  private async run(command: () => Promise<void>): Promise<void> {
    try {
      await command();
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    }
  }
}
