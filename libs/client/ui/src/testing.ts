/**
 * Helpers for specs that drive the shared Material widgets through the DOM, as a person would.
 * (Component harnesses wait for the app to be stable, which it is not while a spec holds back an
 * HTTP answer on purpose.) Test code only: imported as `@flexdesk/client-ui/testing`.
 */

/** Lets signals, effects, rendering and Material's short timers catch up. */
export async function flush(detectChanges: () => void, ms = 0): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    detectChanges();
  }
}

const normalize = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The options of a `mat-select`, opened and closed again: text, whether they can be chosen and are
 * chosen, and their `data-*` attributes.
 */
export async function selectOptions(
  select: Element | null,
  detectChanges: () => void,
): Promise<{ text: string; disabled: boolean; selected: boolean; data: Record<string, string | undefined> }[]> {
  if (!select) throw new Error('no mat-select');
  const panel = await open(select, detectChanges);
  const options = [...panel.querySelectorAll<HTMLElement>('mat-option')].map((o) => ({
    text: normalize(o.textContent),
    disabled: o.getAttribute('aria-disabled') === 'true',
    selected: o.getAttribute('aria-selected') === 'true',
    data: { ...o.dataset },
  }));
  select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
  await flush(detectChanges);
  if (select.getAttribute('aria-expanded') === 'true') throw new Error(`mat-select ${select.id} did not close`);
  return options;
}

/** Picks the option whose text starts with `text` in a `mat-select`. */
export async function chooseOption(select: Element | null, text: string, detectChanges: () => void): Promise<void> {
  if (!select) throw new Error('no mat-select');
  const panel = await open(select, detectChanges);
  const option = [...panel.querySelectorAll<HTMLElement>('mat-option')].find((o) =>
    normalize(o.textContent).startsWith(text),
  );
  if (!option) throw new Error(`no option "${text}"`);
  option.click();
  await flush(detectChanges);
}

/** The text a `mat-select` shows as chosen. */
export function selectedText(select: Element | null): string {
  return normalize(select?.querySelector('.mat-mdc-select-value')?.textContent);
}

/** Opens a `mat-select` and returns its panel (Material renders it into the overlay container). */
async function open(select: Element, detectChanges: () => void): Promise<HTMLElement> {
  (select.querySelector<HTMLElement>('.mat-mdc-select-trigger') ?? (select as HTMLElement)).click();
  await flush(detectChanges);
  const panel = document.getElementById(select.getAttribute('aria-controls') ?? '');
  if (!panel) throw new Error(`mat-select ${select.id} did not open`);
  return panel;
}

/** The open dialogs (Material renders them into the overlay container, outside the fixture). */
export function dialogs(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('mat-dialog-container')];
}

/**
 * The message in the snack bar's live region with that politeness, once Material has moved it
 * there (after a short delay, so screen readers notice the change).
 */
export async function announced(politeness: 'polite' | 'assertive', detectChanges: () => void): Promise<string> {
  const read = () =>
    normalize(
      [...document.querySelectorAll(`mat-snack-bar-container [aria-live="${politeness}"]`)]
        .map((e) => e.textContent)
        .join(' '),
    );
  // The snack bar moves its message into the live region after a short delay of its own; on a
  // loaded machine that takes longer than one flush, so wait for it (up to 3 s) before reading.
  await flush(detectChanges, 60);
  for (const until = Date.now() + 3_000; !read() && Date.now() < until; ) await flush(detectChanges, 50);
  return read();
}

export function buttonByText(root: ParentNode | null | undefined, text: string): HTMLButtonElement | null {
  return (
    [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => normalize(b.textContent) === text) ??
    null
  );
}

/** Toggles a `mat-checkbox` by the text of its label. */
export async function toggleByLabel(root: ParentNode, text: string, detectChanges: () => void): Promise<void> {
  const checkbox = [...root.querySelectorAll<HTMLElement>('mat-checkbox')].find((c) =>
    normalize(c.textContent).startsWith(text),
  );
  const input = checkbox?.querySelector('input');
  if (!input) throw new Error(`no checkbox "${text}"`);
  input.click();
  await flush(detectChanges);
}
