import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { InlineAlert } from '@flexdesk/client-ui';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorStore } from '../editor.store';

/** Adds numbered rows of desks from exact values (the row tool draws them on the canvas). */
@Component({
  selector: 'fd-editor-row-form',
  imports: [MatButton, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-row-form.component.html',
  styleUrls: ['../editor-forms.css'],
})
export class EditorRowForm {
  protected readonly store = inject(EditorStore);
  protected readonly forms = inject(EditorFormCommands);
}
