import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { SSO_FAILURES, type SignInOptions, type SsoFailure } from '@flexdesk/shared-contracts';
import { AuthApi, I18n, SessionStore, landingPath, safeReturnUrl } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';

@Component({
  selector: 'fd-login-page',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatInput, MatLabel, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
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
    .auth-card__submit {
      width: 100%;
    }
    .auth-card__hint {
      margin-top: var(--fd-space-4);
    }
    .auth-card__sso {
      width: 100%;
      margin-bottom: var(--fd-space-3);
    }
    .auth-card__or {
      text-align: center;
      margin: var(--fd-space-2) 0 var(--fd-space-3);
    }
  `,
})
export class LoginPage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  /** Until the API answers, the password form shows (the usual case, and the safe fallback). */
  protected readonly options = signal<SignInOptions>({ localLogin: true, sso: null });
  /** Where "Sign in with …" goes: the provider, then back to the page the person asked for. */
  protected readonly ssoHref = computed(() => {
    const sso = this.options().sso;
    if (!sso) return null;
    const returnTo = this.route.snapshot.queryParamMap.get('returnUrl');
    if (!returnTo || safeReturnUrl(returnTo, '') === '') return sso.loginUrl;
    return `${sso.loginUrl}${sso.loginUrl.includes('?') ? '&' : '?'}returnTo=${encodeURIComponent(returnTo)}`;
  });
  /** Why a single sign-on came back here (`?sso=<reason>`). */
  protected readonly ssoFailure = computed(() => {
    const reason = this.route.snapshot.queryParamMap.get('sso');
    return (SSO_FAILURES as readonly string[]).includes(reason ?? '')
      ? this.i18n.t(`login.sso.${reason as SsoFailure}`)
      : null;
  });
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  constructor() {
    inject(AuthApi)
      .signInOptions()
      .subscribe({ next: (options) => this.options.set(options), error: () => undefined });
  }

  protected emailError(): string | null {
    const c = this.form.controls.email;
    if (!this.submitted() || c.valid) return null;
    return this.i18n.t(c.hasError('required') ? 'login.emailRequired' : 'login.emailInvalid');
  }

  protected passwordError(): string | null {
    return this.submitted() && this.form.controls.password.invalid ? this.i18n.t('login.passwordRequired') : null;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid) {
      (this.form.controls.email.invalid ? this.emailInput() : this.passwordInput())?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    try {
      const { email, password } = this.form.getRawValue();
      const me = await this.session.login(email.trim(), password);
      const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
      await this.router.navigateByUrl(safeReturnUrl(returnUrl, landingPath(me)));
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
      this.form.controls.password.reset();
      this.passwordInput()?.nativeElement.focus();
    } finally {
      this.busy.set(false);
    }
  }
}
