import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter, map } from 'rxjs';
import { LOCALES, type Locale } from '@flexdesk/shared-contracts';
import { I18n, SessionStore } from '@flexdesk/client-data-access';
import { Icon } from '@flexdesk/client-ui/base';
import { navigationFor } from './navigation';

/**
 * One compact row: the app's name, the pages the person's permissions open, the language and the
 * person's menu (settings, sign out). Below 900 px the pages move into a menu behind a button.
 */
@Component({
  selector: 'fd-app-header',
  imports: [
    RouterLink,
    RouterLinkActive,
    MatButton,
    MatDivider,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatToolbar,
    MatTooltip,
    Icon,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-header.html',
  styleUrl: './app-header.css',
})
export class AppHeader {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly locales = LOCALES;
  protected readonly navigation = computed(() => navigationFor(this.session.me()));
  protected readonly mainNavigation = computed(() => this.navigation().filter((item) => !item.admin));
  protected readonly adminNavigation = computed(() => this.navigation().filter((item) => item.admin));
  /** The administration menu's button shows as current on any of its pages. */
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly inAdmin = computed(() =>
    this.adminNavigation().some((item) => this.url().split(/[?#]/)[0] === item.path),
  );

  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected async logout(): Promise<void> {
    const endSessionUrl = await this.session.logout();
    // After a single sign-on the identity provider ends its session too, then sends the browser back.
    if (endSessionUrl) this.document.location.assign(endSessionUrl);
    else await this.router.navigateByUrl('/login');
  }
}
