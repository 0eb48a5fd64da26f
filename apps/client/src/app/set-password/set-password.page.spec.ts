import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { SetPasswordPage, tokenOfFragment } from './set-password.page';

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

describe('tokenOfFragment', () => {
  it('reads the token after #token=', () => {
    expect(tokenOfFragment('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenOfFragment('')).toBeNull();
    expect(tokenOfFragment('#token=<script>')).toBeNull();
  });
});

describe('SetPasswordPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    history.replaceState(null, '', '/set-password#token=tok123');
    TestBed.configureTestingModule({
      imports: [SetPasswordPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('greets the invited person and sets the password with the token', async () => {
    const fixture = TestBed.createComponent(SetPasswordPage);
    const link = backend.expectOne('/api/auth/password-link');
    expect(link.request.body).toEqual({ token: 'tok123' });
    link.flush({
      email: 'erika@example.com',
      displayName: 'Erika',
      purpose: 'invite',
      expiresAt: '2026-12-10T10:00:00Z',
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Willkommen, Erika!');

    type(el.querySelector('#new-password'), 'kurz');
    type(el.querySelector('#repeat-password'), 'kurz');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(el.textContent).toContain('mindestens 10 Zeichen');
    backend.expectNone('/api/auth/set-password');

    type(el.querySelector('#new-password'), 'ein langes Passwort');
    type(el.querySelector('#repeat-password'), 'ein langes Passwort');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const set = backend.expectOne('/api/auth/set-password');
    expect(set.request.body).toEqual({ token: 'tok123', password: 'ein langes Passwort' });
    set.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(el.textContent).toContain('Ihr Passwort ist gespeichert');
  });
});
