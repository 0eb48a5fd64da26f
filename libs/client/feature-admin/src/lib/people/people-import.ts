import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { PeopleImportResult } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { InlineAlert } from '@flexdesk/client-ui';
import { LinkBox } from './link-box';
import type { PeopleStore } from './people.store';

/** CSV import: a dry run lists what each row would do, then the same file is imported for real. */
@Component({
  selector: 'fd-people-import',
  imports: [MatButton, MatProgressBar, InlineAlert, LinkBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  template: `
    <section class="fd-stack" aria-labelledby="import-heading">
      <h2 id="import-heading">{{ i18n.t('people.importHeading') }}</h2>
      <p class="muted">{{ i18n.t('people.importIntro') }}</p>
      <div class="fd-row">
        <label for="people-csv">{{ i18n.t('people.importFile') }}</label>
        <input id="people-csv" class="fd-native" type="file" accept=".csv,text/csv" (change)="pick($event)" />
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('people.importing')" />
      }
      @if (error(); as message) {
        <fd-inline-alert>{{ message }}</fd-inline-alert>
      }
      @if (result(); as r) {
        <div role="status" data-testid="import-summary">
          <strong>{{ i18n.t(r.dryRun ? 'people.importPreview' : 'people.importDone') }}</strong>
          {{
            i18n.t('people.importCounts', {
              created: r.created,
              updated: r.updated,
              unchanged: r.unchanged,
              invalid: r.invalid,
            })
          }}
        </div>
        @if (r.invalid) {
          <ul class="fd-list" [attr.aria-label]="i18n.t('people.importInvalidRows')">
            @for (row of invalidRows(r); track row.line) {
              <li>
                <span class="fd-list__main"
                  >{{ i18n.t('people.importLine', { line: row.line }) }} {{ row.email }}:
                  {{ errorsOf(row.errors) }}</span
                >
              </li>
            }
          </ul>
        }
        @if (r.dryRun && r.created + r.updated > 0) {
          <div class="fd-actions">
            <button type="button" matButton="filled" [disabled]="busy()" (click)="run(false)">
              {{ i18n.t('people.importRun', { count: r.created + r.updated }) }}
            </button>
          </div>
        }
        @for (inv of r.invitations; track inv.email) {
          <fd-link-box [link]="inv.setPassword" [label]="inv.email" />
        }
      }
    </section>
  `,
})
export class PeopleImport {
  protected readonly i18n = inject(I18n);
  readonly store = input.required<PeopleStore>();
  protected readonly file = signal<File | null>(null);
  protected readonly result = signal<PeopleImportResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected pick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.result.set(null);
    if (file) void this.run(true);
  }

  protected invalidRows(r: PeopleImportResult) {
    return r.rows.filter((row) => row.outcome === 'invalid');
  }

  protected errorsOf(errors: { path: string; message: string }[]): string {
    return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  }

  protected async run(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.store().import(file, dryRun));
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
