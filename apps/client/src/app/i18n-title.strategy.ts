import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, MESSAGES_DE, type MessageKey } from '@flexdesk/client-data-access';

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && Object.prototype.hasOwnProperty.call(MESSAGES_DE, key);
}

/** Page titles from dictionary keys in the route config, re-translated when the language changes. */
@Injectable()
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly pageKey = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.pageKey();
      const name = this.i18n.t('app.name');
      this.title.setTitle(key ? this.i18n.t('app.pageTitle', { page: this.i18n.t(key) }) : name);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot);
    this.pageKey.set(isMessageKey(key) ? key : null);
  }
}
