import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { SpaceKind } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import type { ExplainedConflict, LostBooking } from './booking-flow';
import type { SpaceRow } from './space-rows';

/** Someone else got the space: who (where visible), and the nearest space that would have done. */
@Component({
  selector: 'fd-conflict-alert',
  imports: [MatButton, InlineAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fd-inline-alert class="conflict" tabindex="-1">
      <p>{{ i18n.t('book.conflict.title', { kind: kindName(lost().space.kind), label: lost().space.label }) }}</p>
      @if (conflict(); as c) {
        <p>{{ text(c) }}</p>
        @if (c.alternative; as alt) {
          <p>{{ i18n.t('book.conflict.alternative', { kind: kindName(alt.kind), label: alt.label }) }}</p>
          <button type="button" matButton="filled" (click)="bookAlternative.emit(alt)">
            {{ i18n.t('book.conflict.bookAlternative', { label: alt.label }) }}
          </button>
        } @else {
          <p>{{ i18n.t('book.conflict.noAlternative') }}</p>
        }
      }
    </fd-inline-alert>
  `,
  styles: `
    .conflict ::ng-deep .fd-alert__body {
      flex-direction: column;
      align-items: flex-start;
    }
  `,
})
export class ConflictAlert {
  protected readonly i18n = inject(I18n);
  readonly lost = input.required<LostBooking>();
  readonly conflict = input<ExplainedConflict | null>(null);
  readonly timeZone = input('UTC');
  readonly bookAlternative = output<SpaceRow>();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    // Each new conflict takes the focus, so it is read out where the dialog was.
    afterRenderEffect(() => {
      this.lost();
      host.nativeElement.querySelector<HTMLElement>('.conflict')?.focus();
    });
  }

  protected kindName(kind: SpaceKind): string {
    return this.i18n.t(`kind.${kind}`);
  }

  protected text(c: ExplainedConflict): string {
    const outcome = c.outcome;
    switch (outcome.kind) {
      case 'taken': {
        const time = this.i18n.formatTimeRange(outcome.start, outcome.end, this.timeZone());
        return outcome.by
          ? this.i18n.t('book.conflict.takenBy', { name: outcome.by, time })
          : this.i18n.t('book.conflict.takenBySomeone', { time });
      }
      case 'mine':
        return this.i18n.t('book.conflict.mine');
      case 'unavailable':
        return this.i18n.t('book.conflict.unavailable');
      default:
        return this.i18n.t('book.conflict.unknown');
    }
  }
}
