import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { MessageKey } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { EditorFormCommands } from '../editor-forms.commands';
import { EditorStore } from '../editor.store';

/** The side sheet: the selected spaces or zone, the background and scale, the plan's size. */
@Component({
  selector: 'fd-editor-properties',
  imports: [MatButton, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editor-properties.component.html',
  styleUrls: ['../editor-forms.css', './editor-properties.component.css'],
})
export class EditorProperties {
  protected readonly store = inject(EditorStore);
  protected readonly forms = inject(EditorFormCommands);
  protected readonly sides: readonly { field: 'width' | 'height'; units: MessageKey; metres: MessageKey }[] = [
    { field: 'width', units: 'editor.plan.width', metres: 'editor.plan.widthMetres' },
    { field: 'height', units: 'editor.plan.height', metres: 'editor.plan.heightMetres' },
  ];
}
