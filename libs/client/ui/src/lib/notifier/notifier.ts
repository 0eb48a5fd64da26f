import { DOCUMENT, Injectable, inject } from '@angular/core';
import { MatSnackBar, type MatSnackBarRef } from '@angular/material/snack-bar';
import { type Notification, NotificationSnack } from './notification-snack';

export interface NotifyOptions {
  /** One action next to the message, e.g. Undo. */
  action?: { label: string; run: () => void };
  /**
   * Moves focus to the message, for when the control the person used has gone (a closed dialog, a
   * row whose button changed). Focus goes back to the page when the message is closed.
   */
  focus?: boolean;
  /** Stays until the person acts on it or closes it (e.g. "a new version is available"). */
  sticky?: boolean;
}

/** How long a message stays, unless pointer or focus rests on it; errors stay until closed. */
export const NOTIFY_DURATION_MS = 6_000;
export const NOTIFY_ACTION_DURATION_MS = 10_000;

/**
 * Tells the person what just happened, at the bottom of the screen where it is seen wherever they
 * are on the page: success politely, errors assertively (Material's snack bar moves the message into
 * an `aria-live` region, so screen readers read it). One message at a time; a new one replaces the
 * last. Errors about a particular field belong next to that field (`fd-inline-alert`), not here.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly document = inject(DOCUMENT);

  success(message: string, options: NotifyOptions = {}): MatSnackBarRef<NotificationSnack> {
    return this.open({ kind: 'success', message, ...options });
  }

  error(message: string, options: NotifyOptions = {}): MatSnackBarRef<NotificationSnack> {
    return this.open({ kind: 'error', message, ...options });
  }

  dismiss(): void {
    this.snackBar.dismiss();
  }

  private open(notification: Notification): MatSnackBarRef<NotificationSnack> {
    const opener = this.document.activeElement instanceof HTMLElement ? this.document.activeElement : null;
    const ref = this.snackBar.openFromComponent(NotificationSnack, {
      data: {
        ...notification,
        duration:
          notification.kind === 'error' || notification.sticky
            ? null
            : notification.action
              ? NOTIFY_ACTION_DURATION_MS
              : NOTIFY_DURATION_MS,
      },
      politeness: notification.kind === 'error' ? 'assertive' : 'polite',
      panelClass: ['fd-snack-panel', `fd-snack-panel--${notification.kind}`],
    });
    if (notification.focus) {
      ref.afterDismissed().subscribe(() => {
        // Only if the focus is still lost with the message: never pull it away from where the person went.
        const active = this.document.activeElement;
        if (active && active !== this.document.body && !active.closest('mat-snack-bar-container')) return;
        const target = opener?.isConnected && opener !== this.document.body ? opener : this.pageHeading();
        target?.focus();
      });
    }
    return ref;
  }

  private pageHeading(): HTMLElement | null {
    return this.document.querySelector<HTMLElement>('main h1') ?? this.document.getElementById('main');
  }
}
