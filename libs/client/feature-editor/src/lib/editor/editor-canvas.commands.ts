import { Injectable, inject } from '@angular/core';
import { type LayoutZone, type Point } from '@flexdesk/shared-contracts';
import {
  type Alignment,
  type SpacePatch,
  alignSpaces,
  clampDelta,
  clampIntoPlan,
  distributeSpaces,
  duplicateSpaces,
  pointInPolygon,
  rotatedCenter,
  rowAlongLine,
} from '@flexdesk/shared-domain';
import { type EditorEdit, type Line, type ZoneVertexChange } from '@flexdesk/client-ui-floor-plan';
import { type MessageKey } from '@flexdesk/client-data-access';
import { deskRow, deskRowProblems } from './desk-row';
import {
  ZONE_COLORS,
  addDrawnZone,
  addSpaces,
  newSpace,
  patchSpaces,
  removeSpaces,
  updateZoneById,
} from './layout-edits';

import { EditorStore, isTyping } from './editor.store';
/** What the canvas and the keyboard do to the layout: selection, drags, drawn desks, rows and zones. */
@Injectable()
export class EditorCanvasCommands {
  private readonly s = inject(EditorStore);

  /**
   * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Ctrl+D duplicates; outside form fields also the tool keys,
   * Delete, Escape and arrow nudges (Shift: 10×). Inside a text field the browser's own editing wins.
   */
  onKeydown(event: KeyboardEvent): void {
    if (event.altKey || !this.s.history() || this.s.document.querySelector('dialog[open]')) return;
    const typing = isTyping(event.target);
    const key = event.key.toLowerCase();
    if (event.ctrlKey || event.metaKey) {
      if (typing) return;
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) this.s.redo();
        else this.s.undo();
      } else if (key === 'd' && this.s.selectedIds().length) {
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
    const tool = this.s.tools.find((t) => t.key.toLowerCase() === key);
    if (nudge[key] && this.s.selectedIds().length) {
      const step = event.shiftKey ? 10 : 1;
      this.nudge({ x: nudge[key].x * step, y: nudge[key].y * step });
    } else if ((key === 'delete' || key === 'backspace') && (this.s.selectedIds().length || this.s.selectedZoneId())) {
      this.deleteSelection();
    } else if (
      key === 'escape' &&
      (this.s.selectedIds().length || this.s.selectedZoneId() || this.s.tool() !== 'select')
    ) {
      this.s.selectedIds.set([]);
      this.s.selectedZoneId.set(null);
      this.s.tool.set('select');
    } else if (tool && !event.shiftKey) {
      this.s.setTool(tool.tool);
    } else {
      return;
    }
    event.preventDefault();
  }

  onSelectionChanged(ids: string[]): void {
    this.s.selectedIds.set(ids);
    if (ids.length) this.s.selectedZoneId.set(null);
    if (ids.length > 1) this.s.announce(this.s.i18n.t('editor.selected', { count: ids.length }));
    else if (ids.length === 1) {
      const space = this.s.layout()?.spaces.find((s) => s.id === ids[0]);
      if (space) this.s.announce(this.s.i18n.t('editor.selectedOne', { label: space.label }));
    }
  }

  onZoneSelected(id: string | null): void {
    this.s.selectedZoneId.set(id);
    if (id) {
      this.s.groupsWanted.set(true);
      this.s.selectedIds.set([]);
    }
  }

  applyPatches(patches: SpacePatch[], message: MessageKey): void {
    this.s.edit((l) => patchSpaces(l, patches));
    this.s.announce(this.s.i18n.t(message, { count: patches.length }));
  }

  nudge(delta: Point): void {
    const plan = this.s.layout()?.plan;
    const spaces = this.s.selectedSpaces();
    if (!plan || !spaces.length) return;
    const d = clampDelta(spaces, delta, plan);
    if (!d.x && !d.y) return;
    this.s.edit((l) =>
      patchSpaces(
        l,
        spaces.map((s) => ({ id: s.id, x: s.x + d.x, y: s.y + d.y })),
      ),
    );
  }

  align(how: Alignment): void {
    this.applyPatches(alignSpaces(this.s.selectedSpaces(), how), 'editor.aligned');
  }

