import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { buttonByText, flush } from '../../testing';
import { type AlertKind, InlineAlert } from './inline-alert';

@Component({
  imports: [InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<fd-inline-alert [kind]="kind()" [retryLabel]="retryLabel()" (retry)="retried = retried + 1"
    >Laden fehlgeschlagen.</fd-inline-alert
  >`,
})
class Host {
  readonly kind = signal<AlertKind>('error');
  readonly retryLabel = signal<string | null>(null);
  retried = 0;
}

describe('InlineAlert', () => {
  it('is an alert for errors and a status otherwise, with a symbol besides the colour', async () => {
    const fixture = TestBed.createComponent(Host);
    const detect = () => fixture.detectChanges();
    await flush(detect);
    const alert = (fixture.nativeElement as HTMLElement).querySelector('fd-inline-alert');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.querySelector('fd-icon')).not.toBeNull();
    expect(alert?.textContent?.trim()).toBe('Laden fehlgeschlagen.');

    fixture.componentInstance.kind.set('info');
    await flush(detect);
    expect(alert?.getAttribute('role')).toBe('status');
  });

  it('offers a retry when asked to', async () => {
    const fixture = TestBed.createComponent(Host);
    const detect = () => fixture.detectChanges();
    await flush(detect);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('button')).toBeNull();
    fixture.componentInstance.retryLabel.set('Erneut versuchen');
    await flush(detect);
    buttonByText(el, 'Erneut versuchen')?.click();
    expect(fixture.componentInstance.retried).toBe(1);
  });
});
