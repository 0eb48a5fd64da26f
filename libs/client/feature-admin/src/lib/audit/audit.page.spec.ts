import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { AuditEntry } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { buttonByText, chooseOption, flush } from '@flexdesk/client-ui/testing';
import { detailsText } from './audit-table';
import { AUDIT_PAGE_SIZE } from './audit.store';
import { AuditPage } from './audit.page';

const ACTOR = '00000000-0000-4000-8000-000000000001';
const entry = (id: number): AuditEntry => ({
  id,
  at: '2026-12-01T09:30:00Z',
  actorId: ACTOR,
  actorName: 'Anna Admin',
  action: 'update',
  entityType: 'building',
  entityId: '00000000-0000-4000-8000-0000000000b1',
  details: { name: 'Rathaus' },
});
const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => entry(from - i));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// Material widgets render slowly on a busy machine; the default 5 s is too tight.
jest.setTimeout(30_000);

describe('AuditPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<AuditPage>;
  const detect = () => fixture.detectChanges();
  const root = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    detect();
    backend.expectOne(`/api/audit?limit=${AUDIT_PAGE_SIZE}`).flush(page(200, AUDIT_PAGE_SIZE));
    await flush(detect);
  });

  afterEach(() => backend.verify());

  it('shows a page of entries with who, what and when, in German', () => {
    const rows = root().querySelectorAll('[data-testid="audit-table"] tr[mat-row]');
    expect(rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(text(rows[0])).toContain('Anna Admin');
    expect(text(rows[0])).toContain('Gebäude');
    expect(text(rows[0])).toContain('01.12.2026');
  });

  it('pages backwards by id and back again', async () => {
    buttonByText(root(), 'Ältere')?.click();
    await flush(detect);
    backend.expectOne(`/api/audit?limit=${AUDIT_PAGE_SIZE}&before=151`).flush(page(150, 3));
    await flush(detect);
    expect(text(root())).toContain('Seite 2');
    expect(buttonByText(root(), 'Ältere')?.disabled).toBe(true);
    buttonByText(root(), 'Neuere')?.click();
    await flush(detect);
    backend.expectOne(`/api/audit?limit=${AUDIT_PAGE_SIZE}`).flush(page(200, AUDIT_PAGE_SIZE));
    await flush(detect);
    expect(text(root())).toContain('Seite 1');
  });

  it('filters by kind of object and by the person picked in the table', async () => {
    await chooseOption(root().querySelector('[data-testid="audit-entity-type"]'), 'Buchungsregeln', detect);
    buttonByText(root(), 'Anwenden')?.click();
    await flush(detect);
    backend.expectOne(`/api/audit?entityType=policies&limit=${AUDIT_PAGE_SIZE}`).flush([entry(5)]);
    await flush(detect);
    root().querySelector<HTMLButtonElement>('button[aria-label="Nur Änderungen von Anna Admin"]')?.click();
    await flush(detect);
    backend.expectOne(`/api/audit?actorId=${ACTOR}&entityType=policies&limit=${AUDIT_PAGE_SIZE}`).flush([]);
    await flush(detect);
    expect(text(root())).toContain('Keine Einträge für diese Filter.');
    expect(text(root())).toContain('Nur die Änderungen einer Person.');
  });

  it('shortens long details', () => {
    expect(detailsText({ a: 'x'.repeat(300) }, 20)).toHaveLength(20);
    expect(detailsText({ name: 'Rathaus', levels: [1, 2] })).toBe('name: Rathaus, levels: [1,2]');
  });
});
