import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, effect, inject, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatSelect } from '@angular/material/select';
import type { LayoutSpace } from '@flexdesk/shared-contracts';
import type { MessageKey } from '@flexdesk/client-data-access';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorStore } from '../editor.store';

const ROW_PX = 44;
const MAX_VISIBLE_ROWS = 12;

/**
 * Every space of the floor as a compact grid of exact values, one row each and only the rows in view
 * rendered (a car park of 400 spaces stays light); equipment is one multi-select per row.
 */
@Component({
  selector: 'fd-editor-spaces-grid',
  imports: [CdkVirtualScrollViewport, CdkFixedSizeVirtualScroll, CdkVirtualForOf, MatButton, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-spaces-grid.component.html',
  styleUrls: ['../editor-forms.css', './editor-spaces-grid.component.css'],
})
export class EditorSpacesGrid {
  protected readonly store = inject(EditorStore);
  protected readonly forms = inject(EditorFormCommands);
  protected readonly rowHeight = ROW_PX;
  protected readonly columns: readonly MessageKey[] = [
    'editor.col.label',
    'editor.col.kind',
    'editor.col.x',
    'editor.col.y',
    'editor.col.width',
    'editor.col.height',
    'editor.col.rotation',
    'editor.col.capacity',
    'editor.col.bookable',
    'editor.col.attributes',
    'editor.col.zone',
    'editor.col.actions',
  ];
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  constructor() {
    // A row asked for (a new space, an error's field) is scrolled into view, so it exists to be focused.
    effect(() => {
      const row = this.store.rowWanted();
      if (row !== null) this.viewport()?.scrollToIndex(row);
    });
  }

  protected viewportHeight(rows: number): number {
    return Math.max(1, Math.min(rows, MAX_VISIBLE_ROWS)) * ROW_PX;
  }

  protected bySpace(_: number, space: LayoutSpace): string {
    return space.id;
  }
}
