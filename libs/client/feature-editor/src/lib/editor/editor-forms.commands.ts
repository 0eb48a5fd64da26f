import { Injectable, inject } from '@angular/core';
import { type LayoutSpace, type SpaceKind } from '@flexdesk/shared-contracts';
import { type MessageKey } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';
import { type DeskRowSpec, deskRow, deskRowProblems } from './desk-row';
import {
  addSpaces,
  addZone,
  newSpace,
  newZone,
  removeSpace,
  updateSpace,
  updateSpaces,
  updateZone,
  updateZoneById,
} from './layout-edits';

import { EditorStore, type NumberField } from './editor.store';
/** What the forms do: cells of the spaces grid, the properties sheet, zones, rows, background, scale. */
@Injectable()
export class EditorFormCommands {
  private readonly s = inject(EditorStore);

  // New floor.

  toggleNewFloor(): void {
    this.s.newFloorOpen.update((open) => !open);
    this.s.newFloorError.set(null);
  }

  async createFloor(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const level = Number(data.get('level'));
    const width = Number(data.get('width'));
    const height = Number(data.get('height'));
    const buildingId = this.s.buildingId();
    if (!buildingId) return;
    if (!name || !Number.isInteger(level) || !(width > 0) || !(height > 0)) {
      this.s.newFloorError.set(this.s.i18n.t('editor.newFloor.invalid'));
      return;
    }
    if (!(await this.s.confirmDiscard())) return;
    this.s.busy.set(true);
    this.s.newFloorError.set(null);
    try {
      const floor = await firstValueFrom(this.s.api.createFloor(buildingId, { name, level, width, height }));
      this.s.createdFloors.update((list) => [...list, floor]);
      this.s.floorId.set(floor.id);
      this.s.newFloorOpen.set(false);
      form.reset();
      this.s.announce(this.s.i18n.t('editor.newFloor.created', { name: floor.name }));
    } catch (e) {
      this.s.newFloorError.set(this.s.i18n.errorMessage(e));
    } finally {
      this.s.busy.set(false);
    }
  }

  setText(index: number, field: 'label', event: Event): void {
    this.s.edit((l) => updateSpace(l, index, { [field]: (event.target as HTMLInputElement).value }));
  }

  setNumber(index: number, field: NumberField, event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    // Left empty, the old value stays rather than becoming NaN.
    if (Number.isNaN(value)) return this.s.edit((l) => l);
    this.s.edit((l) => updateSpace(l, index, { [field]: value }));
  }

  setCapacity(index: number, event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.s.edit((l) => updateSpace(l, index, { capacity: Number.isNaN(value) ? null : value }));
  }

  setKind(index: number, event: Event): void {
    const kind = this.s.valueOf(event) as SpaceKind;
    this.s.edit((l) =>
      updateSpace(l, index, { kind, capacity: kind === 'room' ? (l.spaces[index]?.capacity ?? 1) : null }),
    );
  }

  setBookable(index: number, event: Event): void {
    this.s.edit((l) => updateSpace(l, index, { bookable: (event.target as HTMLInputElement).checked }));
  }

  toggleAttribute(index: number, attribute: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.s.edit((l) => {
      const current = l.spaces[index]?.attributes ?? [];
      const attributes = checked
        ? [...current.filter((a) => a !== attribute), attribute]
        : current.filter((a) => a !== attribute);
      return updateSpace(l, index, { attributes });
    });
  }

  setZone(index: number, event: Event): void {
    const value = this.s.valueOf(event);
    this.s.edit((l) => updateSpace(l, index, { zoneId: value || null }));
  }

  deleteSpace(index: number, space: LayoutSpace): void {
    this.s.edit((l) => removeSpace(l, index));
    this.s.selectedIds.update((ids) => ids.filter((id) => id !== space.id));
    this.s.announce(this.s.i18n.t('editor.spaceDeleted', { label: space.label }));
  }

