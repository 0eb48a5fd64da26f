import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  afterNextRender,
  effect,
  input,
  viewChild,
} from '@angular/core';

type ECharts = { setOption(o: unknown, notMerge?: boolean): void; resize(): void; dispose(): void };

let loading: Promise<(el: HTMLElement) => ECharts> | null = null;

/**
 * ECharts from `echarts/core` with only the parts used here (tree-shaken), loaded on first use so
 * it never reaches any other page's chunks. SVG renderer: crisp when printed. The chart is an image
 * for assistive technology; the table beside it carries the same figures.
 */
function loadECharts(): Promise<(el: HTMLElement) => ECharts> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      charts.HeatmapChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.VisualMapComponent,
      components.AriaComponent,
      renderers.SVGRenderer,
    ]);
    return (el: HTMLElement) => core.init(el, undefined, { renderer: 'svg' }) as unknown as ECharts;
  });
  return loading;
}

@Component({
  selector: 'fd-insights-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #host class="chart" role="img" [attr.aria-label]="label()"></div>`,
  // The chart's SVG has a fixed pixel size until it is resized: it must never be what holds its
  // container wide (a phone's one-column layout kept a desktop-wide chart, and the page with it).
  styles: `
    :host { display: block; min-width: 0; }
    .chart { width: 100%; height: var(--chart-height, 260px); overflow: hidden; }
  `,
})
export class InsightsChart implements OnDestroy {
  readonly option = input.required<Record<string, unknown>>();
  readonly label = input.required<string>();
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private chart: ECharts | null = null;
  private readonly resize = () => this.chart?.resize();
  /** Follows the element itself (a layout switching columns, a side panel), not only the window. */
  private observer: ResizeObserver | null = null;

  constructor() {
    afterNextRender(async () => {
      const create = await loadECharts();
      this.chart = create(this.host().nativeElement);
      this.chart.setOption(this.option(), true);
      if (typeof ResizeObserver === 'function') {
        this.observer = new ResizeObserver(this.resize);
        this.observer.observe(this.host().nativeElement);
      } else {
        window.addEventListener('resize', this.resize);
      }
    });
    effect(() => {
      const option = this.option();
      this.chart?.setOption(option, true);
    });
  }

  ngOnDestroy(): void {
    this.observer?.disconnect();
    window.removeEventListener('resize', this.resize);
    this.chart?.dispose();
  }
}
