import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  SPACE_ATTRIBUTES,
  SPACE_KINDS,
  type AffectedBooking,
  type FieldError,
  type FloorLayout,
  type FloorSummary,
  type LayoutDraft,
  type LayoutSpace,
  type LayoutZone,
  type Point,
  type SpaceKind,
  BACKGROUND_CONTENT_TYPES,
} from '@flexdesk/shared-contracts';
import {
  type Alignment,
  type SnapSettings,
  type SpacePatch,
  alignSpaces,
  clampDelta,
  clampIntoPlan,
  distributeSpaces,
  duplicateSpaces,
  localDateOf,
  pointInPolygon,
  rotatedCenter,
  rowAlongLine,
  validateLayout,
} from '@flexdesk/shared-domain';
import {
  type EditorEdit,
  type EditorTool,
  FloorPlanEditorComponent,
  type FloorPlanEditorLabels,
  type Line,
  type ZoneVertexChange,
} from '@flexdesk/client-ui-floor-plan';
import {
  BuildingsApi,
  EditingApi,
  I18n,
  type MessageKey,
  attributeLabel,
  isProblemError,
} from '@flexdesk/client-data-access';
import {
  BuildingFloorPicker,
  Confirmation,
  type ConfirmRequest,
  InlineAlert,
  Notifier,
  PageHeader,
} from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_DESK_ROW, type DeskRowSpec, deskRow, deskRowProblems } from './desk-row';
import { type History, canRedo, canUndo, historyOf, record, redo, undo } from './history';
import {
  ZONE_COLORS,
  addDrawnZone,
  addSpaces,
  addZone,
  newSpace,
  newZone,
  patchSpaces,
  removeSpace,
  removeSpaces,
  removeZone,
  updateSpace,
  updateSpaces,
  updateZone,
  updateZoneById,
} from './layout-edits';
import { errorTarget, exportLayout, fieldIdOf, importLayout } from './layout-io';
import type { LeaveGuarded } from './unsaved-changes.guard';

function keepOrFirst(previous: string | null | undefined, ids: string[]): string | null {
  return previous && ids.includes(previous) ? previous : (ids[0] ?? null);
}

/** A validation problem as shown in the error summary. */
export interface ShownError {
  fieldId: string | null;
  text: string;
}

type NumberField = 'x' | 'y' | 'width' | 'height' | 'rotation';

/** The canvas tools, their shortcut keys and label keys. */
export const EDITOR_TOOLS: readonly { tool: EditorTool; key: string; label: MessageKey }[] = [
  { tool: 'select', key: 'V', label: 'editor.tool.select' },
  { tool: 'pan', key: 'H', label: 'editor.tool.pan' },
  { tool: 'desk', key: 'D', label: 'editor.tool.desk' },
  { tool: 'row', key: 'R', label: 'editor.tool.row' },
  { tool: 'zone', key: 'Z', label: 'editor.tool.zone' },
  { tool: 'scale', key: 'M', label: 'editor.tool.scale' },
];

const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right', 'top', 'middle', 'bottom'];

/** Whether a key event is typing into a form control (then the canvas shortcuts stay out of the way). */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'color', 'file'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

