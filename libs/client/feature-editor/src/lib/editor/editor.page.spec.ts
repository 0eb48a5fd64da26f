import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BuildingSummary, FloorLayout, LayoutDraft, LayoutSpace } from '@flexdesk/shared-contracts';
import type { RowTemplate, SnapSettings } from '@flexdesk/shared-domain';
import {
  type EditorEdit,
  type EditorTool,
  FloorPlanEditorComponent,
  type FloorPlanEditorLabels,
} from '@flexdesk/client-ui-floor-plan';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, dialogs } from '@flexdesk/client-ui/testing';
import { EditorPage } from './editor.page';

/** The canvas's bindings the page uses; the stand-in must match them type for type. */
type CanvasBindings = Pick<
  FloorPlanEditorComponent,
  'layout' | 'selectedIds' | 'selectedZoneId' | 'tool' | 'snap' | 'rowTemplate' | 'labels' | 'edit'
>;

/** Konva is ESM-only and needs a canvas; the editor canvas has its own specs, so the page gets a stand-in. */
@Component({ selector: 'fd-floor-plan-editor', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class FloorPlanEditorStub implements CanvasBindings {
  readonly layout = input.required<FloorLayout>();
  readonly selectedIds = input<readonly string[]>([]);
  readonly selectedZoneId = input<string | null>(null);
  readonly tool = input<EditorTool>('select');
  readonly snap = input<SnapSettings>({ grid: null, neighbours: true, threshold: 8 });
  readonly rowTemplate = input<RowTemplate | null>(null);
  readonly labels = input.required<FloorPlanEditorLabels>();
  readonly edit = output<EditorEdit>();
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
    publishedAt: null,
    publishedBy: null,
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
    TestBed.overrideComponent(EditorPage, {
      remove: { imports: [FloorPlanEditorComponent] },
      add: { imports: [FloorPlanEditorStub] },
    });
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

  const rows = () => el.querySelectorAll('.editor-table .editor-row--space');
  // Dialogs open outside the page's element, in Material's overlay.
  const button = (text: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);
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
  const status = () => announced('polite', () => fixture.detectChanges());

  it('loads the draft into the table of spaces', () => {
    expect(rows().length).toBe(2);
    expect(el.querySelector<HTMLInputElement>('#space-1-label')?.value).toBe('A2');
    expect(el.querySelector('#space-1-label')?.getAttribute('aria-label')).toBe('Bezeichnung, Zeile 2');
    expect(el.querySelector('[data-testid=draft-state]')?.textContent).toContain('Noch nicht veröffentlicht');
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
    expect(await status()).toContain('10 Schreibtische hinzugefügt (B1 bis B10)');
    expect(fixture.componentInstance.canLeave()).toBe(false);

    await click('Rückgängig');
    expect(rows().length).toBe(2);
    expect(fixture.componentInstance.canLeave()).toBe(true);

    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true, bubbles: true }),
    );
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
    expect(await status()).toContain('Entwurf gespeichert (Version 6)');
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
    await settle(fixture);
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
    expect(await status()).toContain('Version 8');
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
    const [dialog] = dialogs();
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.textContent).toContain('A2: Mo., 6. Mai, 09:00–17:00 Uhr');

    await click('Stornieren und veröffentlichen');
    const second = backend.expectOne({ method: 'POST', url: '/api/floors/f1/layout/publish' });
    expect(second.request.body).toEqual({ draftVersion: 5, cancelAffectedBookings: true });
    second.flush({
      publishedVersion: 2,
      cancelledBookings: [{ id: 'x', spaceLabel: 'A2', start: '', end: '' }],
    });
    await settle(fixture);
    expect(await status()).toContain('Veröffentlicht (Version 2); 1 Buchungen wurden storniert.');
    expect(dialogs()).toHaveLength(0);
  });

  it('saves unsaved changes before publishing', async () => {
    type('#space-0-x', '50');
    await settle(fixture);
    await click('Veröffentlichen');
    const save = backend.expectOne({ method: 'PUT', url: '/api/floors/f1/layout/draft' });
    expect(save.request.body.layout.spaces[0].x).toBe(50);
    save.flush(draft(6, { unpublished: true }));
    await settle(fixture);
    const publish = backend.expectOne({ method: 'POST', url: '/api/floors/f1/layout/publish' });
    expect(publish.request.body).toEqual({ draftVersion: 6 });
    publish.flush({ publishedVersion: 2, cancelledBookings: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid=draft-state]')?.textContent).toContain('Version 2, veröffentlicht am');
    expect(fixture.componentInstance.canLeave()).toBe(true);
  });

  it('stops publishing when saving fails', async () => {
    type('#space-0-x', '50');
    await settle(fixture);
    await click('Veröffentlichen');
    const { body, opts } = problem(409, { code: 'STALE_VERSION' });
    backend.expectOne({ method: 'PUT' }).flush(body, opts);
    await settle(fixture);
    backend.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-testid=stale]')).not.toBeNull();
  });

  it('imports a layout with fresh ids, unsaved until saved', async () => {
    const text = JSON.stringify(draft(1).layout);
    const file = new File([text], 'layout.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
    const input = el.querySelector<HTMLInputElement>('#editor-import');
    Object.defineProperty(input, 'files', { value: [file] });
    input?.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(await status()).toContain('Importiert: 2 Plätze, 0 Zonen');
    expect(fixture.componentInstance.canLeave()).toBe(false);
    backend.expectNone({ method: 'PUT' });
  });

  describe('with the canvas', () => {
    const A1 = '11111111-1111-4111-8111-111111111111';
    const A2 = '22222222-2222-4222-8222-222222222222';
    const canvas = () =>
      fixture.debugElement.query((d) => d.name === 'fd-floor-plan-editor').componentInstance as FloorPlanEditorStub;
    const key = async (k: string, extra: KeyboardEventInit = {}) => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }));
      await settle(fixture);
    };
    const value = (selector: string) => el.querySelector<HTMLInputElement>(selector)?.value;

    it('shares the selection between canvas, side panel and table', async () => {
      canvas().edit.emit({ kind: 'select', ids: [A1, A2] });
      await settle(fixture);
      expect(canvas().selectedIds()).toEqual([A1, A2]);
      expect(el.querySelectorAll('.editor-table .editor-row--space.is-selected')).toHaveLength(2);
      expect(el.querySelector('[data-testid=selection-panel]')?.textContent).toContain('2 Plätze ausgewählt');
      el.querySelector<HTMLInputElement>('[data-attribute=monitor]')?.click();
      await settle(fixture);
      const layout = () => fixture.componentInstance['layout']();
      expect(layout()?.spaces.every((s) => s.attributes.includes('monitor'))).toBe(true);
      await click('Rückgängig');
      expect(layout()?.spaces.some((s) => s.attributes.includes('monitor'))).toBe(false);
    });

    it('applies a drag from the canvas as one undoable step', async () => {
      canvas().edit.emit({
        kind: 'move',
        patches: [
          { id: A1, x: 40, y: 60 },
          { id: A2, x: 240, y: 60 },
        ],
      });
      await settle(fixture);
      expect(value('#space-0-x')).toBe('40');
      expect(value('#space-1-y')).toBe('60');
      await click('Rückgängig');
      expect(value('#space-0-x')).toBe('0');
      expect(value('#space-1-y')).toBe('0');
    });

    it('nudges, duplicates and deletes the selection from the keyboard', async () => {
      canvas().edit.emit({ kind: 'select', ids: [A1] });
      await settle(fixture);
      await key('ArrowRight', { shiftKey: true });
      await key('ArrowDown');
      expect(value('#space-0-x')).toBe('10');
      expect(value('#space-0-y')).toBe('1');
      await key('d', { ctrlKey: true });
      expect(rows().length).toBe(3);
      expect(value('#space-2-label')).toBe('A3');
      expect(canvas().selectedIds()).toHaveLength(1);
      await key('Delete');
      expect(rows().length).toBe(2);
    });

    it('switches tools by key and shows which one is pressed', async () => {
      await key('r');
      const pressed = () => el.querySelector('.editor-tool[aria-pressed=true]')?.getAttribute('data-tool');
      expect(pressed()).toBe('row');
      expect(canvas().tool()).toBe('row');
      await key('Escape');
      expect(pressed()).toBe('select');
    });

    it('draws a row with the numbering of the form and continues it', async () => {
      type('#row-prefix', 'C');
      canvas().edit.emit({ kind: 'row', line: { start: { x: 0, y: 300 }, end: { x: 800, y: 300 } } });
      await settle(fixture);
      expect(rows().length).toBe(7);
      expect(value('#space-2-label')).toBe('C1');
      expect(value('#space-6-label')).toBe('C5');
      expect(value('#space-2-y')).toBe('260');
      expect(value('#row-startNumber')).toBe('6');
    });

    it('adds a drawn zone, takes the spaces inside and edits its groups', async () => {
      canvas().edit.emit({
        kind: 'zone',
        polygon: [
          { x: -10, y: -10 },
          { x: 150, y: -10 },
          { x: 150, y: 100 },
          { x: -10, y: 100 },
        ],
      });
      await settle(fixture);
      backend.expectOne('/api/groups').flush([{ id: '33333333-3333-4333-8333-333333333333', name: 'Finance' }]);
      await settle(fixture);
      const layout = fixture.componentInstance['layout']();
      expect(layout?.zones).toHaveLength(1);
      expect(layout?.spaces.map((s) => s.zoneId)).toEqual([layout?.zones[0].id, null]);
      const panel = el.querySelector('[data-testid=selection-panel]');
      expect(value('#selection-zone-name')).toBe('Zone 1');
      const check = panel?.querySelector<HTMLInputElement>('input[type=checkbox]');
      check?.click();
      await settle(fixture);
      expect(fixture.componentInstance['layout']()?.zones[0].restrictedToGroupIds).toEqual([
        '33333333-3333-4333-8333-333333333333',
      ]);
    });

    it('uploads a background into the draft and shows a translated error', async () => {
      const input = el.querySelector<HTMLInputElement>('#editor-background');
      const upload = (name: string) => {
        Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true });
        input?.dispatchEvent(new Event('change'));
      };
      upload('plan.gif');
      await settle(fixture);
      const bad = problem(415, { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Only PNG, JPEG or SVG.' });
      backend.expectOne({ method: 'POST', url: '/api/floors/f1/backgrounds' }).flush(bad.body, bad.opts);
      await settle(fixture);
      expect(el.querySelector('[data-testid=background-error]')?.textContent?.trim().length).toBeGreaterThan(3);
      upload('plan.svg');
      await settle(fixture);
      backend.expectOne({ method: 'POST', url: '/api/floors/f1/backgrounds' }).flush({
        backgroundUrl: '/api/backgrounds/abc',
        contentType: 'image/svg+xml',
        width: 100,
        height: 50,
        bytes: 1,
      });
      await settle(fixture);
      expect(fixture.componentInstance['layout']()?.plan.backgroundUrl).toBe('/api/backgrounds/abc');
      expect(el.querySelector('[data-testid=background-error]')).toBeNull();
      await click('Hintergrund entfernen');
      expect(fixture.componentInstance['layout']()?.plan.backgroundUrl).toBeNull();
    });

    it('sets the scale from a drawn line and its length in metres', async () => {
      canvas().edit.emit({ kind: 'scaleLine', a: { x: 0, y: 0 }, b: { x: 300, y: 400 } });
      await settle(fixture);
      type('#editor-scale-metres', '5');
      el.querySelector<HTMLFormElement>('[data-testid=scale-form]')?.requestSubmit();
      await settle(fixture);
      expect(fixture.componentInstance['layout']()?.plan.scale).toBe(100);
      expect(el.querySelector('[data-testid=scale-state]')?.textContent).toContain('100');
    });
  });
});

