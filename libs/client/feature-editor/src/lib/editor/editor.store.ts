import {
  DOCUMENT,
  Injectable,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  SPACE_ATTRIBUTES,
  SPACE_KINDS,
  type FloorLayout,
  type BuildingSummary,
  type FloorSummary,
  type LayoutDraft,
  type LayoutZone,
  type Point,
  BACKGROUND_CONTENT_TYPES,
} from '@flexdesk/shared-contracts';
import { type SnapSettings, localDateOf } from '@flexdesk/shared-domain';
import { type EditorTool, type FloorPlanEditorLabels } from '@flexdesk/client-ui-floor-plan';
import {
  BuildingsApi,
  EditingApi,
  I18n,
  type MessageKey,
  SessionStore,
  firstKnown,
  attributeLabel,
} from '@flexdesk/client-data-access';
import { Confirmation, type ConfirmRequest, Notifier } from '@flexdesk/client-ui';
import { ALIGNMENTS, EDITOR_TOOLS, type NumberField, type ShownError } from './editor-constants';
import { DEFAULT_DESK_ROW, type DeskRowSpec } from './desk-row';
import { type History, canRedo, canUndo, historyOf, record, redo, undo } from './history';
import { removeZone } from './layout-edits';

@Injectable()
export class EditorStore {
  readonly i18n = inject(I18n);

  readonly buildingsApi = inject(BuildingsApi);

  readonly api = inject(EditingApi);

  readonly document = inject(DOCUMENT);

  readonly injector = inject(Injector);

  readonly notifier = inject(Notifier);

  readonly confirmation = inject(Confirmation);
  private readonly session = inject(SessionStore);

  readonly kinds = SPACE_KINDS;

  readonly attributes = SPACE_ATTRIBUTES;

  readonly numberFields: readonly NumberField[] = ['x', 'y', 'width', 'height', 'rotation'];

  readonly tools = EDITOR_TOOLS;

  readonly alignments = ALIGNMENTS;

  readonly backgroundAccept = [...BACKGROUND_CONTENT_TYPES, '.png', '.jpg', '.jpeg', '.svg'].join(',');

  readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });

  readonly buildings = computed(() => (this.buildingsResource.hasValue() ? this.buildingsResource.value() : []));

  /** Where this person last edited (per person and device): the editor opens there again. */
  private readonly placeKey = `flexdesk.editor.${this.session.me()?.id ?? 'anonymous'}`;
  private readonly remembered: { buildingId?: string; floorId?: string } = (() => {
    try {
      return JSON.parse(this.document.defaultView?.localStorage.getItem(this.placeKey) ?? '{}') ?? {};
    } catch {
      return {};
    }
  })();

  /** The last edited building, else the person's home building, else their default floor's, else the first. */
  readonly buildingId = linkedSignal<BuildingSummary[], string | null>({
    source: this.buildings,
    computation: (list, previous) => {
      const me = untracked(() => this.session.me());
      return firstKnown(
        list.map((b) => b.id),
        previous?.value,
        this.remembered.buildingId,
        me?.homeBuildingId,
        list.find((b) => b.floors.some((f) => f.id === me?.defaultFloorId))?.id,
      );
    },
  });

  readonly building = computed(() => this.buildings().find((b) => b.id === this.buildingId()) ?? null);

  /** Floors created here since the building list was loaded. */
  readonly createdFloors = signal<FloorSummary[]>([]);

  readonly floors = computed<FloorSummary[]>(() => {
    const id = this.buildingId();
    const known = this.building()?.floors ?? [];
    const created = this.createdFloors().filter((f) => f.buildingId === id && !known.some((k) => k.id === f.id));
    return [...known, ...created].sort((a, b) => a.level - b.level);
  });

  readonly floorId = linkedSignal<FloorSummary[], string | null>({
    source: this.floors,
    computation: (floors, previous) =>
      firstKnown(
        floors.map((f) => f.id),
        previous?.value,
        this.remembered.floorId,
        untracked(() => this.session.me())?.defaultFloorId,
      ),
  });

  private readonly rememberPlace = effect(() => {
    const buildingId = this.buildingId();
    const floorId = this.floorId();
    if (!buildingId || !floorId) return;
    try {
      this.document.defaultView?.localStorage.setItem(this.placeKey, JSON.stringify({ buildingId, floorId }));
    } catch {
      // Storage full or disabled: the editor then opens at the person's home building next time.
    }
  });

  readonly floor = computed(() => this.floors().find((f) => f.id === this.floorId()) ?? null);

  readonly draftResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.api.draft(params),
  });

  readonly loadedDraft = computed<LayoutDraft | null>(() => {
    const d = this.draftResource.hasValue() ? this.draftResource.value() : undefined;
    return d && d.floorId === this.floorId() ? d : null;
  });

  /** Version numbers and publish state: from the load, then from each save. */
  readonly draft = linkedSignal<LayoutDraft | null>(() => this.loadedDraft());

  readonly history = linkedSignal<LayoutDraft | null, History<FloorLayout> | null>({
    source: this.loadedDraft,
    computation: (d) => (d ? historyOf(d.layout) : null),
  });

  readonly layout = computed(() => this.history()?.present ?? null);

  /** The layout the server has; edits that return to it are not unsaved. */
  readonly savedLayout = linkedSignal<FloorLayout | null>(() => this.loadedDraft()?.layout ?? null);

  readonly dirty = computed(() => this.layout() !== null && this.layout() !== this.savedLayout());

  readonly canUndo = computed(() => {
    const h = this.history();
    return !!h && canUndo(h);
  });

  readonly canRedo = computed(() => {
    const h = this.history();
    return !!h && canRedo(h);
  });

  readonly loading = computed(
    () => this.buildingsResource.isLoading() || (this.draftResource.isLoading() && !this.loadedDraft()),
  );

  readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.draftResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  /** Shared by the canvas, the side panel and the table. */
  readonly selectedIds = signal<string[]>([]);

  readonly selectedZoneId = signal<string | null>(null);

  readonly selectedSet = computed(() => new Set(this.selectedIds()));

  readonly selectedSpaces = computed(() => {
    const ids = this.selectedSet();
    return (this.layout()?.spaces ?? []).filter((s) => ids.has(s.id));
  });

  readonly selectedZone = computed(() => this.layout()?.zones.find((z) => z.id === this.selectedZoneId()) ?? null);

  readonly tool = signal<EditorTool>('select');

  readonly snapOn = signal(true);

  readonly gridSize = signal(20);

  readonly snap = computed<SnapSettings>(() => ({
    grid: this.snapOn() ? this.gridSize() : null,
    neighbours: this.snapOn(),
    threshold: 8,
  }));

  readonly rowTemplate = computed(() => {
    const r = this.row();
    return { width: r.width, height: r.height, gap: r.gap };
  });

  readonly canvasLabels = computed<FloorPlanEditorLabels>(() => ({
    canvas: this.i18n.t('editor.canvas.label', { floor: this.floor()?.name ?? '' }),
    instructions: this.i18n.t('editor.canvas.instructions'),
    zoomIn: this.i18n.t('editor.plan.zoomIn'),
    zoomOut: this.i18n.t('editor.plan.zoomOut'),
    fit: this.i18n.t('editor.plan.fit'),
  }));

  /** Groups for zone restrictions, loaded when a zone is first selected. */
  readonly groupsWanted = signal(false);

  readonly groupsResource = rxResource({
    params: () => (this.groupsWanted() ? true : undefined),
    stream: () => this.api.groups(),
  });

  readonly groups = computed(() => (this.groupsResource.hasValue() ? this.groupsResource.value() : []));

  readonly groupsError = computed(() =>
    this.groupsResource.status() === 'error' ? this.i18n.errorMessage(this.groupsResource.error()) : null,
  );

  readonly backgroundError = signal<string | null>(null);

  /** The line drawn with the scale tool, waiting for its length in metres. */
  readonly scaleLine = signal<{ a: Point; b: Point } | null>(null);

  readonly scaleError = signal<string | null>(null);

  readonly busy = signal(false);

  /** Validation problems, of the client's check or the API's answer. */
  readonly errors = signal<ShownError[]>([]);

  readonly stale = signal(false);

  readonly newFloorOpen = signal(false);

  readonly newFloorError = signal<string | null>(null);

  readonly row = signal<DeskRowSpec>({ ...DEFAULT_DESK_ROW });

  readonly rowProblems = signal<string[]>([]);
  /** A row of the spaces grid to scroll into view (the grid follows this). */
  readonly rowWanted = signal<number | null>(null);
  /** The properties side sheet; starts open where there is room for it beside the canvas. */
  readonly propertiesOpen = signal(this.document.defaultView?.matchMedia?.('(min-width: 60rem)').matches ?? true);

  /** The published version as people see it: "Version 3, published 2 Dec by …", and whether changes wait. */
  readonly versionLine = computed(() => {
    const d = this.draft();
    if (!d) return null;
    const parts: string[] = [];
    if (!d.publishedAt || d.publishedVersion < 1) {
      parts.push(this.i18n.t('editor.version.never'));
    } else {
      const date = this.i18n.formatDate(localDateOf(new Date(d.publishedAt), this.building()?.timeZone ?? 'UTC'), {
        day: 'numeric',
        month: 'short',
      });
      const version = d.publishedVersion;
      parts.push(
        d.publishedBy
          ? this.i18n.t('editor.version.published', { version, date, name: d.publishedBy })
          : this.i18n.t('editor.version.publishedOn', { version, date }),
      );
    }
    if (this.dirty()) parts.push(this.i18n.t('editor.unsaved'));
    else if (d.unpublished) parts.push(this.i18n.t('editor.version.changes'));
    return parts.join(' · ');
  });

  /** Plan units per metre, once a scale is set. */
  readonly scale = computed(() => this.layout()?.plan.scale ?? null);

  /** The plan's size for people: in metres once a scale is set, else in plan units. */
  readonly planSizeText = computed(() => {
    const plan = this.layout()?.plan;
    if (!plan) return '';
    const scale = plan.scale;
    if (!scale) return this.i18n.t('editor.planUnits', { width: plan.width, height: plan.height });
    return this.i18n.t('editor.planMetres', { width: this.metres(plan.width), height: this.metres(plan.height) });
  });

  /** Plan units as metres in the reader's number format (one decimal). */
  metres(units: number): string {
    const scale = this.scale();
    if (!scale) return String(units);
    return new Intl.NumberFormat(this.i18n.languageTag(), { maximumFractionDigits: 1 }).format(units / scale);
  }

  myName(): string | null {
    return this.session.me()?.displayName ?? null;
  }

  // Navigation and leaving.

  canLeave(): boolean {
    return !this.dirty();
  }

  /** The picker keeps showing the current floor unless the switch goes ahead. */
  async selectBuilding(buildingId: string | null): Promise<void> {
    if (!buildingId || !(await this.confirmDiscard())) return;
    this.buildingId.set(buildingId);
    this.resetMessages();
  }

  async selectFloor(floorId: string | null): Promise<void> {
    if (!floorId || !(await this.confirmDiscard())) return;
    this.floorId.set(floorId);
    this.resetMessages();
  }

  async confirmDiscard(): Promise<boolean> {
    return !this.dirty() || (await this.confirmation.ask(this.unsavedChangesQuestion(false)));
  }

  leaveQuestion(): ConfirmRequest {
    return this.unsavedChangesQuestion(true);
  }

  /** Asked before unsaved changes are lost: on switching floors here, or on leaving the page. */
  unsavedChangesQuestion(leaving: boolean): ConfirmRequest {
    return {
      title: this.i18n.t('editor.discardConfirm'),
      message: this.i18n.t(leaving ? 'editor.leaveConfirm' : 'editor.discardText'),
      confirmLabel: this.i18n.t('editor.discardYes'),
      cancelLabel: this.i18n.t('editor.discardNo'),
      danger: true,
    };
  }

  retry(): void {
    for (const r of [this.buildingsResource, this.draftResource]) if (r.status() === 'error') r.reload();
  }

  // Editing: every change records a new layout in the history.

  edit(change: (layout: FloorLayout) => FloorLayout): void {
    const h = this.history();
    if (!h) return;
    this.history.set(record(h, change(h.present)));
  }

  /** What just happened, for everyone: shown briefly and read out politely. */
  announce(message: string): void {
    this.notifier.success(message);
  }

  deleteZone(index: number, zone: LayoutZone): void {
    this.edit((l) => removeZone(l, index));
    this.announce(this.i18n.t('editor.zones.deleted', { name: zone.name }));
  }

  undo(): void {
    const h = this.history();
    if (h && canUndo(h)) {
      this.history.set(undo(h));
      this.announce(this.i18n.t('editor.undone'));
    }
  }

  redo(): void {
    const h = this.history();
    if (h && canRedo(h)) {
      this.history.set(redo(h));
      this.announce(this.i18n.t('editor.redone'));
    }
  }

  // The canvas and the side panel.

  setTool(tool: EditorTool): void {
    this.tool.set(tool);
    this.scaleLine.set(null);
    this.announce(this.i18n.t('editor.tool.chosen', { tool: this.i18n.t(`editor.tool.${tool}`) }));
  }

  isSelected(id: string): boolean {
    return this.selectedSet().has(id);
  }

  /** A table row taking focus selects its space, unless it is already part of the selection. */
  focusRow(id: string): void {
    if (!this.isSelected(id)) this.selectedIds.set([id]);
  }

  resetMessages(): void {
    this.errors.set([]);
    this.stale.set(false);
  }

  // Template helpers.

  attributeLabel(attribute: string): string {
    return attributeLabel(this.i18n, attribute);
  }

  cell(field: MessageKey, index: number): string {
    return this.i18n.t('editor.cell', { field: this.i18n.t(field), row: index + 1 });
  }

  /**
   * Focuses an element once it is rendered. A cell of the spaces grid may be outside the rows the
   * virtual scroll has rendered: its row is scrolled to first, and the focus waits for it a little.
   */
  focusAfterRender(id: string): void {
    const row = /^space-(\d+)-/.exec(id);
    if (row) this.rowWanted.set(Number(row[1]));
    afterNextRender(() => this.focusWhenThere(id, 10), { injector: this.injector });
  }

  private focusWhenThere(id: string, tries: number): void {
    const element = this.document.getElementById(id);
    if (element) element.focus();
    else if (tries > 0) setTimeout(() => this.focusWhenThere(id, tries - 1), 30);
  }

  valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}

export { EDITOR_TOOLS, isTyping, type NumberField, type ShownError } from './editor-constants';