  distribute(axis: 'horizontal' | 'vertical'): void {
    this.applyPatches(distributeSpaces(this.s.selectedSpaces(), axis), 'editor.distributed');
  }

  duplicate(): void {
    const layout = this.s.layout();
    const selected = this.s.selectedSpaces();
    if (!layout || !selected.length) return;
    const offset = this.s.snap().grid ?? 20;
    const copies = duplicateSpaces(
      selected,
      layout.spaces,
      { x: offset, y: offset },
      () => crypto.randomUUID(),
      layout.plan,
    );
    this.s.edit((l) => addSpaces(l, copies));
    this.s.selectedIds.set(copies.map((c) => c.id));
    this.s.announce(this.s.i18n.t('editor.duplicated', { count: copies.length }));
  }

  deleteSelection(): void {
    const ids = this.s.selectedSet();
    if (ids.size) {
      this.s.edit((l) => removeSpaces(l, ids));
      this.s.selectedIds.set([]);
      this.s.announce(this.s.i18n.t('editor.deletedMany', { count: ids.size }));
      return;
    }
    const zone = this.s.selectedZone();
    const index = this.s.layout()?.zones.findIndex((z) => z.id === zone?.id) ?? -1;
    if (zone && index >= 0) {
      this.s.deleteZone(index, zone);
      this.s.selectedZoneId.set(null);
    }
  }

  /** Everything the canvas reports, by kind. */
  onEdit(edit: EditorEdit): void {
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

  addDeskAt(point: Point): void {
    const layout = this.s.layout();
    if (!layout) return;
    const base = newSpace(layout, crypto.randomUUID());
    const r = this.s.row();
    const sized = { ...base, width: r.width, height: r.height, x: point.x - r.width / 2, y: point.y - r.height / 2 };
    const space = { ...sized, ...clampIntoPlan(sized, layout.plan) };
    this.s.edit((l) => addSpaces(l, [space]));
    this.s.selectedIds.set([space.id]);
    this.s.announce(this.s.i18n.t('editor.spaceAdded', { label: space.label }));
  }

  addRowAlong(line: Line): void {
    const spec = this.s.row();
    const drawn = rowAlongLine(line.start, line.end, spec);
    const full = { ...spec, ...drawn };
    const problems = deskRowProblems(full);
    this.s.rowProblems.set(problems.map((p) => this.s.i18n.t(`editor.row.problem.${p}` as MessageKey)));
    if (problems.length) return;
    const plan = this.s.layout()?.plan;
    const desks = deskRow(full).map((d) => (plan ? { ...d, ...clampIntoPlan(d, plan) } : d));
    this.s.edit((l) => addSpaces(l, desks));
    this.s.selectedIds.set(desks.map((d) => d.id));
    // The next row continues the numbering.
    this.s.row.update((r) => ({ ...r, startNumber: r.startNumber + desks.length * r.step }));
    this.s.announce(
      this.s.i18n.t('editor.row.added', {
        count: desks.length,
        first: desks[0].label,
        last: desks[desks.length - 1].label,
      }),
    );
  }

  addZoneDrawn(polygon: Point[]): void {
    const layout = this.s.layout();
    if (!layout) return;
    const zone: LayoutZone = {
      id: crypto.randomUUID(),
      name: this.s.i18n.t('editor.zones.newName', { n: layout.zones.length + 1 }),
      color: ZONE_COLORS[layout.zones.length % ZONE_COLORS.length],
      polygon,
      restrictedToGroupIds: [],
    };
    this.s.edit((l) => addDrawnZone(l, zone, (s) => pointInPolygon(rotatedCenter(s), polygon)));
    this.s.tool.set('select');
    this.s.selectedIds.set([]);
    this.onZoneSelected(zone.id);
    this.s.announce(this.s.i18n.t('editor.zones.drawn', { name: zone.name }));
    this.s.focusAfterRender('selection-zone-name');
  }

  changeZoneVertices(change: ZoneVertexChange): void {
    this.s.edit((l) => updateZoneById(l, change.zoneId, { polygon: change.polygon }));
  }

  onScaleLine(line: { a: Point; b: Point }): void {
    this.s.scaleLine.set(line);
    this.s.scaleError.set(null);
    this.s.focusAfterRender('editor-scale-metres');
  }
}
