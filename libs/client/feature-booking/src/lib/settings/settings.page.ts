import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  LOCALES,
  type BuildingSummary,
  type CalendarFeed,
  type FloorSummary,
  type UpdateMeRequest,
} from '@flexdesk/shared-contracts';
import { AuthApi, BuildingsApi, CalendarApi, I18n, SessionStore, isLocale } from '@flexdesk/client-data-access';
import { BuildingFloorPicker, Confirmation, InlineAlert, Notifier, PageHeader } from '@flexdesk/client-ui';
import { firstValueFrom } from 'rxjs';
import { NotificationPreferencesPanel } from './notification-preferences';

/** The lowest floor above ground, as on the booking page (not the car park in the basement). */
function defaultFloorOf(building: BuildingSummary): FloorSummary | undefined {
  const floors = [...building.floors].sort((a, b) => a.level - b.level);
  return floors.find((f) => f.level >= 0) ?? floors[0];
}

@Component({
  selector: 'fd-settings-page',
  imports: [
    MatButton,
    MatCheckbox,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    BuildingFloorPicker,
    InlineAlert,
    NotificationPreferencesPanel,
    PageHeader,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings.page.html',
  styles: `
    .settings-locale {
      width: min(28rem, 100%);
    }
    .copy-field {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 var(--fd-space-2);
    }
    .copy-field mat-form-field {
      flex: 1 1 20rem;
    }
    .copy-field input {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    }
    .feed-status .status {
      white-space: normal;
    }
  `,
})
export class SettingsPage {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(SessionStore);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly calendarApi = inject(CalendarApi);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly locales = LOCALES;
  /** Everything stored about the person, as a JSON file (the session cookie authenticates the link). */
  protected readonly dataExportUrl = inject(AuthApi).myDataExportUrl();

  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );
  protected readonly defaultFloorId = computed(() => this.session.me()?.defaultFloorId ?? null);
  /** The building of the saved default floor. */
  protected readonly buildingId = computed(
    () => this.buildings().find((b) => b.floors.some((f) => f.id === this.defaultFloorId()))?.id ?? null,
  );

  private readonly feedResource = rxResource({ stream: () => this.calendarApi.feedStatus() });
  protected readonly feedActive = computed(() =>
    this.feedResource.hasValue() ? this.feedResource.value().active : null,
  );
  /** Only a hash of the secret is stored, so the link can be shown this once and never again. */
  protected readonly createdFeed = signal<CalendarFeed | null>(null);

  protected readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.feedResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  protected readonly busy = signal(false);
  private readonly createdRegion = viewChild<ElementRef<HTMLElement>>('created');

  /** The session store saves the language to the profile, as the header's switch does. */
  protected selectLocale(change: MatSelectChange): void {
    if (!isLocale(change.value)) return;
    this.i18n.setLocale(change.value);
    this.notifier.success(this.i18n.t('settings.saved'));
  }

  protected async toggleShowName(change: MatCheckboxChange): Promise<void> {
    const show = change.checked;
    const saved = await this.save({ showNameToColleagues: show });
    if (saved) this.notifier.success(this.i18n.t(show ? 'settings.showNameOn' : 'settings.showNameOff'));
    else change.source.checked = !show;
  }

  /** Picking a building makes its usual floor the default; "no preference" clears it. */
  protected async selectBuilding(buildingId: string | null): Promise<void> {
    const building = this.buildings().find((b) => b.id === buildingId);
    await this.saveFloor(building ? (defaultFloorOf(building)?.id ?? null) : null);
  }

  protected async selectFloor(floorId: string | null): Promise<void> {
    await this.saveFloor(floorId);
  }

  protected async createFeed(): Promise<void> {
    this.busy.set(true);
    try {
      const feed = await firstValueFrom(this.calendarApi.createFeed());
      this.createdFeed.set(feed);
      this.feedResource.set({ active: true });
      this.notifier.success(this.i18n.t('settings.calendar.created'));
      afterNextRender(() => this.createdRegion()?.nativeElement.focus(), { injector: this.injector });
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async askRegenerate(): Promise<void> {
    const confirmed = await this.confirmation.ask({
      title: this.i18n.t('settings.calendar.regenerateTitle'),
      message: this.i18n.t('settings.calendar.regenerateText'),
      confirmLabel: this.i18n.t('settings.calendar.regenerateYes'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
    });
    if (confirmed) await this.createFeed();
  }

  protected async askRevoke(): Promise<void> {
    const confirmed = await this.confirmation.ask({
      title: this.i18n.t('settings.calendar.revokeTitle'),
      message: this.i18n.t('settings.calendar.revokeText'),
      confirmLabel: this.i18n.t('settings.calendar.revokeYes'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
    });
    if (confirmed) await this.revokeFeed();
  }

  protected async copy(text: string, input: HTMLInputElement): Promise<void> {
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      this.notifier.success(this.i18n.t('settings.calendar.copied'));
    } catch {
      // Selected, the link is one keystroke away from being copied by hand.
      input.select();
      this.notifier.error(this.i18n.t('settings.calendar.copyFailed'));
    }
  }

  protected retry(): void {
    for (const r of [this.buildingsResource, this.feedResource]) {
      if (r.status() === 'error') r.reload();
    }
  }

  private async revokeFeed(): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.calendarApi.revokeFeed(), { defaultValue: undefined });
      this.createdFeed.set(null);
      this.feedResource.set({ active: false });
      this.notifier.success(this.i18n.t('settings.calendar.revoked'));
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  private async saveFloor(floorId: string | null): Promise<void> {
    if (await this.save({ defaultFloorId: floorId })) this.notifier.success(this.i18n.t('settings.saved'));
  }

  private async save(body: UpdateMeRequest): Promise<boolean> {
    this.busy.set(true);
    try {
      await this.session.update(body);
      return true;
    } catch (e) {
      this.notifier.error(this.i18n.errorMessage(e));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