describe('EditorPage versions and sizes', () => {
  it('shows the published version with its date and author, and the plan in metres once scaled', async () => {
    TestBed.configureTestingModule({
      imports: [EditorPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.overrideComponent(EditorPage, {
      remove: { imports: [FloorPlanEditorComponent] },
      add: { imports: [FloorPlanEditorStub] },
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EditorPage);
    await settle(fixture);
    backend.expectOne('/api/buildings').flush(buildings);
    await settle(fixture);
    const published = draft(5, {
      publishedVersion: 3,
      publishedAt: '2026-12-02T09:00:00.000Z',
      publishedBy: 'Frieda Facility',
      unpublished: true,
    });
    published.layout.plan = { width: 4000, height: 2000, scale: 100 };
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(published);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=draft-state]')?.textContent?.trim()).toBe(
      'Version 3, veröffentlicht am 2. Dez. von Frieda Facility · Änderungen noch nicht veröffentlicht',
    );
    expect(el.querySelector('[data-testid=plan-size]')?.textContent?.trim()).toBe('40 × 20 m');
    const width = el.querySelector<HTMLInputElement>('#plan-width');
    if (!width) throw new Error('no width input');
    expect(width.value).toBe('40');
    width.value = '45.5';
    width.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(fixture.componentInstance['layout']()?.plan.width).toBe(4550);
    backend.verify();
  });
});

describe('EditorPage spaces grid', () => {
  it('renders only the rows near the view of a long floor, tells their place, and sets equipment per row', async () => {
    TestBed.configureTestingModule({
      imports: [EditorPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.overrideComponent(EditorPage, {
      remove: { imports: [FloorPlanEditorComponent] },
      add: { imports: [FloorPlanEditorStub] },
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EditorPage);
    await settle(fixture);
    backend.expectOne('/api/buildings').flush(buildings);
    await settle(fixture);
    const long = draft(1);
    long.layout.spaces = Array.from({ length: 300 }, (_, i) =>
      desk(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `P${i + 1}`, (i % 20) * 150),
    );
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(long);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const rendered = el.querySelectorAll('.editor-row--space');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(el.querySelector('.editor-table')?.getAttribute('aria-rowcount')).toBe('301');
    expect(rendered[1].getAttribute('aria-rowindex')).toBe('3');
    // Equipment is one multi-select per row, not a checkbox per attribute.
    expect(rendered[0].querySelectorAll('input[type=checkbox]')).toHaveLength(1);
    (el.querySelector('#space-0-attributes .mat-mdc-select-trigger') as HTMLElement).click();
    await settle(fixture);
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) =>
      o.textContent?.includes('Monitor'),
    );
    option?.click();
    await settle(fixture);
    expect(fixture.componentInstance['layout']()?.spaces[0].attributes).toEqual(['monitor']);
    backend.verify();
  });
});

describe('EditorPage opening place', () => {
  const two: BuildingSummary[] = [
    ...buildings,
    {
      id: 'b2',
      name: 'Bürgeramt Nord',
      address: 'Nordstraße 2',
      timeZone: 'Europe/Berlin',
      floors: [
        { id: 'f2', buildingId: 'b2', name: 'Erdgeschoss', level: 0, spaceCount: 0 },
        { id: 'f3', buildingId: 'b2', name: '1. OG', level: 1, spaceCount: 0 },
      ],
    },
  ];

  async function open() {
    TestBed.configureTestingModule({
      imports: [EditorPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.overrideComponent(EditorPage, {
      remove: { imports: [FloorPlanEditorComponent] },
      add: { imports: [FloorPlanEditorStub] },
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EditorPage);
    await settle(fixture);
    backend.expectOne('/api/buildings').flush(two);
    await settle(fixture);
    return { backend, fixture };
  }

  it('opens on the floor last edited on this device, not on the first building', async () => {
    localStorage.clear();
    localStorage.setItem('flexdesk.editor.anonymous', JSON.stringify({ buildingId: 'b2', floorId: 'f3' }));
    const { backend, fixture } = await open();
    backend.expectOne({ method: 'GET', url: '/api/floors/f3/layout/draft' }).flush(draft(1, { floorId: 'f3' }));
    await settle(fixture);
    backend.verify();
  });

  it('remembers the floor chosen, and ignores a remembered floor that is gone', async () => {
    localStorage.clear();
    localStorage.setItem('flexdesk.editor.anonymous', JSON.stringify({ buildingId: 'b9', floorId: 'f9' }));
    const { backend, fixture } = await open();
    backend.expectOne({ method: 'GET', url: '/api/floors/f1/layout/draft' }).flush(draft(1));
    await settle(fixture);
    expect(JSON.parse(localStorage.getItem('flexdesk.editor.anonymous') ?? '{}')).toEqual({
      buildingId: 'b1',
      floorId: 'f1',
    });
    backend.verify();
  });
});
