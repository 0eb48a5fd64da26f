import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, inject, isDevMode, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withInMemoryScrolling } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { I18n, apiInterceptor } from '@flexdesk/client-data-access';
import { UI_LOCALE } from '@flexdesk/client-ui/base';
import { appRoutes } from './app.routes';
import { I18nTitleStrategy } from './i18n-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // XSRF protection is on by default: the XSRF-TOKEN cookie is echoed as X-XSRF-TOKEN on relative URLs.
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // The shared widgets' own texts and date formats follow the UI language.
    { provide: UI_LOCALE, useFactory: () => inject(I18n).locale },
    // Installable, and My bookings readable offline (ngsw-config.json); built apps only.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:5000' }),
  ],
};
