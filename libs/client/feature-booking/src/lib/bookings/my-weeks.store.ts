import { Injectable, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { BookingSeries, WaitlistEntry } from '@flexdesk/shared-contracts';
import { I18n, PresenceApi, SeriesApi, WaitlistApi } from '@flexdesk/client-data-access';
import { Notifier } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';

/**
 * My bookings' working-week parts: series, absences, my assigned desk with its released days, and
 * the waiting list. Each command says what happened and reloads what it changed; `changed` tells the
 * page to reload the bookings too (absences and series cancel bookings).
 */
@Injectable()
export class MyWeeksStore {
  private readonly seriesApi = inject(SeriesApi);
  private readonly presence = inject(PresenceApi);
  private readonly waitlistApi = inject(WaitlistApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  private readonly seriesResource = rxResource({ stream: () => this.seriesApi.list() });
  private readonly absencesResource = rxResource({ stream: () => this.presence.absences() });
  private readonly desksResource = rxResource({ stream: () => this.presence.assignedDesks() });
  private readonly waitlistResource = rxResource({ stream: () => this.waitlistApi.list() });

  readonly series = computed(() =>
    (this.seriesResource.hasValue() ? this.seriesResource.value() : []).filter((s) => !s.ended),
  );
  readonly absences = computed(() => (this.absencesResource.hasValue() ? this.absencesResource.value() : []));
  readonly desks = computed(() => (this.desksResource.hasValue() ? this.desksResource.value() : []));
  readonly waitlist = computed(() => (this.waitlistResource.hasValue() ? this.waitlistResource.value() : []));

  /** Called after anything that may have cancelled or made bookings. */
  onBookingsChanged: () => void = () => undefined;

  async endSeries(series: Pick<BookingSeries, 'id' | 'spaceLabel'>, from: string): Promise<void> {
    await firstValueFrom(this.seriesApi.end(series.id, from), { defaultValue: undefined });
    this.notifier.success(
      this.i18n.t('weeks.series.ended', { label: series.spaceLabel, date: this.i18n.formatDate(from) }),
    );
    this.seriesResource.reload();
    this.onBookingsChanged();
  }

  async addAbsence(from: string, to: string): Promise<boolean> {
    return this.run(async () => {
      const result = await firstValueFrom(this.presence.addAbsence({ from, to }));
      this.notifier.success(this.i18n.t('weeks.absences.added', { count: result.cancelledBookings }));
      this.absencesResource.reload();
      this.desksResource.reload();
      this.onBookingsChanged();
    });
  }

  async removeAbsence(id: string): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.presence.removeAbsence(id), { defaultValue: undefined });
      this.notifier.success(this.i18n.t('weeks.absences.removed'));
      this.absencesResource.reload();
      this.desksResource.reload();
    });
  }

  async release(desk: { spaceId: string; spaceLabel: string }, date: string): Promise<boolean> {
    return this.run(async () => {
      const desks = await firstValueFrom(this.presence.release(desk.spaceId, date));
      this.desksResource.set(desks);
      this.notifier.success(
        this.i18n.t('weeks.assigned.releasedDone', { label: desk.spaceLabel, date: this.i18n.formatDate(date) }),
      );
    });
  }

  async unrelease(desk: { spaceId: string; spaceLabel: string }, date: string): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.presence.unrelease(desk.spaceId, date), { defaultValue: undefined });
      this.notifier.success(
        this.i18n.t('weeks.assigned.taken', { label: desk.spaceLabel, date: this.i18n.formatDate(date) }),
      );
      this.desksResource.reload();
    });
  }

  async leaveWaitlist(entry: WaitlistEntry): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.waitlistApi.leave(entry.id), { defaultValue: undefined });
      this.notifier.success(this.i18n.t('weeks.waitlist.left'));
      this.waitlistResource.reload();
    });
  }

  reload(): void {
    for (const r of [this.seriesResource, this.absencesResource, this.desksResource, this.waitlistResource]) r.reload();
  }

  private async run(command: () => Promise<void>): Promise<boolean> {
    try {
      await command();
      return true;
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
      return false;
    }
  }
}
