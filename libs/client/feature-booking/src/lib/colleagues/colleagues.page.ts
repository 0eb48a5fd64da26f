import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Colleague, ColleaguePlace } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { PageHeader } from '@flexdesk/client-ui';
import { ColleaguesStore } from './colleagues.store';

/** Follow colleagues who show their name, see where they sit on a day, and book nearby. */
@Component({
  selector: 'fd-colleagues-page',
  imports: [MatButton, MatFormField, MatHint, MatInput, MatLabel, PageHeader],
  providers: [ColleaguesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './colleagues.page.html',
  styles: `
    .people {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--fd-space-4);
    }
    .people > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fd-space-2) var(--fd-space-3);
      padding: var(--fd-space-2) 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      flex: 1 1 14rem;
    }
    .initials {
      display: inline-grid;
      place-items: center;
      width: 2rem;
      height: 2rem;
      margin-right: var(--fd-space-2);
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
      font-size: 0.8rem;
    }
  `,
})
export class ColleaguesPage {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(ColleaguesStore);

  protected placeText(place: ColleaguePlace['places'][number]): string {
    const where = this.i18n.t('colleagues.place', {
      label: place.spaceLabel,
      floor: place.floorName,
      building: place.buildingName,
    });
    return place.start && place.end
      ? `${where} · ${this.i18n.formatTimeRange(place.start, place.end, 'Europe/Berlin')}`
      : `${where} · ${this.i18n.t('colleagues.allDay')}`;
  }

  protected setDate(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value) this.store.date.set(value);
  }

  protected setQuery(event: Event): void {
    this.store.query.set((event.target as HTMLInputElement).value);
  }

  protected toggle(c: Colleague): void {
    void (c.following ? this.store.unfollow(c) : this.store.follow(c));
  }
}
