import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BuildingSummary, LayoutDraft, LayoutSpace } from '@flexdesk/shared-contracts';
import { FloorPlanComponent } from '@flexdesk/client-ui-floor-plan';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { EditorPage } from './editor.page';

/** Konva is ESM-only and needs a canvas; the plan has its own specs, so the page gets a stand-in. */
@Component({ selector: 'fd-floor-plan', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class FloorPlanStub {
  readonly floor = input<unknown>();
  readonly availability = input<unknown>();
  readonly selectedSpaceId = input<string | null>(null);
  readonly labels = input<unknown>();
  readonly spaceSelected = output<string>();
}

const buildings: BuildingSummary[] = [
  {
    id: 'b1',
    name: 'Rathaus',
    address: 'Markt 1',
    timeZone: 'Europe/Berlin',
    floors: [{ id: 'f1', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 2 }],
  },
];

const desk = (id: string, label: string, x: number): LayoutSpace => ({
  id,
  zoneId: null,
  kind: 'desk',
  label,
  x,
  y: 0,
  width: 100,
  height: 50,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
});

function draft(version: number, overrides: Partial<LayoutDraft> = {}): LayoutDraft {
  return {
    floorId: 'f1',
    publishedVersion: 1,
    draftVersion: version,
    unpublished: false,
    layout: {
      plan: { width: 4000, height: 2000, scale: null },
      zones: [],
      spaces: [
        desk('11111111-1111-4111-8111-111111111111', 'A1', 0),
        desk('22222222-2222-4222-8222-222222222222', 'A2', 200),
      ],
    },
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  };
}

const problem = (status: number, body: Record<string, unknown>) => ({
  body: { type: 'x', title: 'x', detail: 'x', status, ...body },
  opts: { status, statusText: 'x', headers: { 'Content-Type': 'application/problem+json' } },
});

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

// The first test compiles the page (a wide table of inputs); on a busy CI runner that can pass 5 s.
jest.setTimeout(20_000);

describe('EditorPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<EditorPage>;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [EditorPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.overrideComponent(EditorPage, { remove: { imports: [FloorPlanComponent] }, add: { imports: [FloorPlanStub] } });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EditorPage);
    el = fixture.nativeElement;
    await settle(fixture);
    backend.expectOne('/api/buildings').flush(buildings);
    await settle(fixture);
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(draft(5));
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  const rows = () => el.querySelectorAll('.editor-table tbody tr');
  const button = (text: string) =>
    [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);
  const click = async (text: string) => {
    const b = button(text);
    if (!b) throw new Error(`no button ${text}`);
    b.click();
    await settle(fixture);
  };
  const type = (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no input ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('change'));
  };
  const status = () => el.querySelector('[role=status]')?.textContent ?? '';

  it('loads the draft into the table of spaces', () => {
    expect(rows().length).toBe(2);
    expect(el.querySelector<HTMLInputElement>('#space-1-label')?.value).toBe('A2');
    expect(el.querySelector('#space-1-label')?.getAttribute('aria-label')).toBe('Bezeichnung, Zeile 2');
    expect(el.querySelector('[data-testid=draft-state]')?.textContent).toContain('Entwurf Version 5');
    expect(fixture.componentInstance.canLeave()).toBe(true);
  });

  it('adds a row of 10 desks, and undoes and redoes it', async () => {
    type('#row-prefix', 'B');
    type('#row-y', '500');
    el.querySelector('#row-prefix')?.closest('form')?.requestSubmit();
    await settle(fixture);
    expect(rows().length).toBe(12);
    expect(el.querySelector<HTMLInputElement>('#space-2-label')?.value).toBe('B1');
    expect(el.querySelector<HTMLInputElement>('#space-11-label')?.value).toBe('B10');
    expect(el.querySelector<HTMLInputElement>('#space-11-y')?.value).toBe('500');
    expect(status()).toContain('10 Schreibtische hinzugefügt (B1 bis B10)');
    expect(fixture.componentInstance.canLeave()).toBe(false);

    await click('Rückgängig');
    expect(rows().length).toBe(2);
    expect(fixture.componentInstance.canLeave()).toBe(true);

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true, bubbles: true }));
    await settle(fixture);
    expect(rows().length).toBe(12);

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle(fixture);
    expect(rows().length).toBe(2);
  });

  it('edits a cell and deletes a row, each one undoable step', async () => {
    type('#space-0-label', 'A0');
    await settle(fixture);
    await click('Löschen');
    expect(rows().length).toBe(1);
    await click('Rückgängig');
    expect(rows().length).toBe(2);
    expect(el.querySelector<HTMLInputElement>('#space-0-label')?.value).toBe('A0');
    await click('Rückgängig');
    expect(el.querySelector<HTMLInputElement>('#space-0-label')?.value).toBe('A1');
  });

  it('saves the whole layout with the draft version', async () => {
    type('#space-0-x', '50');
    await settle(fixture);
    await click('Entwurf speichern');
    const req = backend.expectOne({ method: 'PUT', url: '/api/floors/f1/layout/draft' });
    expect(req.request.body.draftVersion).toBe(5);
    expect(req.request.body.layout.spaces[0].x).toBe(50);
    expect(req.request.body.layout.spaces).toHaveLength(2);
    req.flush(draft(6, { unpublished: true }));
    await settle(fixture);
    expect(status()).toContain('Entwurf gespeichert (Version 6)');
    expect(fixture.componentInstance.canLeave()).toBe(true);
  });

  it('checks the layout before sending and links each error to its field', async () => {
    type('#space-1-label', 'a1');
    await settle(fixture);
    await click('Entwurf speichern');
    backend.expectNone({ method: 'PUT' });
    const link = el.querySelector<HTMLAnchorElement>('.error-summary a');
    expect(link?.textContent).toContain('Platz in Zeile 2 (a1), Bezeichnung: duplicate label');
    link?.click();
    expect(document.activeElement?.id).toBe('space-1-label');
  });

  it("lists the API's validation errors by row", async () => {
    type('#space-0-x', '10');
    await settle(fixture);
    await click('Entwurf speichern');
    const { body, opts } = problem(400, {
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'layout.spaces[1].width', message: 'zu breit' }],
    });
    backend.expectOne({ method: 'PUT' }).flush(body, opts);
    await settle(fixture);
    const link = el.querySelector<HTMLAnchorElement>('.error-summary a');
    expect(link?.textContent).toContain('Platz in Zeile 2 (A2), Breite: zu breit');
    expect(link?.getAttribute('href')).toBe('#space-1-width');
  });

  it('on a stale version keeps my layout and saves it again with the newer version', async () => {
    type('#space-0-label', 'Mine');
    await settle(fixture);
    await click('Entwurf speichern');
    const { body, opts } = problem(409, { code: 'STALE_VERSION' });
    backend.expectOne({ method: 'PUT' }).flush(body, opts);
    await settle(fixture);
    expect(el.querySelector('[data-testid=stale]')?.textContent).toContain('Jemand anderes');

    await click('Meine Änderungen behalten');
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(draft(7));
    await settle(fixture);
    const req = backend.expectOne({ method: 'PUT' });
    expect(req.request.body.draftVersion).toBe(7);
    expect(req.request.body.layout.spaces[0].label).toBe('Mine');
    req.flush(draft(8));
    await settle(fixture);
    expect(status()).toContain('Version 8');
    expect(el.querySelector('[data-testid=stale]')).toBeNull();
  });

  it('on a stale version can reload the server draft instead', async () => {
    type('#space-0-label', 'Mine');
    await settle(fixture);
    await click('Entwurf speichern');
    const { body, opts } = problem(409, { code: 'STALE_VERSION' });
    backend.expectOne({ method: 'PUT' }).flush(body, opts);
    await settle(fixture);
    await click('Neu laden');
    const theirs = draft(7);
    theirs.layout.spaces[0] = { ...theirs.layout.spaces[0], label: 'Theirs' };
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(theirs);
    await settle(fixture);
    expect(el.querySelector<HTMLInputElement>('#space-0-label')?.value).toBe('Theirs');
    expect(fixture.componentInstance.canLeave()).toBe(true);
  });

  it('asks before publishing when bookings would be cancelled, then publishes with confirmation', async () => {
    await click('Veröffentlichen');
    const first = backend.expectOne({ method: 'POST', url: '/api/floors/f1/layout/publish' });
    expect(first.request.body).toEqual({ draftVersion: 5 });
    const { body, opts } = problem(409, {
      code: 'AFFECTED_BOOKINGS',
      affectedBookings: [
        { id: 'x', spaceLabel: 'A2', start: '2030-05-06T07:00:00.000Z', end: '2030-05-06T15:00:00.000Z' },
      ],
    });
    first.flush(body, opts);
    await settle(fixture);
    const dialog = el.querySelector('dialog');
    expect(dialog?.hasAttribute('open')).toBe(true);
    expect(dialog?.textContent).toContain('A2: Mo., 6. Mai, 09:00–17:00 Uhr');

    await click('Stornieren und veröffentlichen');
    const second = backend.expectOne({ method: 'POST', url: '/api/floors/f1/layout/publish' });
    expect(second.request.body).toEqual({ draftVersion: 5, cancelAffectedBookings: true });
    second.flush({
      publishedVersion: 2,
      cancelledBookings: [{ id: 'x', spaceLabel: 'A2', start: '', end: '' }],
    });
    await settle(fixture);
    expect(status()).toContain('Veröffentlicht (Version 2); 1 Buchungen wurden storniert.');
    expect(dialog?.hasAttribute('open')).toBe(false);
  });

  it('imports a layout with fresh ids, unsaved until saved', async () => {
    const text = JSON.stringify(draft(1).layout);
    const file = new File([text], 'layout.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
    const input = el.querySelector<HTMLInputElement>('#editor-import');
    Object.defineProperty(input, 'files', { value: [file] });
    input?.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(status()).toContain('Importiert: 2 Plätze, 0 Zonen');
    expect(fixture.componentInstance.canLeave()).toBe(false);
    backend.expectNone({ method: 'PUT' });
  });
});
