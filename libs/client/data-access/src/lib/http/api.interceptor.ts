import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { I18n } from '../i18n/i18n';
import { isApiUrl } from './api-url';
import { SKIP_AUTH_REDIRECT } from './http-context';
import { ProblemError, problemOf } from './problem-error';

/**
 * For every API call: asks for messages in the UI language, turns problem documents into
 * `ProblemError`s, and sends the user back to the sign-in page when their session has ended.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url)) return next(req);
  const i18n = inject(I18n);
  const session = inject(SessionStore);
  const router = inject(Router);

  const localized = req.headers.has('Accept-Language')
    ? req
    : req.clone({ setHeaders: { 'Accept-Language': i18n.locale() } });

  return next(localized).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      if (error.status === 401 && !req.context.get(SKIP_AUTH_REDIRECT)) {
        session.clear();
        const current = router.url;
        if (!current.startsWith('/login')) {
          void router.navigate(['/login'], {
            queryParams: current && current !== '/' ? { returnUrl: current } : {},
          });
        }
      }
      const problem = problemOf(error);
      return throwError(() => (problem ? new ProblemError(problem) : error));
    }),
  );
};
