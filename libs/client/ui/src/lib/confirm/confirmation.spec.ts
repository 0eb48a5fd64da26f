import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { buttonByText, dialogs, flush } from '../../testing';
import { UI_LOCALE } from '../locale/ui-locale';
import { Confirmation } from './confirmation';
import type { ConfirmRequest } from './confirm-dialog';

const REQUEST: ConfirmRequest = {
  title: 'Buchung stornieren?',
  message: 'Arbeitsplatz 0.07 am Mo., 4. Mai.',
  confirmLabel: 'Ja, stornieren',
  cancelLabel: 'Nein, behalten',
  danger: true,
};

describe('Confirmation', () => {
  let confirmation: Confirmation;
  const tick = () => TestBed.tick();

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: UI_LOCALE, useValue: signal('de') }] });
    confirmation = TestBed.inject(Confirmation);
  });

  it('is a labelled, described dialog that starts on the safe choice', async () => {
    const answer = confirmation.ask({ ...REQUEST, items: ['0.07: 09:00–17:00 Uhr'] });
    await flush(tick, 20);
    const [dialog] = dialogs();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(REQUEST.title);
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe(REQUEST.message);
    expect(dialog.querySelector('li')?.textContent).toBe('0.07: 09:00–17:00 Uhr');
    expect(document.activeElement?.textContent?.trim()).toBe('Nein, behalten');
    expect(buttonByText(dialog, 'Ja, stornieren')?.classList).toContain('fd-danger');

    buttonByText(dialog, 'Nein, behalten')?.click();
    expect(await answer).toBe(false);
  });

  it('answers yes on confirmation', async () => {
    const answer = confirmation.ask(REQUEST);
    await flush(tick, 20);
    buttonByText(dialogs()[0], 'Ja, stornieren')?.click();
    expect(await answer).toBe(true);
  });

  it('runs the action, stays open to say why it failed, and closes once it succeeds', async () => {
    const action = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(undefined);
    const answer = confirmation.ask({ ...REQUEST, action, errorMessage: () => 'Der Server ist nicht erreichbar.' });
    await flush(tick, 20);
    const dialog = dialogs()[0];
    buttonByText(dialog, 'Ja, stornieren')?.click();
    await flush(tick, 20);
    expect(dialog.querySelector('[role=alert]')?.textContent).toContain('Der Server ist nicht erreichbar.');
    expect(dialogs()).toHaveLength(1);

    buttonByText(dialog, 'Ja, stornieren')?.click();
    expect(await answer).toBe(true);
    expect(action).toHaveBeenCalledTimes(2);
  });
});
