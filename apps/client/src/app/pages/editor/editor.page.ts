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
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import { localDateOf, validateLayout } from '@flexdesk/shared-domain';
import { FloorPlanComponent, type FloorPlanLabels } from '@flexdesk/client-ui-floor-plan';
import { BuildingsApi, EditingApi, I18n, type MessageKey, isProblemError } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';
import { attributeLabel } from '../../shared/labels';
import { closeDialog, showModal } from '../../shared/dialog';
import { DEFAULT_DESK_ROW, type DeskRowSpec, deskRow, deskRowProblems } from './desk-row';
import { type History, canRedo, canUndo, historyOf, record, redo, undo } from './history';
import {
  addSpaces,
  addZone,
  newSpace,
  newZone,
  previewFloor,
  previewStates,
  removeSpace,
  removeZone,
  updateSpace,
  updateZone,
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

@Component({
  selector: 'fd-editor-page',
  imports: [FloorPlanComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor.page.html',
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

  protected readonly kinds = SPACE_KINDS;
  protected readonly attributes = SPACE_ATTRIBUTES;
  protected readonly numberFields: readonly NumberField[] = ['x', 'y', 'width', 'height', 'rotation'];

  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly buildings = computed(() => (this.buildingsResource.hasValue() ? this.buildingsResource.value() : []));
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
      if (r.status() === 'error') return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  protected readonly selectedSpaceId = signal<string | null>(null);
  protected readonly previewFloor = computed(() => {
    const layout = this.layout();
    const floor = this.floor();
    const building = this.building();
    return layout && floor && building ? previewFloor(layout, floor, building.name, building.timeZone) : null;
  });
  protected readonly previewStates = computed(() => {
    const layout = this.layout();
    return layout ? previewStates(layout) : null;
  });
  protected readonly planLabels = computed<FloorPlanLabels>(() => ({
    plan: this.i18n.t('editor.plan.label', { floor: this.floor()?.name ?? '' }),
    description: this.i18n.t('editor.plan.description'),
    states: {
      free: this.i18n.t('editor.plan.bookable'),
      partial: this.i18n.t('state.partial'),
      booked: this.i18n.t('state.booked'),
      mine: this.i18n.t('state.mine'),
      unavailable: this.i18n.t('editor.plan.notBookable'),
    },
    fit: this.i18n.t('editor.plan.fit'),
    zoomIn: this.i18n.t('editor.plan.zoomIn'),
    zoomOut: this.i18n.t('editor.plan.zoomOut'),
    legend: this.i18n.t('editor.plan.legend'),
    filteredOut: '',
  }));

  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Validation problems, of the client's check or the API's answer. */
  protected readonly errors = signal<ShownError[]>([]);
  protected readonly stale = signal(false);
  protected readonly affected = signal<AffectedBooking[]>([]);
  private readonly errorSummary = viewChild<ElementRef<HTMLElement>>('errorSummary');
  private readonly staleRegion = viewChild<ElementRef<HTMLElement>>('staleRegion');
  private readonly affectedDialog = viewChild.required<ElementRef<HTMLDialogElement>>('affectedDialog');

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

  protected selectBuilding(event: Event): void {
    if (!this.confirmDiscard()) return this.resetSelect(event, this.buildingId());
    this.buildingId.set(this.valueOf(event));
    this.resetMessages();
  }

  protected selectFloor(event: Event): void {
    if (!this.confirmDiscard()) return this.resetSelect(event, this.floorId());
    this.floorId.set(this.valueOf(event));
    this.resetMessages();
  }

  private confirmDiscard(): boolean {
    return !this.dirty() || (this.document.defaultView?.confirm(this.i18n.t('editor.discardConfirm')) ?? true);
  }

  private resetSelect(event: Event, value: string | null): void {
    (event.target as HTMLSelectElement).value = value ?? '';
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
    if (!this.confirmDiscard()) return;
    this.busy.set(true);
    this.newFloorError.set(null);
    try {
      const floor = await firstValueFrom(this.api.createFloor(buildingId, { name, level, width, height }));
      this.createdFloors.update((list) => [...list, floor]);
      this.floorId.set(floor.id);
      this.newFloorOpen.set(false);
      form.reset();
      this.announcement.set(this.i18n.t('editor.newFloor.created', { name: floor.name }));
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
    this.announcement.set('');
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
      const attributes = checked ? [...current.filter((a) => a !== attribute), attribute] : current.filter((a) => a !== attribute);
      return updateSpace(l, index, { attributes });
    });
  }

  protected setZone(index: number, event: Event): void {
    const value = this.valueOf(event);
    this.edit((l) => updateSpace(l, index, { zoneId: value || null }));
  }

  protected deleteSpace(index: number, space: LayoutSpace): void {
    this.edit((l) => removeSpace(l, index));
    if (this.selectedSpaceId() === space.id) this.selectedSpaceId.set(null);
    this.announcement.set(this.i18n.t('editor.spaceDeleted', { label: space.label }));
  }

  protected addSpace(): void {
    const layout = this.layout();
    if (!layout) return;
    const space = newSpace(layout, crypto.randomUUID());
    this.edit((l) => addSpaces(l, [space]));
    this.selectedSpaceId.set(space.id);
    this.announcement.set(this.i18n.t('editor.spaceAdded', { label: space.label }));
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
    this.announcement.set(
      this.i18n.t('editor.row.added', { count: desks.length, first: desks[0].label, last: desks[desks.length - 1].label }),
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
    const zone = newZone(layout, crypto.randomUUID(), this.i18n.t('editor.zones.newName', { n: layout.zones.length + 1 }));
    this.edit((l) => addZone(l, zone));
    this.focusAfterRender(`zone-${layout.zones.length}-name`);
  }

  protected deleteZone(index: number, zone: LayoutZone): void {
    this.edit((l) => removeZone(l, index));
    this.announcement.set(this.i18n.t('editor.zones.deleted', { name: zone.name }));
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
      this.announcement.set(this.i18n.t('editor.undone'));
    }
  }

  protected redo(): void {
    const h = this.history();
    if (h && canRedo(h)) {
      this.history.set(redo(h));
      this.announcement.set(this.i18n.t('editor.redone'));
    }
  }

  /** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y); inside a text field the browser's own undo of typing wins. */
  protected onKeydown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const target = event.target as HTMLElement | null;
    if (target instanceof HTMLTextAreaElement) return;
    if (target instanceof HTMLInputElement && ['text', 'number', 'search', ''].includes(target.type)) return;
    if (this.document.querySelector('dialog[open]')) return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) this.redo();
    else this.undo();
  }

  protected selectSpace(id: string): void {
    this.selectedSpaceId.set(id);
    const index = this.layout()?.spaces.findIndex((s) => s.id === id) ?? -1;
    if (index >= 0) this.focusAfterRender(`space-${index}-label`);
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
    if (!errors.length) this.announcement.set(this.i18n.t('editor.valid'));
    return errors.length === 0;
  }

  protected async save(): Promise<void> {
    const floorId = this.floorId();
    const draft = this.draft();
    const layout = this.layout();
    if (!floorId || !draft || !layout || this.busy()) return;
    this.resetMessages();
    if (!this.validate()) return;
    this.announcement.set('');
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.api.saveDraft(floorId, { draftVersion: draft.draftVersion, layout }));
      this.draft.set(saved);
      this.savedLayout.set(layout);
      this.announcement.set(this.i18n.t('editor.saved', { version: saved.draftVersion }));
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
    this.announcement.set(this.i18n.t('editor.stale.reloaded'));
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
      this.error.set(this.i18n.errorMessage(e));
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
      this.announcement.set(
        result.cancelledBookings.length
          ? this.i18n.t('editor.published.withCancellations', {
              version: result.publishedVersion,
              count: result.cancelledBookings.length,
            })
          : this.i18n.t('editor.published', { version: result.publishedVersion }),
      );
    } catch (e) {
      if (isProblemError(e) && e.code === 'AFFECTED_BOOKINGS' && !confirmed) {
        this.affected.set(e.problem.affectedBookings ?? []);
        showModal(this.affectedDialog().nativeElement);
      } else {
        this.handleWriteError(e);
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async confirmPublish(): Promise<void> {
    closeDialog(this.affectedDialog().nativeElement);
    await this.publish(true);
  }

  protected cancelPublish(): void {
    closeDialog(this.affectedDialog().nativeElement);
  }

  protected onAffectedClosed(): void {
    this.affected.set([]);
  }

  protected bookingWhen(b: AffectedBooking): string {
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
      this.error.set(this.i18n.errorMessage(e));
    }
  }

  private resetMessages(): void {
    this.error.set(null);
    this.errors.set([]);
    this.stale.set(false);
    this.announcement.set('');
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
      this.error.set(this.i18n.t(result.reason === 'json' ? 'editor.import.notJson' : 'editor.import.notLayout'));
      return;
    }
    this.edit(() => result.layout);
    this.selectedSpaceId.set(null);
    const errors = validateLayout(result.layout);
    this.showErrors(errors);
    this.announcement.set(
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
