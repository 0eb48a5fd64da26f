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
  styles: `
    .chart { width: 100%; min-width: 280px; height: var(--chart-height, 260px); }
  `,
})
export class InsightsChart implements OnDestroy {
  readonly option = input.required<Record<string, unknown>>();
  readonly label = input.required<string>();
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private chart: ECharts | null = null;
  private readonly resize = () => this.chart?.resize();

  constructor() {
    afterNextRender(async () => {
      const create = await loadECharts();
      this.chart = create(this.host().nativeElement);
      this.chart.setOption(this.option(), true);
      window.addEventListener('resize', this.resize);
    });
    effect(() => {
      const option = this.option();
      this.chart?.setOption(option, true);
    });
  }

  ngOnDestroy(): void {
    window.removeEventListener('resize', this.resize);
    this.chart?.dispose();
  }
}
