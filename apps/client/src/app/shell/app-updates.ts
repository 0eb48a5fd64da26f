import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import { SwUpdate, type VersionReadyEvent } from '@angular/service-worker';
import { I18n } from '@flexdesk/client-data-access';
import { Notifier } from '@flexdesk/client-ui';
import { filter, interval } from 'rxjs';

/** How often an open app asks whether a new version was deployed (also asked at every start). */
const CHECK_EVERY_MS = 30 * 60_000;

/**
 * The installed app's life cycle: tells the person when a new version is ready (it is used at the
 * next load; the person chooses when, so no half-filled form is lost), reloads when the cached app
 * broke, and knows whether the browser is online (offline, pages show what was last loaded).
 */
@Injectable({ providedIn: 'root' })
export class AppUpdates {
  private readonly updates = inject(SwUpdate);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly onlineNow = signal(this.document.defaultView?.navigator.onLine ?? true);
  readonly online = this.onlineNow.asReadonly();

  start(): void {
    const window = this.document.defaultView;
    if (window) {
      const update = () => this.onlineNow.set(window.navigator.onLine);
      window.addEventListener('online', update);
      window.addEventListener('offline', update);
      this.destroyRef.onDestroy(() => {
        window.removeEventListener('online', update);
        window.removeEventListener('offline', update);
      });
    }
    if (!this.updates.isEnabled) return;
    const reload = { label: this.i18n.t('app.reload'), run: () => this.document.location.reload() };
    const ready = this.updates.versionUpdates
      .pipe(filter((e): e is VersionReadyEvent => e.type === 'VERSION_READY'))
      .subscribe(() => this.notifier.success(this.i18n.t('app.updateReady'), { action: reload, sticky: true }));
    const broken = this.updates.unrecoverable.subscribe(() => this.notifier.error(this.i18n.t('app.updateBroken'), { action: reload }));
    const checks = interval(CHECK_EVERY_MS).subscribe(() => void this.updates.checkForUpdate().catch(() => undefined));
    this.destroyRef.onDestroy(() => [ready, broken, checks].forEach((s) => s.unsubscribe()));
  }
}
