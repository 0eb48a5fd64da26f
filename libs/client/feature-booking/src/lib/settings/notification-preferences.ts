import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injectable, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import {
  API_ROUTES,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
} from '@flexdesk/shared-contracts';
import { I18n, apiUrl } from '@flexdesk/client-data-access';
import { InlineAlert, Notifier } from '@flexdesk/client-ui';
import { type Observable, firstValueFrom } from 'rxjs';

/** `GET/PUT /api/me/notification-preferences`. */
@Injectable({ providedIn: 'root' })
export class NotificationPreferencesApi {
  private readonly http = inject(HttpClient);

  get(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(apiUrl(API_ROUTES.notificationPreferences));
  }

  set(changes: Partial<NotificationPreferences>): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(apiUrl(API_ROUTES.notificationPreferences), changes);
  }
}

/** The settings panel "E-mails": one checkbox per kind, each saved on change. */
@Component({
  selector: 'fd-notification-preferences',
  imports: [MatCheckbox, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="settings-mail">
      <h2 id="settings-mail">{{ i18n.t('settings.mail.heading') }}</h2>
      <p id="settings-mail-hint" class="field__hint">{{ i18n.t('settings.mail.hint') }}</p>
      @if (preferences.error()) {
        <fd-inline-alert [retryLabel]="i18n.t('common.retry')" (retry)="preferences.reload()">{{
          i18n.t('settings.mail.loadFailed')
        }}</fd-inline-alert>
      } @else if (preferences.value(); as prefs) {
        <ul class="mail-kinds" role="list">
          @for (kind of kinds; track kind) {
            <li>
              <mat-checkbox
                [id]="'settings-mail-' + kind"
                [checked]="prefs[kind]"
                [disabled]="busy()"
                aria-describedby="settings-mail-hint"
                (change)="toggle(kind, $event)"
              >
                {{ i18n.t(labelOf(kind)) }}
              </mat-checkbox>
            </li>
          }
        </ul>
      } @else {
        <p aria-busy="true">{{ i18n.t('common.loading') }}</p>
      }
    </section>
  `,
  styles: `
    .mail-kinds {
      list-style: none;
      margin: 0;
      padding: 0;
    }
  `,
})
export class NotificationPreferencesPanel {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(NotificationPreferencesApi);
  private readonly notifier = inject(Notifier);
  protected readonly kinds: readonly NotificationKind[] = NOTIFICATION_KINDS;
  protected readonly busy = signal(false);
  protected readonly preferences = rxResource({ stream: () => this.api.get() });

  protected labelOf(kind: NotificationKind) {
    return `settings.mail.kind.${kind}` as const;
  }

  protected async toggle(kind: NotificationKind, change: MatCheckboxChange): Promise<void> {
    this.busy.set(true);
    try {
      this.preferences.set(await firstValueFrom(this.api.set({ [kind]: change.checked })));
      this.notifier.success(this.i18n.t(change.checked ? 'settings.mail.on' : 'settings.mail.off'));
    } catch (e) {
      change.source.checked = !change.checked;
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
