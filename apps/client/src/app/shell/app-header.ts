import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { LOCALES, type Locale, can } from '@flexdesk/shared-contracts';
import { I18n, SessionStore } from '@flexdesk/client-data-access';

@Component({
  selector: 'fd-app-header',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-header.html',
})
export class AppHeader {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly locales = LOCALES;
  protected readonly canSeeReception = computed(() => can(this.session.me(), 'reception:board'));
  protected readonly canEdit = computed(() => can(this.session.me(), 'layout:edit'));
  protected readonly canManageBuildings = computed(() => can(this.session.me(), 'buildings:write'));
  protected readonly canAssignReception = computed(() => can(this.session.me(), 'reception:assign'));

  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl('/login');
  }
}