  addSpace(): void {
    const layout = this.s.layout();
    if (!layout) return;
    const space = newSpace(layout, crypto.randomUUID());
    this.s.edit((l) => addSpaces(l, [space]));
    this.s.selectedIds.set([space.id]);
    this.s.announce(this.s.i18n.t('editor.spaceAdded', { label: space.label }));
    this.s.focusAfterRender(`space-${layout.spaces.length}-label`);
  }

  setRow<K extends keyof DeskRowSpec>(field: K, event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = input.type === 'number' ? input.valueAsNumber : input.value;
    this.s.row.update((r) => ({ ...r, [field]: field === 'zoneId' ? value || null : value }));
  }

  addRow(event: Event): void {
    event.preventDefault();
    const spec = this.s.row();
    const problems = deskRowProblems(spec);
    this.s.rowProblems.set(problems.map((p) => this.s.i18n.t(`editor.row.problem.${p}` as MessageKey)));
    if (problems.length) return;
    const desks = deskRow(spec);
    this.s.edit((l) => addSpaces(l, desks));
    this.s.announce(
      this.s.i18n.t('editor.row.added', {
        count: desks.length,
        first: desks[0].label,
        last: desks[desks.length - 1].label,
      }),
    );
  }

  setZoneName(index: number, event: Event): void {
    this.s.edit((l) => updateZone(l, index, { name: (event.target as HTMLInputElement).value }));
  }

  setZoneColor(index: number, event: Event): void {
    this.s.edit((l) => updateZone(l, index, { color: (event.target as HTMLInputElement).value }));
  }

  addZone(): void {
    const layout = this.s.layout();
    if (!layout) return;
    const zone = newZone(
      layout,
      crypto.randomUUID(),
      this.s.i18n.t('editor.zones.newName', { n: layout.zones.length + 1 }),
    );
    this.s.edit((l) => addZone(l, zone));
    this.s.focusAfterRender(`zone-${layout.zones.length}-name`);
  }

