import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorStore } from '../editor.store';

/** The floor's zones by name and colour (drawn and reshaped on the canvas). */
@Component({
  selector: 'fd-editor-zones',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-zones.component.html',
  styleUrls: ['../editor-forms.css'],
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    input[type='text'] {
      width: 100%;
      box-sizing: border-box;
    }
  `,
})
export class EditorZones {
  protected readonly store = inject(EditorStore);
  protected readonly forms = inject(EditorFormCommands);
}
