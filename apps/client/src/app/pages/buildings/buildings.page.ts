import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { can } from '@flexdesk/shared-contracts';
import { I18n, SessionStore } from '@flexdesk/client-data-access';

/**
 * PLACEHOLDER: the facility managers' landing page, until the building settings (opening hours,
 * closures, booking rules, floors; issue #11) are built here.
 */
@Component({
  selector: 'fd-buildings-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ i18n.t('buildings.heading') }}</h1>
    <p class="notice" data-testid="placeholder">{{ i18n.t('buildings.placeholder') }}</p>
    @if (canEditLayout()) {
      <p>
        <a routerLink="/editor">{{ i18n.t('buildings.toEditor') }}</a>
      </p>
    }
  `,
})
export class BuildingsPage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);
  protected readonly canEditLayout = computed(() => can(this.session.me(), 'layout:edit'));
}
