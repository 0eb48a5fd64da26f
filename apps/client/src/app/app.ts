import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { I18n } from '@flexdesk/client-data-access';
import { filter, skip } from 'rxjs';
import { AppHeader } from './shell/app-header';

@Component({
  selector: 'fd-root',
  imports: [RouterOutlet, AppHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="focusMain($event)">{{ i18n.t('app.skipLink') }}</a>
    <fd-app-header />
    <main id="main" #main tabindex="-1" class="page">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly i18n = inject(I18n);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After an in-app navigation, start screen readers and keyboards at the new page's content
    // instead of leaving focus on a link that may no longer exist.
    const subscription = inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => this.main().nativeElement.focus({ preventScroll: true }));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
