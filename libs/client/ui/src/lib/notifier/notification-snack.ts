import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_SNACK_BAR_DATA, MatSnackBarRef } from '@angular/material/snack-bar';
import { Icon } from '../icon/icon';
import { UI_LOCALE, UI_TEXTS } from '../locale/ui-locale';

export interface Notification {
  kind: 'success' | 'error';
  message: string;
  action?: { label: string; run: () => void };
  focus?: boolean;
  sticky?: boolean;
}

/**
 * The snack bar's content: a symbol and the message (never colour alone), the optional action and a
 * close button (Escape closes it too). It closes itself after `duration`, but not while the pointer
 * or focus is on it, so there is time to reach the action (WCAG 2.2.1).
 */
@Component({
  selector: 'fd-notification',
  imports: [MatButton, MatIconButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fd-icon class="fd-notification__symbol" [name]="data.kind === 'error' ? 'warning' : 'check'" />
    <p #message class="fd-notification__message" tabindex="-1">{{ data.message }}</p>
    @if (data.action; as action) {
      <button type="button" matButton class="fd-notification__action" (click)="act()">{{ action.label }}</button>
    }
    <button
      type="button"
      matIconButton
      class="fd-notification__close"
      [attr.aria-label]="closeLabel()"
      (click)="close()"
    >
      <fd-icon name="close" />
    </button>
  `,
  host: {
    class: 'fd-notification',
    '[class.fd-notification--error]': "data.kind === 'error'",
    '(mouseenter)': 'hold()',
    '(mouseleave)': 'release()',
    '(focusin)': 'hold()',
    '(focusout)': 'release()',
    '(keydown.escape)': 'close()',
  },
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: var(--fd-space-2, 0.5rem);
      color: var(--mat-sys-inverse-on-surface);
    }
    .fd-notification__message {
      flex: 1;
      margin: 0;
    }
    .fd-notification__action {
      --mat-button-text-label-text-color: var(--mat-sys-inverse-primary);
    }
    .fd-notification__close {
      --mat-icon-button-icon-color: var(--mat-sys-inverse-on-surface);
      margin-right: calc(-1 * var(--fd-space-2, 0.5rem));
    }
  `,
})
export class NotificationSnack {
  protected readonly data = inject<Notification & { duration: number | null }>(MAT_SNACK_BAR_DATA);
  private readonly ref = inject<MatSnackBarRef<NotificationSnack>>(MatSnackBarRef);
  private readonly locale = inject(UI_LOCALE);
  protected readonly closeLabel = computed(() => UI_TEXTS[this.locale()].dismissMessage);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly message = viewChild.required<ElementRef<HTMLElement>>('message');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.release();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    if (this.data.focus) afterNextRender(() => this.message().nativeElement.focus());
  }

  protected act(): void {
    this.data.action?.run();
    this.ref.dismissWithAction();
  }

  protected close(): void {
    this.ref.dismiss();
  }

  protected hold(): void {
    clearTimeout(this.timer);
  }

  /** (Re)starts the countdown, unless the pointer or the focus is still on the message. */
  protected release(): void {
    clearTimeout(this.timer);
    const host = this.host.nativeElement;
    if (host.matches(':hover') || host.contains(host.ownerDocument.activeElement)) return;
    const duration = this.data.duration;
    if (duration) this.timer = setTimeout(() => this.ref.dismiss(), duration);
  }
}
