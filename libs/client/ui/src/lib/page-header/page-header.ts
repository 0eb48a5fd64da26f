import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A page's title, and its page-wide actions beside it (they wrap below on a phone). The heading
 * takes focus after each navigation (the shell does that), so it is focusable from script only.
 */
@Component({
  selector: 'fd-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 tabindex="-1">{{ heading() }}</h1>
    <div class="fd-page-header__actions"><ng-content /></div>
  `,
  host: { class: 'fd-page-header' },
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--fd-space-2, 0.5rem) var(--fd-space-4, 1rem);
      margin-bottom: var(--fd-space-4, 1rem);
    }
    h1 {
      margin: 0;
    }
    .fd-page-header__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fd-space-2, 0.5rem);
    }
    .fd-page-header__actions:empty {
      display: none;
    }
  `,
})
export class PageHeader {
  readonly heading = input.required<string>();
}
