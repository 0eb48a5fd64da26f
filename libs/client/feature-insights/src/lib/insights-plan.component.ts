import { ChangeDetectionStrategy, Component, type ElementRef, computed, input, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { Floor, InsightSpace } from '@flexdesk/shared-contracts';
import { HEAT_FILL, planCells } from './insights-plan';

/**
 * The plan heatmap: the floor's spaces at their places, each shaded by its booked share AND with
 * the number written in it (or the suppression note), so nothing depends on colour. Plain SVG, not
 * the booking viewer: that one shows booking states, not figures. Exportable as PNG.
 */
@Component({
  selector: 'fd-insights-plan',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      #svg
      xmlns="http://www.w3.org/2000/svg"
      [attr.viewBox]="'0 0 ' + floor().plan.width + ' ' + floor().plan.height"
      role="img"
      [attr.aria-label]="label()"
      data-testid="insights-plan"
    >
      <rect x="0" y="0" [attr.width]="floor().plan.width" [attr.height]="floor().plan.height" fill="#ffffff" />
      @for (c of cells(); track c.spaceId) {
        <g [attr.transform]="c.transform">
          <rect [attr.width]="c.width" [attr.height]="c.height" [attr.fill]="c.fill" stroke="#424242" stroke-width="1" />
        </g>
        <text
          [attr.x]="c.cx"
          [attr.y]="c.cy"
          [attr.font-size]="c.fontSize"
          text-anchor="middle"
          font-family="sans-serif"
          fill="#000000"
          stroke="#ffffff"
          stroke-width="2"
          paint-order="stroke"
        >
          <tspan [attr.x]="c.cx" dy="-0.2em">{{ c.label }}</tspan>
          <tspan [attr.x]="c.cx" dy="1.1em" font-weight="bold">{{ c.value }}</tspan>
        </text>
      }
    </svg>
    <div class="legend" aria-hidden="true">
      @for (f of fills; track f; let i = $index) {
        <span><span class="swatch" [style.background]="f"></span>{{ legend()[i] }}</span>
      }
    </div>
    <button matButton="outlined" type="button" (click)="exportPng()" data-testid="export-png">{{ pngLabel() }}</button>
  `,
  styles: `
    :host { display: block; }
    svg { width: 100%; max-height: 70vh; border: 1px solid var(--mat-sys-outline-variant); }
    .legend { display: flex; flex-wrap: wrap; gap: 12px; margin-block: 8px; font: var(--mat-sys-body-small); }
    .swatch { display: inline-block; width: 14px; height: 14px; margin-inline-end: 4px; border: 1px solid #424242; vertical-align: middle; }
  `,
})
export class InsightsPlan {
  readonly floor = input.required<Floor>();
  readonly spaces = input.required<readonly InsightSpace[]>();
  /** Writes a space's figure (percentage or suppression note). */
  readonly format = input.required<(s: InsightSpace | undefined) => string>();
  readonly label = input.required<string>();
  readonly legend = input.required<readonly string[]>();
  readonly pngLabel = input.required<string>();
  readonly fileName = input('flexdesk-heatmap.png');
  protected readonly fills = HEAT_FILL;
  private readonly svg = viewChild.required<ElementRef<SVGSVGElement>>('svg');
  protected readonly cells = computed(() => planCells(this.floor(), this.spaces(), this.format()));

  /** Draws the SVG onto a canvas at twice the plan size and downloads it as PNG. */
  protected async exportPng(): Promise<void> {
    const { width, height } = this.floor().plan;
    const markup = new XMLSerializer().serializeToString(this.svg().nativeElement);
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      const link = document.createElement('a');
      link.href = canvas.toDataURL('image/png');
      link.download = this.fileName();
      link.click();
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}
