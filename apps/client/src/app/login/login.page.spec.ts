import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import type { LoginResponse, SignInOptions } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { LoginPage } from './login.page';

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('missing input');
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('LoginPage', () => {
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap({ returnUrl: '/bookings' }) } },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function render(options: SignInOptions = { localLogin: true, sso: null }) {
    const fixture = TestBed.createComponent(LoginPage);
    backend.expectOne('/api/auth/providers').flush(options);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      el,
      email: el.querySelector<HTMLInputElement>('#login-email'),
      password: el.querySelector<HTMLInputElement>('#login-password'),
      submit: () => el.querySelector<HTMLButtonElement>('button[type=submit]')?.click(),
    };
  }

  it('labels its fields and shows the demo hint', async () => {
    const { el } = await render();
    expect(el.querySelector('label[for=login-email]')?.textContent).toContain('E-Mail-Adresse');
    expect(el.querySelector('label[for=login-password]')?.textContent).toContain('Passwort');
    expect(el.textContent).toContain('flexdesk');
  });

  it('explains missing input next to the field and sends nothing', async () => {
    const { fixture, el, email, submit } = await render();
    type(email, 'not-an-address');
    submit();
    await settle(fixture);

    expect(email?.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${email?.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'gültige E-Mail-Adresse',
    );
    expect(el.querySelector('#login-password-error')?.textContent).toContain('Passwort ein');
    expect(document.activeElement).toBe(email);
    backend.expectNone('/api/auth/login');
  });

  it('announces wrong credentials and stays on the page', async () => {
    const { fixture, el, email, password, submit } = await render();
    type(email, 'employee@example.com');
    type(password, 'wrong');
    submit();
    backend.expectOne('/api/auth/login').flush(
      {
        type: 'x',
        title: 'Nicht angemeldet',
        status: 401,
        code: 'INVALID_CREDENTIALS',
        detail: 'E-Mail-Adresse oder Passwort ist falsch.',
      },
      { status: 401, statusText: 'Unauthorized', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await settle(fixture);

    expect(el.querySelector('[role=alert]')?.textContent).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    expect(password?.value).toBe('');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('signs in and returns to the page the person came from', async () => {
    const { fixture, email, password, submit } = await render();
    type(email, ' employee@example.com ');
    type(password, 'flexdesk');
    submit();
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ email: 'employee@example.com', password: 'flexdesk' });
    const response: LoginResponse = {
      accessToken: 't',
      csrfToken: 'c',
      expiresAt: '2030-01-01T00:00:00Z',
      user: {
        id: 'u',
        displayName: 'Erika Mustermann',
        email: 'employee@example.com',
        roles: ['employee'],
        locale: 'de',
        showNameToColleagues: false,
        groupIds: [],
        defaultFloorId: null,
        homeBuildingId: null,
        suggestedHomeBuildingId: null,
        receptionBuildingIds: [],
      },
    };
    req.flush(response);
    await settle(fixture);
    expect(navigateByUrl).toHaveBeenCalledWith('/bookings');
  });

  it("offers the organisation's sign-in, returning to the page asked for", async () => {
    const { el } = await render({
      localLogin: true,
      sso: { label: 'Rathaus-Konto', loginUrl: '/api/auth/oidc/login' },
    });
    const link = el.querySelector<HTMLAnchorElement>('[data-testid="sso-login"]');
    expect(link?.textContent?.trim()).toBe('Anmelden mit Rathaus-Konto');
    expect(link?.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Fbookings');
    expect(el.querySelector('#login-password')).not.toBeNull();
  });

  it('hides the password form when local sign-in is off', async () => {
    const { el, password } = await render({
      localLogin: false,
      sso: { label: 'SSO', loginUrl: '/api/auth/oidc/login' },
    });
    expect(password).toBeNull();
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).not.toContain('flexdesk@');
  });
});
