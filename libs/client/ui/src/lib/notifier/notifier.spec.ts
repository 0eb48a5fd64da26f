import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { announced, buttonByText, flush } from '../../testing';
import { UI_LOCALE } from '../locale/ui-locale';
import { Notifier } from './notifier';

@Component({
  template: `<main id="main">
    <h1 tabindex="-1">Seite</h1>
    <button type="button" id="origin">Los</button>
  </main>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('Notifier', () => {
  let notifier: Notifier;
  const tick = () => TestBed.tick();

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: UI_LOCALE, useValue: signal('de') }] });
    notifier = TestBed.inject(Notifier);
  });

  afterEach(async () => {
    notifier.dismiss();
    await flush(tick, 20);
  });

  it('announces success politely and errors assertively, with a symbol and a close button', async () => {
    notifier.success('Gespeichert.');
    expect(await announced('polite', tick)).toBe('Gespeichert.');
    expect(document.querySelector('mat-snack-bar-container fd-icon')).not.toBeNull();
    expect(document.querySelector('mat-snack-bar-container button[aria-label="Meldung schließen"]')).not.toBeNull();

    notifier.error('Der Server ist nicht erreichbar.');
    expect(await announced('assertive', tick)).toBe('Der Server ist nicht erreichbar.');
    // One at a time: the error replaced the success message.
    expect(document.querySelectorAll('mat-snack-bar-container')).toHaveLength(1);
  });

  it('runs the action once and closes', async () => {
    const undo = jest.fn();
    notifier.success('Eingecheckt.', { action: { label: 'Rückgängig', run: undo } });
    await flush(tick, 20);
    buttonByText(document.querySelector('mat-snack-bar-container'), 'Rückgängig')?.click();
    await flush(tick, 60);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(document.querySelector('mat-snack-bar-container')).toBeNull();
  });

  it('keeps errors until they are closed, and lets other messages go after a while', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const settle = async (ms: number) => {
      jest.advanceTimersByTime(ms);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      TestBed.tick();
    };
    try {
      const error = notifier.error('Fehler bleibt.');
      let errorGone = false;
      error.afterDismissed().subscribe(() => (errorGone = true));
      await settle(60_000);
      expect(errorGone).toBe(false);

      const success = notifier.success('Weg nach einer Weile.');
      let successGone = false;
      success.afterDismissed().subscribe(() => (successGone = true));
      await settle(0);
      expect(errorGone).toBe(true);
      await settle(5_000);
      expect(successGone).toBe(false);
      await settle(2_000);
      expect(successGone).toBe(true);

      // A sticky message (a new version to load) waits for the person, action or not.
      const sticky = notifier.success('Neue Version.', { sticky: true, action: { label: 'Neu laden', run: () => undefined } });
      let stickyGone = false;
      sticky.afterDismissed().subscribe(() => (stickyGone = true));
      await settle(60_000);
      expect(stickyGone).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('can take the focus, and gives it back to the page when closed', async () => {
    const fixture = TestBed.createComponent(Host);
    const el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    const ref = notifier.success('Gebucht.', { focus: true });
    await flush(tick, 60);
    expect(document.activeElement?.textContent).toContain('Gebucht.');

    ref.dismiss();
    await flush(tick, 60);
    expect(document.activeElement).toBe(el.querySelector('h1'));
    el.remove();
  });

  it('stays while the focus is on it, and Escape closes it', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const ref = notifier.success('Gebucht.', { focus: true });
      let gone = false;
      ref.afterDismissed().subscribe(() => (gone = true));
      jest.advanceTimersByTime(50);
      TestBed.tick();
      jest.advanceTimersByTime(50);
      const message = document.querySelector<HTMLElement>('.fd-notification__message');
      expect(document.activeElement).toBe(message);
      jest.advanceTimersByTime(60_000);
      expect(gone).toBe(false);

      message?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      jest.advanceTimersByTime(500);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(gone).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
