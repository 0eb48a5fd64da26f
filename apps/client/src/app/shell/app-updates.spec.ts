import { TestBed } from '@angular/core/testing';
import { SwUpdate, type VersionEvent } from '@angular/service-worker';
import { Notifier } from '@flexdesk/client-ui';
import { Subject } from 'rxjs';
import { AppUpdates } from './app-updates';

describe('AppUpdates', () => {
  const versionUpdates = new Subject<VersionEvent>();
  const unrecoverable = new Subject<{ type: 'UNRECOVERABLE_STATE'; reason: string }>();
  const notifier = { success: jest.fn(), error: jest.fn() };

  beforeEach(() => {
    notifier.success.mockReset();
    notifier.error.mockReset();
    TestBed.configureTestingModule({
      providers: [
        { provide: SwUpdate, useValue: { isEnabled: true, versionUpdates, unrecoverable, checkForUpdate: jest.fn(async () => false) } },
        { provide: Notifier, useValue: notifier },
      ],
    });
  });

  it('offers to reload once a new version is ready, and waits for the person', () => {
    TestBed.inject(AppUpdates).start();
    versionUpdates.next({ type: 'VERSION_DETECTED', version: { hash: 'b' } });
    expect(notifier.success).not.toHaveBeenCalled();
    versionUpdates.next({ type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } });
    expect(notifier.success).toHaveBeenCalledWith('Eine neue Version von Flexdesk ist da.', {
      sticky: true,
      action: { label: 'Neu laden', run: expect.any(Function) },
    });
  });

  it('asks for a reload when the cached app can no longer work', () => {
    TestBed.inject(AppUpdates).start();
    unrecoverable.next({ type: 'UNRECOVERABLE_STATE', reason: 'files gone' });
    expect(notifier.error).toHaveBeenCalledWith('Flexdesk muss neu geladen werden, um weiter zu funktionieren.', {
      action: expect.objectContaining({ label: 'Neu laden' }),
    });
  });

  it('does nothing about versions where no service worker runs', () => {
    TestBed.overrideProvider(SwUpdate, { useValue: { isEnabled: false, versionUpdates, unrecoverable } });
    TestBed.inject(AppUpdates).start();
    versionUpdates.next({ type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } });
    expect(notifier.success).not.toHaveBeenCalled();
    expect(TestBed.inject(AppUpdates).online()).toBe(true);
  });
});