  /** In metres once a scale is set (stored as plan units), else in plan units. */
  setPlanSize(field: 'width' | 'height', event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isNaN(value)) return this.s.edit((l) => l);
    this.s.edit((l) => {
      const units = l.plan.scale ? Math.max(1, Math.round(value * l.plan.scale)) : value;
      return { ...l, plan: { ...l.plan, [field]: units } };
    });
  }

  /** Plan units in metres for an input (one decimal). */
  inMetres(units: number): number {
    const scale = this.s.scale();
    return scale ? Math.round((units / scale) * 10) / 10 : units;
  }

  /** A space's equipment from the grid's multi-select. */
  setAttributes(index: number, attributes: string[]): void {
    this.s.edit((l) => updateSpace(l, index, { attributes }));
  }

  // Side panel: the same change to every selected space.

  editSelected(change: (space: LayoutSpace) => Partial<LayoutSpace>): void {
    const ids = this.s.selectedSet();
    if (ids.size) this.s.edit((l) => updateSpaces(l, ids, change));
  }

  setSelectedLabel(event: Event): void {
    const label = (event.target as HTMLInputElement).value;
    this.editSelected(() => ({ label }));
  }

  setSelectedKind(event: Event): void {
    const kind = this.s.valueOf(event) as SpaceKind;
    this.editSelected((s) => ({ kind, capacity: kind === 'room' ? (s.capacity ?? 1) : null }));
  }

  setSelectedCapacity(event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    this.editSelected(() => ({ capacity: Number.isNaN(value) ? null : value }));
  }

  setSelectedBookable(event: Event): void {
    const bookable = (event.target as HTMLInputElement).checked;
    this.editSelected(() => ({ bookable }));
  }

  setSelectedAttribute(attribute: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.editSelected((s) => ({
      attributes: checked
        ? [...s.attributes.filter((a) => a !== attribute), attribute]
        : s.attributes.filter((a) => a !== attribute),
    }));
  }

  setSelectedZone(event: Event): void {
    const zoneId = this.s.valueOf(event) || null;
    this.editSelected(() => ({ zoneId }));
  }

  /** All selected spaces share this value: checked; some do: mixed. */
  attributeState(attribute: string): 'all' | 'some' | 'none' {
    const spaces = this.s.selectedSpaces();
    const n = spaces.filter((s) => s.attributes.includes(attribute)).length;
    return n === 0 ? 'none' : n === spaces.length ? 'all' : 'some';
  }

  common<K extends keyof LayoutSpace>(field: K): LayoutSpace[K] | null {
    const spaces = this.s.selectedSpaces();
    const first = spaces[0]?.[field];
    return spaces.every((s) => s[field] === first) ? (first ?? null) : null;
  }

  setSelectedZoneName(event: Event): void {
    const id = this.s.selectedZoneId();
    const name = (event.target as HTMLInputElement).value;
    if (id) this.s.edit((l) => updateZoneById(l, id, { name }));
  }

  setSelectedZoneColor(event: Event): void {
    const id = this.s.selectedZoneId();
    const color = (event.target as HTMLInputElement).value;
    if (id) this.s.edit((l) => updateZoneById(l, id, { color }));
  }

  toggleZoneGroup(groupId: string, event: Event): void {
    const zone = this.s.selectedZone();
    const checked = (event.target as HTMLInputElement).checked;
    if (!zone) return;
    const current = zone.restrictedToGroupIds.filter((g) => g !== groupId);
    this.s.edit((l) => updateZoneById(l, zone.id, { restrictedToGroupIds: checked ? [...current, groupId] : current }));
  }

  retryGroups(): void {
    this.s.groupsResource.reload();
  }

  // Background and scale.

  async uploadBackground(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const floorId = this.s.floorId();
    if (!file || !floorId || !this.s.history()) return;
    this.s.backgroundError.set(null);
    this.s.busy.set(true);
    try {
      const upload = await firstValueFrom(this.s.api.uploadBackground(floorId, file));
      this.s.edit((l) => ({ ...l, plan: { ...l.plan, backgroundUrl: upload.backgroundUrl } }));
      this.s.announce(this.s.i18n.t('editor.background.uploaded', { name: file.name }));
    } catch (e) {
      this.s.backgroundError.set(this.s.i18n.errorMessage(e));
    } finally {
      this.s.busy.set(false);
    }
  }

  removeBackground(): void {
    this.s.edit((l) => ({ ...l, plan: { ...l.plan, backgroundUrl: null } }));
    this.s.announce(this.s.i18n.t('editor.background.removed'));
  }

  scaleLineLength(): number {
    const line = this.s.scaleLine();
    return line ? Math.round(Math.hypot(line.b.x - line.a.x, line.b.y - line.a.y)) : 0;
  }

  applyScale(event: Event): void {
    event.preventDefault();
    const metres =
      (this.s.document.getElementById('editor-scale-metres') as HTMLInputElement | null)?.valueAsNumber ?? NaN;
    const length = this.scaleLineLength();
    if (!(metres > 0) || !(length > 0)) {
      this.s.scaleError.set(this.s.i18n.t('editor.scale.invalid'));
      return;
    }
    const scale = Math.round((length / metres) * 1000) / 1000;
    this.s.edit((l) => ({ ...l, plan: { ...l.plan, scale } }));
    this.s.scaleLine.set(null);
    this.s.tool.set('select');
    this.s.announce(this.s.i18n.t('editor.scale.set', { scale }));
  }

  cancelScale(): void {
    this.s.scaleLine.set(null);
  }

  setSnapOn(event: Event): void {
    this.s.snapOn.set((event.target as HTMLInputElement).checked);
  }

  setGridSize(event: Event): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    if (value > 0) this.s.gridSize.set(value);
  }
}
