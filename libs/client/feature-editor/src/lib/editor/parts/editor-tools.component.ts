import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { EditorCanvasCommands } from '../editor-canvas.commands';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorStore } from '../editor.store';

/** The canvas's toolbar: drawing tools, arranging the selection, snapping, the properties sheet. */
@Component({
  selector: 'fd-editor-tools',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-tools.component.html',
  styleUrls: ['../editor-forms.css', './editor-tools.component.css'],
})
export class EditorTools {
  protected readonly store = inject(EditorStore);
  protected readonly canvas = inject(EditorCanvasCommands);
  protected readonly forms = inject(EditorFormCommands);
}
