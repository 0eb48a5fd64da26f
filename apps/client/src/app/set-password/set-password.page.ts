import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordTokenInfo } from '@flexdesk/shared-contracts';
import { AuthApi, I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';

/** The token of an invitation or reset link; it travels in the fragment, so no server logs it. */
export function tokenOfFragment(fragment: string): string | null {
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_.~-]{1,400}$/.test(token) ? token : null;
}

/** Where an invitation or reset link leads: the person chooses a password, then signs in. */
@Component({
  selector: 'fd-set-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    InlineAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .auth-card {
      max-width: 28rem;
      margin: var(--fd-space-4) auto;
      padding: var(--fd-space-5);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fd-radius);
    }
    mat-form-field,
    button[type='submit'] {
      width: 100%;
    }
  `,
  template: `
    <div class="auth-card">
      <h1 tabindex="-1">{{ i18n.t('setPassword.heading') }}</h1>
      @if (done()) {
        <fd-inline-alert kind="success">{{ i18n.t('setPassword.done') }}</fd-inline-alert>
        <a matButton="filled" routerLink="/login">{{ i18n.t('setPassword.toLogin') }}</a>
      } @else if (linkError(); as message) {
        <fd-inline-alert>{{ message }}</fd-inline-alert>
        <a matButton="outlined" routerLink="/login">{{ i18n.t('setPassword.toLogin') }}</a>
      } @else if (info(); as who) {
        <p>
          {{
            i18n.t(who.purpose === 'invite' ? 'setPassword.invite' : 'setPassword.reset', {
              name: who.displayName,
              email: who.email,
            })
          }}
        </p>
        <p class="muted">{{ i18n.t('setPassword.validUntil', { date: until(who.expiresAt) }) }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          @if (error(); as message) {
            <fd-inline-alert>{{ message }}</fd-inline-alert>
          }
          <input type="email" hidden autocomplete="username" [value]="who.email" />
          <mat-form-field>
            <mat-label>{{ i18n.t('setPassword.password') }}</mat-label>
            <input matInput id="new-password" type="password" autocomplete="new-password" formControlName="password" />
            <mat-hint>{{ i18n.t('setPassword.hint', { min: min }) }}</mat-hint>
            @if (submitted() && form.controls.password.invalid) {
              <mat-error>{{ i18n.t('setPassword.tooShort', { min: min }) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ i18n.t('setPassword.repeat') }}</mat-label>
            <input matInput id="repeat-password" type="password" autocomplete="new-password" formControlName="repeat" />
            @if (submitted() && mismatch()) {
              <mat-error>{{ i18n.t('setPassword.mismatch') }}</mat-error>
            }
          </mat-form-field>
          <button type="submit" matButton="filled" [disabled]="busy()">{{ i18n.t('setPassword.submit') }}</button>
        </form>
      } @else {
        <p role="status">{{ i18n.t('setPassword.checking') }}</p>
      }
    </div>
  `,
})
export class SetPasswordPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  protected readonly min = PASSWORD_MIN_LENGTH;
  private readonly token = tokenOfFragment(inject(DOCUMENT).location.hash);

  protected readonly info = signal<PasswordTokenInfo | null>(null);
  protected readonly linkError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly submitted = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    repeat: [''],
  });

  constructor() {
    if (!this.token) {
      this.linkError.set(this.i18n.t('setPassword.noToken'));
      return;
    }
    this.api.passwordLink(this.token).subscribe({
      next: (info) => this.info.set(info),
      error: (e: unknown) => this.linkError.set(this.i18n.errorMessage(e)),
    });
  }

  protected mismatch(): boolean {
    const { password, repeat } = this.form.getRawValue();
    return password !== repeat;
  }

  protected until(instant: string): string {
    return new Intl.DateTimeFormat(this.i18n.languageTag(), { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(instant),
    );
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    if (!this.token || this.form.invalid || this.mismatch()) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.setPassword(this.token, this.form.getRawValue().password));
      this.done.set(true);
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
