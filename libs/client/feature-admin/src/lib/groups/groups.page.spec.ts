import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { GroupAdminView, PersonAdminView } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, dialogs, flush } from '@flexdesk/client-ui/testing';
import { GroupsPage } from './groups.page';

// Material widgets render slowly on a busy machine; the default 5 s is too tight.
jest.setTimeout(30_000);

const TEAM: GroupAdminView = { id: 'g1', name: 'Bürgerservice', memberCount: 1, externalId: null };
const person = (id: string, displayName: string) =>
  ({
    id,
    displayName,
    email: `${id}@example.com`,
    roles: ['employee'],
    groupIds: [],
    active: true,
  }) as unknown as PersonAdminView;
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

describe('GroupsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<GroupsPage>;
  const detect = () => fixture.detectChanges();
  const root = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [GroupsPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GroupsPage);
    detect();
    backend.expectOne('/api/admin/groups').flush([TEAM]);
    await flush(detect);
  });

  afterEach(() => backend.verify());

  it('creates a group', async () => {
    type(root().querySelector('input[name="newGroup"]'), 'Bauamt');
    await flush(detect);
    buttonByText(root(), 'Gruppe anlegen')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'POST', url: '/api/admin/groups' });
    expect(req.request.body).toEqual({ name: 'Bauamt' });
    req.flush({ id: 'g2', name: 'Bauamt', memberCount: 0, externalId: null });
    await flush(detect);
    expect(await politely(detect)).toContain('„Bauamt“ wurde angelegt');
    expect([...root().querySelectorAll('[data-group]')].map((li) => li.getAttribute('data-group'))).toEqual([
      'Bauamt',
      'Bürgerservice',
    ]);
  });

  it('shows the members, finds a person and adds them', async () => {
    root().querySelector<HTMLButtonElement>('button[aria-label="Mitglieder von „Bürgerservice“"]')?.click();
    await flush(detect);
    backend.expectOne('/api/admin/people?groupId=g1&limit=200').flush({ items: [person('a', 'Anna')], next: null });
    await flush(detect);
    expect(text(root().querySelector('[data-testid="members"]'))).toContain('Anna');

    type(root().querySelector('input[name="q"]'), 'ber');
    await flush(detect);
    buttonByText(root(), 'Suchen')?.click();
    await flush(detect);
    backend
      .expectOne('/api/admin/people?query=ber&status=active&limit=10')
      .flush({ items: [person('a', 'Anna'), person('b', 'Bernd')], next: null });
    await flush(detect);
    expect(root().querySelector('button[aria-label="Anna hinzufügen"]')).toBeNull();
    root().querySelector<HTMLButtonElement>('button[aria-label="Bernd hinzufügen"]')?.click();
    await flush(detect);
    backend.expectOne({ method: 'PUT', url: '/api/admin/groups/g1/members/b' }).flush({ ...TEAM, memberCount: 2 });
    expect(await politely(detect)).toContain('Bernd gehört jetzt zu „Bürgerservice“');
    expect(text(root().querySelector('[data-group="Bürgerservice"]'))).toContain('2 Mitglieder');
  });

  it('deletes a group after saying what it means for restricted zones', async () => {
    root().querySelector<HTMLButtonElement>('button[aria-label="„Bürgerservice“ löschen"]')?.click();
    await flush(detect);
    expect(text(dialogs()[0])).toContain('für alle buchbar');
    buttonByText(dialogs()[0], 'Löschen')?.click();
    await flush(detect);
    backend
      .expectOne({ method: 'DELETE', url: '/api/admin/groups/g1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await flush(detect);
    expect(root().querySelector('[data-group]')).toBeNull();
  });
});
