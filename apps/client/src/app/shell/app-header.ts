import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { LOCALES, type Locale } from '@flexdesk/shared-contracts';
import { EDITOR_ROLES, I18n, RECEPTION_ROLES, SessionStore, hasAnyRole } from '@flexdesk/client-data-access';

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
  protected readonly canSeeReception = computed(() => hasAnyRole(this.session.me(), RECEPTION_ROLES));
  protected readonly canEdit = computed(() => hasAnyRole(this.session.me(), EDITOR_ROLES));
  protected readonly isAdmin = computed(() => hasAnyRole(this.session.me(), ['admin']));

  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl('/login');
  }
}