@Component({
  selector: 'fd-editor-page',
  imports: [MatButton, BuildingFloorPicker, InlineAlert, PageHeader, FloorPlanEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor.page.html',
  styleUrl: './editor.page.css',
  host: {
    '(document:keydown)': 'onKeydown($event)',
    '(window:beforeunload)': 'onBeforeUnload($event)',
  },
})
export class EditorPage implements LeaveGuarded {
  protected readonly i18n = inject(I18n);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly api = inject(EditingApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);

  protected readonly kinds = SPACE_KINDS;
  protected readonly attributes = SPACE_ATTRIBUTES;
  protected readonly numberFields: readonly NumberField[] = ['x', 'y', 'width', 'height', 'rotation'];
  protected readonly tools = EDITOR_TOOLS;
  protected readonly alignments = ALIGNMENTS;
  protected readonly backgroundAccept = [...BACKGROUND_CONTENT_TYPES, '.png', '.jpg', '.jpeg', '.svg'].join(',');

  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly buildings = computed(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );
  protected readonly buildingId = linkedSignal<{ id: string }[], string | null>({
    source: this.buildings,
    computation: (list, previous) =>
      keepOrFirst(
        previous?.value,
        list.map((b) => b.id),
      ),
  });
  protected readonly building = computed(() => this.buildings().find((b) => b.id === this.buildingId()) ?? null);
  /** Floors created here since the building list was loaded. */
  private readonly createdFloors = signal<FloorSummary[]>([]);
  protected readonly floors = computed<FloorSummary[]>(() => {
    const id = this.buildingId();
    const known = this.building()?.floors ?? [];
    const created = this.createdFloors().filter((f) => f.buildingId === id && !known.some((k) => k.id === f.id));
    return [...known, ...created].sort((a, b) => a.level - b.level);
  });
  protected readonly floorId = linkedSignal<FloorSummary[], string | null>({
    source: this.floors,
    computation: (floors, previous) =>
      keepOrFirst(
        previous?.value,
        floors.map((f) => f.id),
      ),
  });
  protected readonly floor = computed(() => this.floors().find((f) => f.id === this.floorId()) ?? null);

  private readonly draftResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.api.draft(params),
  });
  private readonly loadedDraft = computed<LayoutDraft | null>(() => {
    const d = this.draftResource.hasValue() ? this.draftResource.value() : undefined;
    return d && d.floorId === this.floorId() ? d : null;
  });
  /** Version numbers and publish state: from the load, then from each save. */
  protected readonly draft = linkedSignal<LayoutDraft | null>(() => this.loadedDraft());
  protected readonly history = linkedSignal<LayoutDraft | null, History<FloorLayout> | null>({
    source: this.loadedDraft,
    computation: (d) => (d ? historyOf(d.layout) : null),
  });
  protected readonly layout = computed(() => this.history()?.present ?? null);
  /** The layout the server has; edits that return to it are not unsaved. */
  private readonly savedLayout = linkedSignal<FloorLayout | null>(() => this.loadedDraft()?.layout ?? null);
  protected readonly dirty = computed(() => this.layout() !== null && this.layout() !== this.savedLayout());
  protected readonly canUndo = computed(() => !!this.history() && canUndo(this.history()!));
  protected readonly canRedo = computed(() => !!this.history() && canRedo(this.history()!));

  protected readonly loading = computed(
    () => this.buildingsResource.isLoading() || (this.draftResource.isLoading() && !this.loadedDraft()),
  );
  protected readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.draftResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  /** Shared by the canvas, the side panel and the table. */
  protected readonly selectedIds = signal<string[]>([]);
  protected readonly selectedZoneId = signal<string | null>(null);
  private readonly selectedSet = computed(() => new Set(this.selectedIds()));
  protected readonly selectedSpaces = computed(() => {
    const ids = this.selectedSet();
    return (this.layout()?.spaces ?? []).filter((s) => ids.has(s.id));
  });
  protected readonly selectedZone = computed(
    () => this.layout()?.zones.find((z) => z.id === this.selectedZoneId()) ?? null,
  );
  protected readonly tool = signal<EditorTool>('select');
  protected readonly snapOn = signal(true);
  protected readonly gridSize = signal(20);
  protected readonly snap = computed<SnapSettings>(() => ({
    grid: this.snapOn() ? this.gridSize() : null,
    neighbours: this.snapOn(),
    threshold: 8,
  }));
  protected readonly rowTemplate = computed(() => {
    const r = this.row();
    return { width: r.width, height: r.height, gap: r.gap };
  });
  protected readonly canvasLabels = computed<FloorPlanEditorLabels>(() => ({
    canvas: this.i18n.t('editor.canvas.label', { floor: this.floor()?.name ?? '' }),
    instructions: this.i18n.t('editor.canvas.instructions'),
    zoomIn: this.i18n.t('editor.plan.zoomIn'),
    zoomOut: this.i18n.t('editor.plan.zoomOut'),
    fit: this.i18n.t('editor.plan.fit'),
  }));
  /** Groups for zone restrictions, loaded when a zone is first selected. */
  private readonly groupsWanted = signal(false);
  private readonly groupsResource = rxResource({
    params: () => (this.groupsWanted() ? true : undefined),
    stream: () => this.api.groups(),
  });
  protected readonly groups = computed(() => (this.groupsResource.hasValue() ? this.groupsResource.value() : []));
  protected readonly groupsError = computed(() =>
    this.groupsResource.status() === 'error' ? this.i18n.errorMessage(this.groupsResource.error()) : null,
  );
  protected readonly backgroundError = signal<string | null>(null);
  /** The line drawn with the scale tool, waiting for its length in metres. */
  protected readonly scaleLine = signal<{ a: Point; b: Point } | null>(null);
  protected readonly scaleError = signal<string | null>(null);
  private readonly scaleInput = viewChild<ElementRef<HTMLInputElement>>('scaleInput');

  protected readonly busy = signal(false);
  /** Validation problems, of the client's check or the API's answer. */
  protected readonly errors = signal<ShownError[]>([]);
  protected readonly stale = signal(false);
  private readonly errorSummary = viewChild<ElementRef<HTMLElement>>('errorSummary');
  private readonly staleRegion = viewChild<unknown, ElementRef<HTMLElement>>('staleRegion', { read: ElementRef });

  protected readonly newFloorOpen = signal(false);
  protected readonly newFloorError = signal<string | null>(null);
  protected readonly row = signal<DeskRowSpec>({ ...DEFAULT_DESK_ROW });
  protected readonly rowProblems = signal<string[]>([]);

  // Navigation and leaving.

  canLeave(): boolean {
    return !this.dirty();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.dirty()) return;
    event.preventDefault();
    // Older browsers only ask when a return value is set.
    event.returnValue = '';
  }

  /** The picker keeps showing the current floor unless the switch goes ahead. */
  protected async selectBuilding(buildingId: string | null): Promise<void> {
    if (!buildingId || !(await this.confirmDiscard())) return;
    this.buildingId.set(buildingId);
    this.resetMessages();
  }

  protected async selectFloor(floorId: string | null): Promise<void> {
    if (!floorId || !(await this.confirmDiscard())) return;
    this.floorId.set(floorId);
    this.resetMessages();
  }

  private async confirmDiscard(): Promise<boolean> {
    return !this.dirty() || (await this.confirmation.ask(this.unsavedChangesQuestion(false)));
  }

  leaveQuestion(): ConfirmRequest {
    return this.unsavedChangesQuestion(true);
  }

  /** Asked before unsaved changes are lost: on switching floors here, or on leaving the page. */
  private unsavedChangesQuestion(leaving: boolean): ConfirmRequest {
    return {
      title: this.i18n.t('editor.discardConfirm'),
      message: this.i18n.t(leaving ? 'editor.leaveConfirm' : 'editor.discardText'),
      confirmLabel: this.i18n.t('editor.discardYes'),
      cancelLabel: this.i18n.t('editor.discardNo'),
      danger: true,
    };
  }

  protected retry(): void {
    for (const r of [this.buildingsResource, this.draftResource]) if (r.status() === 'error') r.reload();
  }

  // New floor.

  protected toggleNewFloor(): void {
    this.newFloorOpen.update((open) => !open);
    this.newFloorError.set(null);
  }

  protected async createFloor(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const level = Number(data.get('level'));
    const width = Number(data.get('width'));
    const height = Number(data.get('height'));
    const buildingId = this.buildingId();
    if (!buildingId) return;
    if (!name || !Number.isInteger(level) || !(width > 0) || !(height > 0)) {
      this.newFloorError.set(this.i18n.t('editor.newFloor.invalid'));
      return;
    }
    if (!(await this.confirmDiscard())) return;
    this.busy.set(true);
    this.newFloorError.set(null);
    try {
      const floor = await firstValueFrom(this.api.createFloor(buildingId, { name, level, width, height }));
      this.createdFloors.update((list) => [...list, floor]);
      this.floorId.set(floor.id);
      this.newFloorOpen.set(false);
      form.reset();
      this.announce(this.i18n.t('editor.newFloor.created', { name: floor.name }));
    } catch (e) {
      this.newFloorError.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  // Editing: every change records a new layout in the history.

  private edit(change: (layout: FloorLayout) => FloorLayout): void {
    const h = this.history();
    if (!h) return;
    this.history.set(record(h, change(h.present)));
  }

  /** What just happened, for everyone: shown briefly and read out politely. */
  private announce(message: string): void {
    this.notifier.success(message);
  }

  protected setText(index: number, field: 'label', event: Event): void {
    this.edit((l) => updateSpace(l, index, { [field]: (event.target as HTMLInputElement).value }));
  }

  protected setNumber(index: number, field: NumberField, event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    // Left empty, the old value stays rather than becoming NaN.
    if (Number.isNaN(value)) return this.edit((l) => l);
    this.edit((l) => updateSpace(l, index, { [field]: value }));
  }

  protected setCapacity(index: number, event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.edit((l) => updateSpace(l, index, { capacity: Number.isNaN(value) ? null : value }));
  }

  protected setKind(index: number, event: Event): void {
    const kind = this.valueOf(event) as SpaceKind;
    this.edit((l) =>
      updateSpace(l, index, { kind, capacity: kind === 'room' ? (l.spaces[index]?.capacity ?? 1) : null }),
    );
  }

  protected setBookable(index: number, event: Event): void {
    this.edit((l) => updateSpace(l, index, { bookable: (event.target as HTMLInputElement).checked }));
  }

  protected toggleAttribute(index: number, attribute: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.edit((l) => {
      const current = l.spaces[index]?.attributes ?? [];
      const attributes = checked
        ? [...current.filter((a) => a !== attribute), attribute]
        : current.filter((a) => a !== attribute);
      return updateSpace(l, index, { attributes });
    });
  }

  protected setZone(index: number, event: Event): void {
    const value = this.valueOf(event);
    this.edit((l) => updateSpace(l, index, { zoneId: value || null }));
  }

  protected deleteSpace(index: number, space: LayoutSpace): void {
    this.edit((l) => removeSpace(l, index));
    this.selectedIds.update((ids) => ids.filter((id) => id !== space.id));
    this.announce(this.i18n.t('editor.spaceDeleted', { label: space.label }));
  }

  protected addSpace(): void {
    const layout = this.layout();
    if (!layout) return;
    const space = newSpace(layout, crypto.randomUUID());
    this.edit((l) => addSpaces(l, [space]));
    this.selectedIds.set([space.id]);
    this.announce(this.i18n.t('editor.spaceAdded', { label: space.label }));
    this.focusAfterRender(`space-${layout.spaces.length}-label`);
  }

  protected setRow<K extends keyof DeskRowSpec>(field: K, event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = input.type === 'number' ? input.valueAsNumber : input.value;
    this.row.update((r) => ({ ...r, [field]: field === 'zoneId' ? value || null : value }));
  }

  protected addRow(event: Event): void {
    event.preventDefault();
    const spec = this.row();
    const problems = deskRowProblems(spec);
    this.rowProblems.set(problems.map((p) => this.i18n.t(`editor.row.problem.${p}` as MessageKey)));
    if (problems.length) return;
    const desks = deskRow(spec);
    this.edit((l) => addSpaces(l, desks));
    this.announce(
      this.i18n.t('editor.row.added', {
        count: desks.length,
        first: desks[0].label,
        last: desks[desks.length - 1].label,
      }),
    );
  }

  protected setZoneName(index: number, event: Event): void {
    this.edit((l) => updateZone(l, index, { name: (event.target as HTMLInputElement).value }));
  }

  protected setZoneColor(index: number, event: Event): void {
    this.edit((l) => updateZone(l, index, { color: (event.target as HTMLInputElement).value }));
  }

  protected addZone(): void {
    const layout = this.layout();
    if (!layout) return;
    const zone = newZone(
      layout,
      crypto.randomUUID(),
      this.i18n.t('editor.zones.newName', { n: layout.zones.length + 1 }),
    );
    this.edit((l) => addZone(l, zone));
    this.focusAfterRender(`zone-${layout.zones.length}-name`);
  }

  protected deleteZone(index: number, zone: LayoutZone): void {
    this.edit((l) => removeZone(l, index));
    this.announce(this.i18n.t('editor.zones.deleted', { name: zone.name }));
  }

  protected setPlanSize(field: 'width' | 'height', event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isNaN(value)) return this.edit((l) => l);
    this.edit((l) => ({ ...l, plan: { ...l.plan, [field]: value } }));
  }

  protected undo(): void {
    const h = this.history();
    if (h && canUndo(h)) {
      this.history.set(undo(h));
      this.announce(this.i18n.t('editor.undone'));
    }
  }

  protected redo(): void {
    const h = this.history();
    if (h && canRedo(h)) {
      this.history.set(redo(h));
      this.announce(this.i18n.t('editor.redone'));
    }
  }

  /**
   * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Ctrl+D duplicates; outside form fields also the tool keys,
   * Delete, Escape and arrow nudges (Shift: 10×). Inside a text field the browser's own editing wins.
   */
  protected onKeydown(event: KeyboardEvent): void {
    if (event.altKey || !this.history() || this.document.querySelector('dialog[open]')) return;
    const typing = isTyping(event.target);
    const key = event.key.toLowerCase();
    if (event.ctrlKey || event.metaKey) {
      if (typing) return;
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) this.redo();
        else this.undo();
      } else if (key === 'd' && this.selectedIds().length) {
        event.preventDefault();
        this.duplicate();
      }
      return;
    }
    if (typing) return;
    const nudge: Record<string, Point> = {
      arrowleft: { x: -1, y: 0 },
      arrowright: { x: 1, y: 0 },
      arrowup: { x: 0, y: -1 },
      arrowdown: { x: 0, y: 1 },
    };
    const tool = this.tools.find((t) => t.key.toLowerCase() === key);
    if (nudge[key] && this.selectedIds().length) {
      const step = event.shiftKey ? 10 : 1;
      this.nudge({ x: nudge[key].x * step, y: nudge[key].y * step });
    } else if ((key === 'delete' || key === 'backspace') && (this.selectedIds().length || this.selectedZoneId())) {
      this.deleteSelection();
    } else if (key === 'escape' && (this.selectedIds().length || this.selectedZoneId() || this.tool() !== 'select')) {
      this.selectedIds.set([]);
      this.selectedZoneId.set(null);
      this.tool.set('select');
    } else if (tool && !event.shiftKey) {
      this.setTool(tool.tool);
    } else {
      return;
    }
    event.preventDefault();
  }

  // The canvas and the side panel.

  protected setTool(tool: EditorTool): void {
    this.tool.set(tool);
    this.scaleLine.set(null);
    this.announce(this.i18n.t('editor.tool.chosen', { tool: this.i18n.t(`editor.tool.${tool}`) }));
  }

  protected isSelected(id: string): boolean {
    return this.selectedSet().has(id);
  }

  /** A table row taking focus selects its space, unless it is already part of the selection. */
  protected focusRow(id: string): void {
    if (!this.isSelected(id)) this.selectedIds.set([id]);
  }

  protected onSelectionChanged(ids: string[]): void {
    this.selectedIds.set(ids);
    if (ids.length) this.selectedZoneId.set(null);
    if (ids.length > 1) this.announce(this.i18n.t('editor.selected', { count: ids.length }));
    else if (ids.length === 1) {
      const space = this.layout()?.spaces.find((s) => s.id === ids[0]);
      if (space) this.announce(this.i18n.t('editor.selectedOne', { label: space.label }));
    }
  }

  protected onZoneSelected(id: string | null): void {
    this.selectedZoneId.set(id);
    if (id) {
      this.groupsWanted.set(true);
      this.selectedIds.set([]);
    }
  }

  protected applyPatches(patches: SpacePatch[], message: MessageKey): void {
    this.edit((l) => patchSpaces(l, patches));
    this.announce(this.i18n.t(message, { count: patches.length }));
  }

  private nudge(delta: Point): void {
    const plan = this.layout()?.plan;
    const spaces = this.selectedSpaces();
    if (!plan || !spaces.length) return;
    const d = clampDelta(spaces, delta, plan);
    if (!d.x && !d.y) return;
    this.edit((l) =>
      patchSpaces(
        l,
        spaces.map((s) => ({ id: s.id, x: s.x + d.x, y: s.y + d.y })),
      ),
    );
  }

  protected align(how: Alignment): void {
    this.applyPatches(alignSpaces(this.selectedSpaces(), how), 'editor.aligned');
  }

  protected distribute(axis: 'horizontal' | 'vertical'): void {
    this.applyPatches(distributeSpaces(this.selectedSpaces(), axis), 'editor.distributed');
  }

  protected duplicate(): void {
    const layout = this.layout();
    const selected = this.selectedSpaces();
    if (!layout || !selected.length) return;
    const offset = this.snap().grid ?? 20;
    const copies = duplicateSpaces(
      selected,
      layout.spaces,
      { x: offset, y: offset },
      () => crypto.randomUUID(),
      layout.plan,
    );
    this.edit((l) => addSpaces(l, copies));
    this.selectedIds.set(copies.map((c) => c.id));
    this.announce(this.i18n.t('editor.duplicated', { count: copies.length }));
  }

  protected deleteSelection(): void {
    const ids = this.selectedSet();
    if (ids.size) {
      this.edit((l) => removeSpaces(l, ids));
      this.selectedIds.set([]);
      this.announce(this.i18n.t('editor.deletedMany', { count: ids.size }));
      return;
    }
    const zone = this.selectedZone();
    const index = this.layout()?.zones.findIndex((z) => z.id === zone?.id) ?? -1;
    if (zone && index >= 0) {
      this.deleteZone(index, zone);
      this.selectedZoneId.set(null);
    }
  }

  /** Everything the canvas reports, by kind. */
  protected onEdit(edit: EditorEdit): void {
    switch (edit.kind) {
      case 'select':
        return this.onSelectionChanged(edit.ids);
      case 'selectZone':
        return this.onZoneSelected(edit.zoneId);
      case 'move':
        return this.applyPatches(edit.patches, 'editor.moved');
      case 'resize':
        return this.applyPatches(edit.patches, 'editor.resized');
      case 'rotate':
        return this.applyPatches(edit.patches, 'editor.rotated');
      case 'addSpace':
        return this.addDeskAt(edit.at);
      case 'row':
        return this.addRowAlong(edit.line);
      case 'zone':
        return this.addZoneDrawn(edit.polygon);
      case 'zoneVertices':
        return this.changeZoneVertices(edit);
      case 'scaleLine':
        return this.onScaleLine(edit);
    }
  }

  protected addDeskAt(point: Point): void {
    const layout = this.layout();
    if (!layout) return;
    const base = newSpace(layout, crypto.randomUUID());
    const r = this.row();
    const sized = { ...base, width: r.width, height: r.height, x: point.x - r.width / 2, y: point.y - r.height / 2 };
    const space = { ...sized, ...clampIntoPlan(sized, layout.plan) };
    this.edit((l) => addSpaces(l, [space]));
    this.selectedIds.set([space.id]);
    this.announce(this.i18n.t('editor.spaceAdded', { label: space.label }));
  }

  protected addRowAlong(line: Line): void {
    const spec = this.row();
    const drawn = rowAlongLine(line.start, line.end, spec);
    const full = { ...spec, ...drawn };
    const problems = deskRowProblems(full);
    this.rowProblems.set(problems.map((p) => this.i18n.t(`editor.row.problem.${p}` as MessageKey)));
    if (problems.length) return;
    const plan = this.layout()?.plan;
    const desks = deskRow(full).map((d) => (plan ? { ...d, ...clampIntoPlan(d, plan) } : d));
    this.edit((l) => addSpaces(l, desks));
    this.selectedIds.set(desks.map((d) => d.id));
    // The next row continues the numbering.
    this.row.update((r) => ({ ...r, startNumber: r.startNumber + desks.length * r.step }));
    this.announce(
      this.i18n.t('editor.row.added', {
        count: desks.length,
        first: desks[0].label,
        last: desks[desks.length - 1].label,
      }),
    );
  }

  protected addZoneDrawn(polygon: Point[]): void {
    const layout = this.layout();
    if (!layout) return;
    const zone: LayoutZone = {
      id: crypto.randomUUID(),
      name: this.i18n.t('editor.zones.newName', { n: layout.zones.length + 1 }),
      color: ZONE_COLORS[layout.zones.length % ZONE_COLORS.length],
      polygon,
      restrictedToGroupIds: [],
    };
    this.edit((l) => addDrawnZone(l, zone, (s) => pointInPolygon(rotatedCenter(s), polygon)));
    this.tool.set('select');
    this.selectedIds.set([]);
    this.onZoneSelected(zone.id);
    this.announce(this.i18n.t('editor.zones.drawn', { name: zone.name }));
    this.focusAfterRender('selection-zone-name');
  }

  protected changeZoneVertices(change: ZoneVertexChange): void {
    this.edit((l) => updateZoneById(l, change.zoneId, { polygon: change.polygon }));
  }

  // Side panel: the same change to every selected space.

  private editSelected(change: (space: LayoutSpace) => Partial<LayoutSpace>): void {
    const ids = this.selectedSet();
    if (ids.size) this.edit((l) => updateSpaces(l, ids, change));
  }

  protected setSelectedLabel(event: Event): void {
    const label = (event.target as HTMLInputElement).value;
    this.editSelected(() => ({ label }));
  }

  protected setSelectedKind(event: Event): void {
    const kind = this.valueOf(event) as SpaceKind;
    this.editSelected((s) => ({ kind, capacity: kind === 'room' ? (s.capacity ?? 1) : null }));
  }

  protected setSelectedCapacity(event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.editSelected(() => ({ capacity: Number.isNaN(value) ? null : value }));
  }

  protected setSelectedBookable(event: Event): void {
    const bookable = (event.target as HTMLInputElement).checked;
    this.editSelected(() => ({ bookable }));
  }

  protected setSelectedAttribute(attribute: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.editSelected((s) => ({
      attributes: checked
        ? [...s.attributes.filter((a) => a !== attribute), attribute]
        : s.attributes.filter((a) => a !== attribute),
    }));
  }

  protected setSelectedZone(event: Event): void {
    const zoneId = this.valueOf(event) || null;
    this.editSelected(() => ({ zoneId }));
  }

  /** All selected spaces share this value: checked; some do: mixed. */
  protected attributeState(attribute: string): 'all' | 'some' | 'none' {
    const spaces = this.selectedSpaces();
    const n = spaces.filter((s) => s.attributes.includes(attribute)).length;
    return n === 0 ? 'none' : n === spaces.length ? 'all' : 'some';
  }

  protected common<K extends keyof LayoutSpace>(field: K): LayoutSpace[K] | null {
    const spaces = this.selectedSpaces();
    const first = spaces[0]?.[field];
    return spaces.every((s) => s[field] === first) ? (first ?? null) : null;
  }

  protected setSelectedZoneName(event: Event): void {
    const id = this.selectedZoneId();
    const name = (event.target as HTMLInputElement).value;
    if (id) this.edit((l) => updateZoneById(l, id, { name }));
  }

  protected setSelectedZoneColor(event: Event): void {
    const id = this.selectedZoneId();
    const color = (event.target as HTMLInputElement).value;
    if (id) this.edit((l) => updateZoneById(l, id, { color }));
  }

  protected toggleZoneGroup(groupId: string, event: Event): void {
    const zone = this.selectedZone();
    const checked = (event.target as HTMLInputElement).checked;
    if (!zone) return;
    const current = zone.restrictedToGroupIds.filter((g) => g !== groupId);
    this.edit((l) => updateZoneById(l, zone.id, { restrictedToGroupIds: checked ? [...current, groupId] : current }));
  }

  protected retryGroups(): void {
    this.groupsResource.reload();
  }

  // Background and scale.

  protected async uploadBackground(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const floorId = this.floorId();
    if (!file || !floorId || !this.history()) return;
    this.backgroundError.set(null);
    this.busy.set(true);
    try {
      const upload = await firstValueFrom(this.api.uploadBackground(floorId, file));
      this.edit((l) => ({ ...l, plan: { ...l.plan, backgroundUrl: upload.backgroundUrl } }));
      this.announce(this.i18n.t('editor.background.uploaded', { name: file.name }));
    } catch (e) {
      this.backgroundError.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected removeBackground(): void {
    this.edit((l) => ({ ...l, plan: { ...l.plan, backgroundUrl: null } }));
    this.announce(this.i18n.t('editor.background.removed'));
  }

  protected onScaleLine(line: { a: Point; b: Point }): void {
    this.scaleLine.set(line);
    this.scaleError.set(null);
    afterNextRender(() => this.scaleInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected scaleLineLength(): number {
    const line = this.scaleLine();
    return line ? Math.round(Math.hypot(line.b.x - line.a.x, line.b.y - line.a.y)) : 0;
  }

  protected applyScale(event: Event): void {
    event.preventDefault();
    const metres = this.scaleInput()?.nativeElement.valueAsNumber ?? NaN;
    const length = this.scaleLineLength();
    if (!(metres > 0) || !(length > 0)) {
      this.scaleError.set(this.i18n.t('editor.scale.invalid'));
      return;
    }
    const scale = Math.round((length / metres) * 1000) / 1000;
    this.edit((l) => ({ ...l, plan: { ...l.plan, scale } }));
    this.scaleLine.set(null);
    this.tool.set('select');
    this.announce(this.i18n.t('editor.scale.set', { scale }));
  }

  protected cancelScale(): void {
    this.scaleLine.set(null);
  }

  protected setSnapOn(event: Event): void {
    this.snapOn.set((event.target as HTMLInputElement).checked);
  }

  protected setGridSize(event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    if (value > 0) this.gridSize.set(value);
  }

  // Validation, saving, publishing.

  private showErrors(errors: FieldError[]): void {
    const layout = this.layout();
    this.errors.set(
      errors.map((e) => {
        const t = errorTarget(e.path);
        const space = t.table === 'spaces' && t.index !== null ? layout?.spaces[t.index] : undefined;
        const zone = t.table === 'zones' && t.index !== null ? layout?.zones[t.index] : undefined;
        const where = space
          ? this.i18n.t('editor.errors.space', { row: (t.index ?? 0) + 1, label: space.label })
          : zone
            ? this.i18n.t('editor.errors.zone', { row: (t.index ?? 0) + 1, name: zone.name })
            : e.path;
        const field = t.field ? this.fieldName(t.field) : '';
        return {
          fieldId: fieldIdOf(e.path),
          text: field ? `${where}, ${field}: ${e.message}` : `${where}: ${e.message}`,
        };
      }),
    );
    if (errors.length) afterNextRender(() => this.errorSummary()?.nativeElement.focus(), { injector: this.injector });
  }

  private fieldName(field: string): string {
    const known: Record<string, MessageKey> = {
      label: 'editor.col.label',
      kind: 'editor.col.kind',
      x: 'editor.col.x',
      y: 'editor.col.y',
      width: 'editor.col.width',
      height: 'editor.col.height',
      rotation: 'editor.col.rotation',
      capacity: 'editor.col.capacity',
      bookable: 'editor.col.bookable',
      attributes: 'editor.col.attributes',
      zoneId: 'editor.col.zone',
      name: 'editor.zones.name',
      color: 'editor.zones.color',
    };
    return known[field] ? this.i18n.t(known[field]) : field;
  }

  protected focusField(event: Event, id: string | null): void {
    if (!id) return;
    event.preventDefault();
    this.document.getElementById(id)?.focus();
  }

  protected validate(): boolean {
    const layout = this.layout();
    if (!layout) return false;
    const errors = validateLayout(layout);
    this.showErrors(errors);
    if (!errors.length) this.announce(this.i18n.t('editor.valid'));
    return errors.length === 0;
  }

  protected async save(): Promise<void> {
    const floorId = this.floorId();
    const draft = this.draft();
    const layout = this.layout();
    if (!floorId || !draft || !layout || this.busy()) return;
    this.resetMessages();
    if (!this.validate()) return;
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.api.saveDraft(floorId, { draftVersion: draft.draftVersion, layout }));
      this.draft.set(saved);
      this.savedLayout.set(layout);
      this.announce(this.i18n.t('editor.saved', { version: saved.draftVersion }));
    } catch (e) {
      this.handleWriteError(e);
    } finally {
      this.busy.set(false);
    }
  }

  /** Someone saved since: throw my changes away and take theirs. */
  protected reloadDraft(): void {
    this.stale.set(false);
    this.draftResource.reload();
    this.announce(this.i18n.t('editor.stale.reloaded'));
  }

  /** Someone saved since: take their version number, keep my layout, and save it over theirs. */
  protected async keepMine(): Promise<void> {
    const floorId = this.floorId();
    const draft = this.draft();
    if (!floorId || !draft) return;
    this.busy.set(true);
    try {
      const server = await firstValueFrom(this.api.draft(floorId));
      this.draft.set({ ...draft, draftVersion: server.draftVersion });
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
      return;
    } finally {
      this.busy.set(false);
    }
    this.stale.set(false);
    await this.save();
  }

  protected async publish(confirmed = false): Promise<void> {
    const floorId = this.floorId();
    const draft = this.draft();
    if (!floorId || !draft || this.dirty() || this.busy()) return;
    this.resetMessages();
    this.busy.set(true);
    try {
      const result = await firstValueFrom(
        this.api.publish(floorId, {
          draftVersion: draft.draftVersion,
          ...(confirmed ? { cancelAffectedBookings: true } : {}),
        }),
      );
      this.draft.set({ ...draft, publishedVersion: result.publishedVersion, unpublished: false });
      this.announce(
        result.cancelledBookings.length
          ? this.i18n.t('editor.published.withCancellations', {
              version: result.publishedVersion,
              count: result.cancelledBookings.length,
            })
          : this.i18n.t('editor.published', { version: result.publishedVersion }),
      );
    } catch (e) {
      if (isProblemError(e) && e.code === 'AFFECTED_BOOKINGS' && !confirmed) {
        this.busy.set(false);
        void this.askPublishAnyway(e.problem.affectedBookings ?? []);
      } else {
        this.handleWriteError(e);
      }
    } finally {
      this.busy.set(false);
    }
  }

  /** Publishing would cancel bookings: say which, and publish only if the person agrees. */
  private async askPublishAnyway(affected: AffectedBooking[]): Promise<void> {
    const confirmed = await this.confirmation.ask({
      title: this.i18n.t('editor.affected.title'),
      message: this.i18n.t('editor.affected.text', { count: affected.length }),
      items: affected.map((b) => `${b.spaceLabel}: ${this.bookingWhen(b)}`),
      confirmLabel: this.i18n.t('editor.affected.confirm'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
    });
    if (confirmed) await this.publish(true);
  }

  private bookingWhen(b: AffectedBooking): string {
    const tz = this.building()?.timeZone ?? 'UTC';
    return `${this.i18n.formatDate(localDateOf(new Date(b.start), tz))}, ${this.i18n.formatTimeRange(b.start, b.end, tz)}`;
  }

  private handleWriteError(e: unknown): void {
    if (isProblemError(e) && e.code === 'STALE_VERSION') {
      this.stale.set(true);
      afterNextRender(() => this.staleRegion()?.nativeElement.focus(), { injector: this.injector });
    } else if (isProblemError(e) && e.code === 'VALIDATION_FAILED' && e.errors.length) {
      this.showErrors(e.errors);
    } else {
      this.notifier.error(this.i18n.errorMessage(e));
    }
  }

  private resetMessages(): void {
    this.errors.set([]);
    this.stale.set(false);
  }

  // Export and import.

  protected exportJson(): void {
    const layout = this.layout();
    const view = this.document.defaultView;
    if (!layout || !view) return;
    const url = view.URL.createObjectURL(new Blob([exportLayout(layout)], { type: 'application/json' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `${this.floor()?.name ?? 'layout'}.layout.json`;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start the download only after the click handler returns.
    setTimeout(() => view.URL.revokeObjectURL(url), 1000);
  }

  protected async importJson(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.history()) return;
    this.resetMessages();
    const result = importLayout(await file.text());
    if (!result.ok) {
      this.notifier.error(this.i18n.t(result.reason === 'json' ? 'editor.import.notJson' : 'editor.import.notLayout'));
      return;
    }
    this.edit(() => result.layout);
    this.selectedIds.set([]);
    this.selectedZoneId.set(null);
    const errors = validateLayout(result.layout);
    this.showErrors(errors);
    this.announce(
      this.i18n.t(errors.length ? 'editor.import.doneWithErrors' : 'editor.import.done', {
        spaces: result.layout.spaces.length,
        zones: result.layout.zones.length,
        errors: errors.length,
      }),
    );
  }

  // Template helpers.

  protected attributeLabel(attribute: string): string {
    return attributeLabel(this.i18n, attribute);
  }

  protected cell(field: MessageKey, index: number): string {
    return this.i18n.t('editor.cell', { field: this.i18n.t(field), row: index + 1 });
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  private valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
