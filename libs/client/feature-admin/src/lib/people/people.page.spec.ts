import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PersonAdminView } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, dialogs, flush, toggleByLabel } from '@flexdesk/client-ui/testing';
import { PeoplePage } from './people.page';

const ERIKA: PersonAdminView = {
  id: '00000000-0000-4000-8000-0000000000e1',
  email: 'erika@example.com',
  displayName: 'Erika Mustermann',
  roles: ['employee'],
  groupIds: ['g1'],
  homeBuildingId: null,
  active: true,
  hasPassword: true,
  identityProviders: [],
  externalId: null,
  createdAt: '2026-01-01T00:00:00Z',
  deactivatedAt: null,
};
/** The polite announcement, once it is there (the snack bar moves it into the live region late). */
async function politely(detect: () => void): Promise<string> {
  let message = '';
  for (let i = 0; i < 10 && !message; i++) message = await announced('polite', detect);
  return message;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('missing input');
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

// Material widgets render slowly on a busy machine; the default 5 s is too tight.
jest.setTimeout(30_000);

describe('PeoplePage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<PeoplePage>;
  const detect = () => fixture.detectChanges();
  const root = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PeoplePage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PeoplePage);
    detect();
    backend.expectOne('/api/admin/people?status=active&limit=50').flush({ items: [ERIKA], next: 'c1' });
    backend
      .expectOne('/api/admin/groups')
      .flush([{ id: 'g1', name: 'Bürgerservice', memberCount: 1, externalId: null }]);
    backend.expectOne('/api/buildings').flush([]);
    await flush(detect);
  });

  afterEach(() => backend.verify());

  it('lists people with roles and groups, and loads more by the cursor', async () => {
    const item = root().querySelector('[data-email="erika@example.com"]');
    expect(text(item)).toContain('Erika Mustermann');
    expect(text(item)).toContain('Beschäftigte · Bürgerservice');
    buttonByText(root(), 'Weitere laden')?.click();
    await flush(detect);
    backend.expectOne('/api/admin/people?status=active&after=c1&limit=50').flush({ items: [], next: null });
    await flush(detect);
    expect(buttonByText(root(), 'Weitere laden')).toBeNull();
  });

  it('searches as the person types', async () => {
    type(root().querySelector('[data-testid="people-search"]'), 'müller');
    await flush(detect, 300);
    backend.expectOne('/api/admin/people?status=active&query=m%C3%BCller&limit=50').flush({ items: [], next: null });
    await flush(detect);
    expect(text(root())).toContain('Keine Personen für diese Filter.');
  });

  it('invites a person and shows the link to pass on', async () => {
    buttonByText(root(), 'Person einladen')?.click();
    await flush(detect);
    const dialog = dialogs()[0];
    type(dialog.querySelector('#person-name'), 'Max Neu');
    type(dialog.querySelector('#person-email'), 'max@example.com');
    await toggleByLabel(dialog, 'Facility-Management', detect);
    buttonByText(dialog, 'Einladen')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'POST', url: '/api/admin/people' });
    expect(req.request.body).toEqual({
      displayName: 'Max Neu',
      email: 'max@example.com',
      roles: ['employee', 'facility_manager'],
      groupIds: [],
      homeBuildingId: null,
    });
    req.flush({
      person: { ...ERIKA, id: 'new', displayName: 'Max Neu', email: 'max@example.com', hasPassword: false },
      setPassword: { url: 'https://flexdesk.example/set-password#token=abc', expiresAt: '2026-12-11T10:00:00Z' },
    });
    await flush(detect);
    backend.expectOne('/api/admin/groups').flush([]);
    await flush(detect);
    expect(text(dialogs()[0].querySelector('[data-testid="password-link"]'))).toBe(
      'https://flexdesk.example/set-password#token=abc',
    );
    expect(root().querySelector('[data-email="max@example.com"]')).not.toBeNull();
  });

  it('deactivates a person after confirmation and says how many bookings were cancelled', async () => {
    root().querySelector<HTMLButtonElement>('button[aria-label="Erika Mustermann bearbeiten"]')?.click();
    await flush(detect);
    buttonByText(dialogs()[0], 'Deaktivieren')?.click();
    await flush(detect);
    expect(text(dialogs()[1])).toContain('künftige Buchungen werden storniert');
    buttonByText(dialogs()[1], 'Deaktivieren')?.click();
    await flush(detect);
    backend
      .expectOne({ method: 'POST', url: `/api/admin/people/${ERIKA.id}/deactivate` })
      .flush({ person: { ...ERIKA, active: false }, cancelledBookings: 3, endedSessions: 1 });
    expect(await politely(detect)).toContain('3 künftige Buchung(en) storniert');
    await flush(detect);
    expect(text(root().querySelector('[data-email="erika@example.com"]'))).toContain('deaktiviert');
  });
});
