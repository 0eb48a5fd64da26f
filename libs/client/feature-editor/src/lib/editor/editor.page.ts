import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ViewEncapsulation,
  inject,
  signal,
} from '@angular/core';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import type { ConfirmRequest } from '@flexdesk/client-ui';
import { FloorPlanEditorComponent } from '@flexdesk/client-ui-floor-plan';
import { EditorCanvasCommands } from './editor-canvas.commands';
import { EditorFormCommands } from './editor-forms.commands';
import { EditorPersistence } from './editor-persistence';
import { EditorStore } from './editor.store';
import { EditorProperties } from './parts/editor-properties.component';
import { EditorRowForm } from './parts/editor-row-form.component';
import { EditorSpacesGrid } from './parts/editor-spaces-grid.component';
import { EditorTools } from './parts/editor-tools.component';
import { EditorTopBar } from './parts/editor-top-bar.component';
import { EditorZones } from './parts/editor-zones.component';
import type { LeaveGuarded } from './unsaved-changes.guard';

export { EDITOR_TOOLS, type ShownError } from './editor.store';

/**
 * The floor plan editor, full width: the canvas fills the screen under the draft actions and the
 * tools, the properties are a side sheet beside it, and the grid of spaces, the zones and the row
 * form follow below. A thin shell: the state and commands are `EditorStore` and its command classes.
 */
@Component({
  selector: 'fd-editor-page',
  imports: [
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    FloorPlanEditorComponent,
    EditorTopBar,
    EditorTools,
    EditorProperties,
    EditorSpacesGrid,
    EditorZones,
    EditorRowForm,
  ],
  providers: [EditorStore, EditorCanvasCommands, EditorFormCommands, EditorPersistence],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor.page.html',
  styleUrl: './editor.page.css',
  // The page widens the shell's centred column while it is shown (see the CSS), so its styles are global.
  encapsulation: ViewEncapsulation.None,
  host: {
    '(document:keydown)': 'canvas.onKeydown($event)',
    '(window:beforeunload)': 'onBeforeUnload($event)',
  },
})
export class EditorPage implements LeaveGuarded {
  protected readonly store = inject(EditorStore);
  protected readonly canvas = inject(EditorCanvasCommands);
  /** For the page's tests and tools. */
  protected readonly layout = this.store.layout;
  /** Beside the canvas where there is room, over it on a phone. */
  protected readonly narrow = signal(false);

  constructor() {
    const media = inject(DOCUMENT).defaultView?.matchMedia?.('(max-width: 59.99rem)');
    if (!media) return;
    this.narrow.set(media.matches);
    const listener = (event: MediaQueryListEvent) => {
      this.narrow.set(event.matches);
      if (event.matches) this.store.propertiesOpen.set(false);
    };
    media.addEventListener('change', listener);
    inject(DestroyRef).onDestroy(() => media.removeEventListener('change', listener));
  }

  canLeave(): boolean {
    return this.store.canLeave();
  }

  leaveQuestion(): ConfirmRequest {
    return this.store.leaveQuestion();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.store.canLeave()) return;
    event.preventDefault();
    // Older browsers only ask when a return value is set.
    event.returnValue = '';
  }
}
