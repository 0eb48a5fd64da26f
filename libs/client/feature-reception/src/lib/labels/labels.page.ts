import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { Floor, Space } from '@flexdesk/shared-contracts';
import { BuildingsApi, I18n, checkInPageUrl } from '@flexdesk/client-data-access';
import { InlineAlert, PageHeader } from '@flexdesk/client-ui';
import { map } from 'rxjs';
import { type QrSvg, qrSvg } from './qr';

export interface SpaceLabel {
  space: Space;
  url: string;
  qr: QrSvg;
}

/** Label order on the sheet: as people read the plan, by label with numbers in numeric order. */
export function labelsOf(floor: Floor, origin: string, languageTag: string): SpaceLabel[] {
  const collator = new Intl.Collator(languageTag, { numeric: true, sensitivity: 'base' });
  return [...floor.spaces]
    .sort((a, b) => collator.compare(a.label, b.label))
    .map((space) => {
      const url = checkInPageUrl(origin, space.id);
      return { space, url, qr: qrSvg(url) };
    });
}

/**
 * QR labels for every space of a floor, laid out on A4 sheets (3 × 8 labels of 70 × 37 mm). Each
 * code opens the check-in page for its space on this very server.
 */
@Component({
  selector: 'fd-labels-page',
  imports: [RouterLink, MatButton, InlineAlert, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './labels.page.html',
  styleUrl: './labels.page.css',
})
export class LabelsPage {
  protected readonly i18n = inject(I18n);
  private readonly buildingsApi = inject(BuildingsApi);
  private readonly document = inject(DOCUMENT);
  private readonly floorId = toSignal(inject(ActivatedRoute).paramMap.pipe(map((p) => p.get('floorId'))));

  private readonly floorResource = rxResource({
    params: () => this.floorId() ?? undefined,
    stream: ({ params }) => this.buildingsApi.floor(params),
  });
  protected readonly floor = computed(() => (this.floorResource.hasValue() ? this.floorResource.value() : null));
  protected readonly labels = computed(() => {
    const floor = this.floor();
    return floor ? labelsOf(floor, this.document.location.origin, this.i18n.languageTag()) : [];
  });
  protected readonly loadError = computed(() =>
    this.floorResource.status() === 'error'
      ? this.i18n.t('error.loadFailed', { message: this.i18n.errorMessage(this.floorResource.error()) })
      : null,
  );

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected retry(): void {
    this.floorResource.reload();
  }
}
