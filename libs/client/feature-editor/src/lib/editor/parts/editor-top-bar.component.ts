import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { BuildingFloorPicker, InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorPersistence } from '../editor-persistence';
import { EditorStore } from '../editor.store';

/** Above the canvas: title and draft actions, messages, building and floor, the published version. */
@Component({
  selector: 'fd-editor-top-bar',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, BuildingFloorPicker, InlineAlert, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-top-bar.component.html',
  styleUrls: ['../editor-forms.css', './editor-top-bar.component.css'],
})
export class EditorTopBar {
  protected readonly store = inject(EditorStore);
  protected readonly forms = inject(EditorFormCommands);
  protected readonly io = inject(EditorPersistence);
}
