import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { WEBHOOK_EVENT_TYPES, type CreateWebhookRequest, type WebhookEventType } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/** A new webhook endpoint: its URL and the events it receives. */
@Component({
  selector: 'fd-webhook-form',
  imports: [FormsModule, MatButton, MatCheckbox, MatFormField, MatHint, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <form class="fd-stack" (submit)="$event.preventDefault(); submit()">
      <mat-form-field>
        <mat-label>{{ i18n.t('webhooks.url') }}</mat-label>
        <input
          matInput
          id="webhook-url"
          type="url"
          name="url"
          inputmode="url"
          autocomplete="off"
          maxlength="2000"
          required
          [ngModel]="url()"
          (ngModelChange)="url.set($event)"
        />
        <mat-hint>{{ i18n.t('webhooks.urlHint') }}</mat-hint>
      </mat-form-field>
      <fieldset class="fd-stack">
        <legend>{{ i18n.t('webhooks.events') }}</legend>
        @for (type of types; track type) {
          <mat-checkbox [checked]="chosen().includes(type)" (change)="toggle(type, $event.checked)">
            {{ i18n.t(eventKey(type)) }} <code>({{ type }})</code>
          </mat-checkbox>
        }
      </fieldset>
      @if (problem(); as message) {
        <p class="fd-error-text" role="alert">{{ message }}</p>
      }
      <span class="fd-actions">
        <button type="submit" matButton="filled" [disabled]="busy()">{{ i18n.t('webhooks.create') }}</button>
      </span>
    </form>
  `,
})
export class WebhookForm {
  protected readonly i18n = inject(I18n);
  readonly busy = input(false);
  readonly submitted = output<CreateWebhookRequest>();
  protected readonly types = WEBHOOK_EVENT_TYPES;
  protected readonly url = signal('');
  protected readonly chosen = signal<WebhookEventType[]>([]);
  protected readonly problem = signal<string | null>(null);

  protected eventKey(type: WebhookEventType) {
    return `webhooks.event.${type}` as const;
  }

  protected toggle(type: WebhookEventType, on: boolean): void {
    this.chosen.update((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  }

  /** Empties the form after the endpoint was created. */
  reset(): void {
    this.url.set('');
    this.chosen.set([]);
    this.problem.set(null);
  }

  protected submit(): void {
    const url = this.url().trim();
    if (!/^https?:\/\/\S+$/i.test(url)) return this.problem.set(this.i18n.t('webhooks.urlInvalid'));
    if (!this.chosen().length) return this.problem.set(this.i18n.t('webhooks.eventsRequired'));
    this.problem.set(null);
    this.submitted.emit({ url, eventTypes: WEBHOOK_EVENT_TYPES.filter((t) => this.chosen().includes(t)) });
  }
}

/** The signing secret of a new endpoint, shown this once, read-only, with a copy button. */
@Component({
  selector: 'fd-webhook-secret',
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  styles: `
    :host {
      display: block;
      padding: var(--fd-space-3);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fd-radius, 8px);
      margin: var(--fd-space-2) 0;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  template: `
    <p id="webhook-secret-note">
      <strong>⚠ {{ i18n.t('webhooks.secretOnce') }}</strong>
    </p>
    <mat-form-field>
      <mat-label>{{ i18n.t('webhooks.secret') }}</mat-label>
      <input
        matInput
        readonly
        #field
        id="webhook-secret"
        data-testid="webhook-secret"
        aria-describedby="webhook-secret-note"
        [value]="secret()"
        (focus)="$any($event.target).select()"
      />
    </mat-form-field>
    <p class="fd-list__main muted">{{ i18n.t('webhooks.secretFor', { url: url() }) }}</p>
    <span class="fd-actions">
      <button type="button" matButton="outlined" (click)="copy()">
        {{ copied() ? i18n.t('webhooks.copied') : i18n.t('webhooks.copy') }}
      </button>
      <button type="button" matButton (click)="done.emit()">{{ i18n.t('webhooks.secretDone') }}</button>
    </span>
    <span class="visually-hidden" aria-live="polite">{{ copied() ? i18n.t('webhooks.copied') : '' }}</span>
  `,
})
export class WebhookSecret {
  protected readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);
  readonly secret = input.required<string>();
  readonly url = input.required<string>();
  readonly done = output<void>();
  protected readonly copied = signal(false);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  constructor() {
    // Straight to the secret (selected, ready to copy); the note before it is its description.
    afterNextRender(() => this.field().nativeElement.focus());
  }

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.secret()));
  }
}
