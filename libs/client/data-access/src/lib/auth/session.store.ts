import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Locale, Me, UpdateMeRequest } from '@flexdesk/shared-contracts';
import { firstValueFrom } from 'rxjs';
import { isProblemError } from '../http/problem-error';
import { I18n } from '../i18n/i18n';
import { AuthApi } from './auth.api';
import { forgetOfflineData } from './offline-data';

/** Who is signed in. The session itself is the httpOnly cookie; this only mirrors `GET /api/me`. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  private readonly current = signal<Me | null>(null);
  private probe: Promise<Me | null> | null = null;

  readonly me = this.current.asReadonly();
  readonly isLoggedIn = computed(() => this.current() !== null);

  constructor() {
    // A language picked while signed in becomes the user's saved preference (also used for e-mails
    // and calendar invites the server writes).
    effect(() => {
      const locale = this.i18n.locale();
      untracked(() => this.saveLocale(locale));
    });
  }

  /**
   * Asks the API who is signed in, once; later calls share the answer. A 401 means nobody; other
   * failures (API unreachable) also give null but are asked again next time.
   */
  load(): Promise<Me | null> {
    this.probe ??= firstValueFrom(this.api.me()).then(
      (me) => {
        this.start(me);
        return me;
      },
      (error: unknown) => {
        this.current.set(null);
        if (!(isProblemError(error) && error.status === 401)) this.probe = null;
        return null;
      },
    );
    return this.probe;
  }

  /** Rejects with a `ProblemError` (e.g. `INVALID_CREDENTIALS`) when the API refuses. */
  async login(email: string, password: string): Promise<Me> {
    const { user } = await firstValueFrom(this.api.login({ email, password }));
    this.start(user);
    this.probe = Promise.resolve(user);
    return user;
  }

  /**
   * Signs out here; after a single sign-on, resolves with the identity provider's page that ends
   * its session too (the caller sends the browser there), else null.
   */
  async logout(): Promise<string | null> {
    try {
      const { endSessionUrl } = await firstValueFrom(this.api.logout());
      return endSessionUrl ?? null;
    } catch {
      // Signed out locally either way; the server session expires on its own.
      return null;
    } finally {
      this.clear();
    }
  }

  /**
   * Saves profile settings and mirrors the answer, so pages that read `me()` (e.g. the default floor)
   * follow at once. Rejects with a `ProblemError` when the API refuses.
   */
  async update(body: UpdateMeRequest): Promise<Me> {
    const updated = await firstValueFrom(this.api.updateMe(body));
    if (this.current()?.id === updated.id) this.current.set(updated);
    return updated;
  }

  /** Forgets the user without asking the server, e.g. after a 401. */
  clear(): void {
    if (this.current()) void forgetOfflineData();
    this.current.set(null);
    this.probe = Promise.resolve(null);
    this.i18n.takeExplicitChoice();
  }

  /**
   * The saved preference wins, unless the person picked a language on the sign-in page just now:
   * then that choice is saved to their profile.
   */
  private start(me: Me): void {
    this.current.set(me);
    if (this.i18n.takeExplicitChoice()) this.saveLocale(this.i18n.locale());
    else this.i18n.adopt(me.locale);
  }

  private saveLocale(locale: Locale): void {
    const me = this.current();
    if (!me || me.locale === locale) return;
    this.api.updateMe({ locale }).subscribe({
      next: (updated) => {
        if (this.current()?.id === updated.id) this.current.set(updated);
      },
      // The UI language has switched anyway; only the saved preference is behind.
      error: () => undefined,
    });
  }
}
