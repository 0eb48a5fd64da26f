import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { can } from '@flexdesk/shared-contracts';
import { I18n, SessionStore } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';

/**
 * PLACEHOLDER: the facility managers' landing page, until the building settings (opening hours,
 * closures, booking rules, floors; issue #11) are built here.
 */
@Component({
  selector: 'fd-buildings-page',
  imports: [RouterLink, MatButton, InlineAlert, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fd-page-header [heading]="i18n.t('buildings.heading')" />
    <fd-inline-alert kind="info" data-testid="placeholder">{{ i18n.t('buildings.placeholder') }}</fd-inline-alert>
    @if (canEditLayout()) {
      <a matButton="filled" routerLink="/editor">{{ i18n.t('buildings.toEditor') }}</a>
    }
  `,
})
export class BuildingsPage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);
  protected readonly canEditLayout = computed(() => can(this.session.me(), 'layout:edit'));
}
