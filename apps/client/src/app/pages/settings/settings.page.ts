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
import {
  LOCALES,
  type BuildingSummary,
  type CalendarFeed,
  type FloorSummary,
  type Locale,
  type UpdateMeRequest,
} from '@flexdesk/shared-contracts';
import { BuildingsApi, CalendarApi, I18n, SessionStore, isLocale } from '@flexdesk/client-data-access';
import { firstValueFrom } from 'rxjs';
import { closeDialog, showModal } from '../../shared/dialog';
import { PageAlerts } from '../../shared/page-alerts';

type FeedAction = 'regenerate' | 'revoke';

/** The lowest floor above ground, as on the booking page (not the car park in the basement). */
function defaultFloorOf(building: BuildingSummary): FloorSummary | undefined {
  const floors = [...building.floors].sort((a, b) => a.level - b.level);
  return floors.find((f) => f.level >= 0) ?? floors[0];
}

@Component({
  selector: 'fd-settings-page',
  imports: [PageAlerts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings.page.html',
})
export class SettingsPage {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(SessionStore);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly calendarApi = inject(CalendarApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly locales = LOCALES;

  private readonly buildingsResource = rxResource({ stream: () => this.buildingsApi.list() });
  protected readonly buildings = computed<BuildingSummary[]>(() =>
    this.buildingsResource.hasValue() ? this.buildingsResource.value() : [],
  );
  protected readonly defaultFloorId = computed(() => this.session.me()?.defaultFloorId ?? null);
  /** The building of the saved default floor. */
  protected readonly buildingId = computed(
    () => this.buildings().find((b) => b.floors.some((f) => f.id === this.defaultFloorId()))?.id ?? null,
  );
  protected readonly floors = computed<FloorSummary[]>(() =>
    [...(this.buildings().find((b) => b.id === this.buildingId())?.floors ?? [])].sort((a, b) => a.level - b.level),
  );

  private readonly feedResource = rxResource({ stream: () => this.calendarApi.feedStatus() });
  protected readonly feedActive = computed(() =>
    this.feedResource.hasValue() ? this.feedResource.value().active : null,
  );
  /** Only a hash of the secret is stored, so the link can be shown this once and never again. */
  protected readonly createdFeed = signal<CalendarFeed | null>(null);
  protected readonly pendingAction = signal<FeedAction | null>(null);

  protected readonly loadError = computed(() => {
    for (const r of [this.buildingsResource, this.feedResource]) {
      if (r.status() === 'error')
        return this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(r.error()) });
    }
    return null;
  });

  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  private readonly confirmDialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirm');
  private readonly createdRegion = viewChild<ElementRef<HTMLElement>>('created');
  private opener: HTMLElement | null = null;

  /** The session store saves the language to the profile, as the header's switch does. */
  protected selectLocale(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLocale(value)) return;
    this.i18n.setLocale(value as Locale);
    this.announcement.set(this.i18n.t('settings.saved'));
  }

  protected async toggleShowName(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const show = box.checked;
    const saved = await this.save({ showNameToColleagues: show });
    if (saved) this.announcement.set(this.i18n.t(show ? 'settings.showNameOn' : 'settings.showNameOff'));
    else box.checked = !show;
  }

  /** Picking a building makes its usual floor the default; "no preference" clears it. */
  protected async selectBuilding(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const building = this.buildings().find((b) => b.id === select.value);
    if (!(await this.saveFloor(building ? (defaultFloorOf(building)?.id ?? null) : null))) {
      select.value = this.buildingId() ?? '';
    }
  }

  protected async selectFloor(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    if (!(await this.saveFloor(select.value || null))) select.value = this.defaultFloorId() ?? '';
  }

  protected async createFeed(): Promise<void> {
    this.busy.set(true);
    this.resetMessages();
    try {
      const feed = await firstValueFrom(this.calendarApi.createFeed());
      this.createdFeed.set(feed);
      this.feedResource.set({ active: true });
      this.announcement.set(this.i18n.t('settings.calendar.created'));
      afterNextRender(() => this.createdRegion()?.nativeElement.focus(), { injector: this.injector });
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected ask(action: FeedAction): void {
    this.opener = this.document.activeElement as HTMLElement | null;
    this.pendingAction.set(action);
    this.resetMessages();
    showModal(this.confirmDialog().nativeElement);
  }

  protected keep(): void {
    closeDialog(this.confirmDialog().nativeElement);
  }

  protected onConfirmClosed(): void {
    this.pendingAction.set(null);
    const target = this.opener?.isConnected ? this.opener : this.document.getElementById('main');
    target?.focus();
    this.opener = null;
  }

  protected async confirmAction(): Promise<void> {
    const action = this.pendingAction();
    closeDialog(this.confirmDialog().nativeElement);
    if (action === 'regenerate') {
      await this.createFeed();
    } else if (action === 'revoke') {
      await this.revokeFeed();
    }
  }

  protected async copy(text: string, input: HTMLInputElement): Promise<void> {
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      this.announcement.set(this.i18n.t('settings.calendar.copied'));
      this.error.set(null);
    } catch {
      // Selected, the link is one keystroke away from being copied by hand.
      input.select();
      this.error.set(this.i18n.t('settings.calendar.copyFailed'));
    }
  }

  protected retry(): void {
    for (const r of [this.buildingsResource, this.feedResource]) {
      if (r.status() === 'error') r.reload();
    }
  }

  private async revokeFeed(): Promise<void> {
    this.busy.set(true);
    this.resetMessages();
    try {
      await firstValueFrom(this.calendarApi.revokeFeed(), { defaultValue: undefined });
      this.createdFeed.set(null);
      this.feedResource.set({ active: false });
      this.announcement.set(this.i18n.t('settings.calendar.revoked'));
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  private async saveFloor(floorId: string | null): Promise<boolean> {
    const saved = await this.save({ defaultFloorId: floorId });
    if (saved) this.announcement.set(this.i18n.t('settings.saved'));
    return saved;
  }

  private async save(body: UpdateMeRequest): Promise<boolean> {
    this.busy.set(true);
    this.resetMessages();
    try {
      await this.session.update(body);
      return true;
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private resetMessages(): void {
    this.announcement.set('');
    this.error.set(null);
  }
}
