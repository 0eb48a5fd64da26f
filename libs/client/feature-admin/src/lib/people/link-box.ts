import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { PasswordLink } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** A one-time set-password link to pass on, with its expiry and a copy button. */
@Component({
  selector: 'fd-link-box',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      padding: var(--fd-space-3);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fd-radius, 8px);
      margin: var(--fd-space-2) 0;
    }
    code {
      display: block;
      overflow-wrap: anywhere;
      margin: var(--fd-space-2) 0;
    }
  `,
  template: `
    <strong>{{ label() }}</strong>
    <code data-testid="password-link">{{ link().url }}</code>
    <span class="muted">{{ i18n.t('people.linkValidUntil', { date: until() }) }}</span>
    <button type="button" matButton="outlined" (click)="copy()">
      {{ copied() ? i18n.t('people.copied') : i18n.t('people.copy') }}
    </button>
  `,
})
export class LinkBox {
  protected readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);
  readonly link = input.required<PasswordLink>();
  readonly label = input.required<string>();
  protected readonly copied = signal(false);

  protected until(): string {
    return new Intl.DateTimeFormat(this.i18n.languageTag(), { dateStyle: 'long' }).format(
      new Date(this.link().expiresAt),
    );
  }

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.link().url));
  }
}
