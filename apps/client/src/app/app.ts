import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { filter, skip } from 'rxjs';
import { AppHeader } from './shell/app-header';
import { AppUpdates } from './shell/app-updates';

@Component({
  selector: 'fd-root',
  imports: [RouterOutlet, AppHeader, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="focusMain($event)">{{ i18n.t('app.skipLink') }}</a>
    <fd-app-header />
    @if (!updates.online()) {
      <fd-inline-alert kind="info" class="offline">{{ i18n.t('app.offline') }}</fd-inline-alert>
    }
    <main id="main" #main tabindex="-1" class="page">
      <router-outlet />
    </main>
  `,
  styles: `
    .skip-link {
      position: absolute;
      left: var(--fd-space-2);
      top: -4rem;
      z-index: 10;
      padding: var(--fd-space-2) var(--fd-space-4);
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font-weight: 600;
      border-radius: var(--fd-radius);
    }
    .skip-link:focus {
      top: var(--fd-space-2);
    }
    .offline {
      display: block;
      max-width: var(--fd-page-width);
      margin: var(--fd-space-3) auto 0;
      padding: 0 var(--fd-space-4);
    }
    .page {
      display: block;
      max-width: var(--fd-page-width);
      margin: 0 auto;
      padding: var(--fd-space-5) var(--fd-space-4) var(--fd-space-7);
    }
  `,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly updates = inject(AppUpdates);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    this.updates.start();
    // After an in-app navigation, start screen readers and keyboards at the new page's heading
    // instead of leaving focus on a link that may no longer exist.
    const subscription = inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => afterNextRender(() => this.focusHeading(), { injector: this.injector }));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    this.focusHeading();
  }

  /** The page's `h1` (focusable from script only), or the main region if the page has none. */
  private focusHeading(): void {
    const main = this.main().nativeElement;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    (heading ?? main).focus({ preventScroll: true });
    if (this.document.activeElement !== (heading ?? main)) main.focus({ preventScroll: true });
  }
}
