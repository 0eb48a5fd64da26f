import type { EditorTool } from '@flexdesk/client-ui-floor-plan';
import type { MessageKey } from '@flexdesk/client-data-access';
import type { Alignment } from '@flexdesk/shared-domain';

/** The editor's fixed lists and small helpers. */

/** A validation problem as shown in the error summary. */
export interface ShownError {
  fieldId: string | null;
  text: string;
}

export type NumberField = 'x' | 'y' | 'width' | 'height' | 'rotation';

/** The canvas tools, their shortcut keys and label keys. */
export const EDITOR_TOOLS: readonly { tool: EditorTool; key: string; label: MessageKey }[] = [
  { tool: 'select', key: 'V', label: 'editor.tool.select' },
  { tool: 'pan', key: 'H', label: 'editor.tool.pan' },
  { tool: 'desk', key: 'D', label: 'editor.tool.desk' },
  { tool: 'row', key: 'R', label: 'editor.tool.row' },
  { tool: 'zone', key: 'Z', label: 'editor.tool.zone' },
  { tool: 'scale', key: 'M', label: 'editor.tool.scale' },
];

export const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right', 'top', 'middle', 'bottom'];

/** Whether a key event is typing into a form control (then the canvas shortcuts stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'color', 'file'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The editor's state: building, floor, the draft and its undo history, selection, tool and messages,
 * with the commands every part of the page shares. One per editor page (provided by the page).
 */
