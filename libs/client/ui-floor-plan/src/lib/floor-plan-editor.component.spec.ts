import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { FloorLayout } from '@flexdesk/shared-contracts';
import { FloorPlanEditorComponent, type FloorPlanEditorLabels } from './floor-plan-editor.component';

const labels: FloorPlanEditorLabels = {
  canvas: 'Plan editor',
  instructions: 'Click to select, drag to move.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit',
};

const layout: FloorLayout = {
  plan: { width: 400, height: 300, scale: null, backgroundUrl: null },
  zones: [
    {
      id: 'z1',
      name: 'Z',
      color: '#4f7cac',
      polygon: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
        { x: 0, y: 100 },
      ],
      restrictedToGroupIds: [],
    },
  ],
  spaces: [
    {
      id: 'a',
      zoneId: null,
      kind: 'desk',
      label: 'A1',
      x: 10,
      y: 10,
      width: 80,
      height: 40,
      rotation: 0,
      attributes: [],
      capacity: null,
      bookable: true,
      restrictedToGroupIds: [],
    },
  ],
};

describe('FloorPlanEditorComponent', () => {
  let fixture: ComponentFixture<FloorPlanEditorComponent>;

  beforeEach(async () => {
    fixture = TestBed.createComponent(FloorPlanEditorComponent);
    fixture.componentRef.setInput('layout', layout);
    fixture.componentRef.setInput('labels', labels);
    fixture.componentRef.setInput('selectedIds', ['a']);
    fixture.componentRef.setInput('tool', 'zone');
    await fixture.whenStable();
    await fixture.componentInstance.whenReady();
    await fixture.whenStable();
  });

  const renderer = () => {
    const plan = fixture.componentInstance.plan;
    if (!plan) throw new Error('no renderer');
    return plan;
  };
  const canvas = () => fixture.nativeElement.querySelector('[role="application"]') as HTMLElement;
  const key = (k: string) => {
    const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
    canvas().dispatchEvent(event);
    return event;
  };

  it('is a labelled, described, focusable application', () => {
    const el = canvas();
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('aria-label')).toBe('Plan editor');
    const help = fixture.nativeElement.querySelector(`#${el.getAttribute('aria-describedby')}`);
    expect(help.textContent).toContain('drag to move');
    expect(el.dataset['tool']).toBe('zone');
  });

  it('passes layout, selection and tool to the renderer', () => {
    const plan = fixture.componentInstance.plan;
    expect(plan?.selection).toEqual(['a']);
    expect(plan?.spaceAt(plan.toScreen({ x: 20, y: 20 }))).toBe('a');
  });

  it('finishes a zone with Enter and emits it as one edit', () => {
    const drawn: unknown[] = [];
    fixture.componentInstance.edit.subscribe((e) => drawn.push(e));
    const plan = renderer();
    const fire = (type: string, x: number, y: number) =>
      plan.container.dispatchEvent(
        Object.assign(new Event(type), {
          pointerId: 1,
          pointerType: 'mouse',
          button: 0,
          clientX: plan.toScreen({ x, y }).x,
          clientY: plan.toScreen({ x, y }).y,
        }),
      );
    for (const [x, y] of [
      [200, 50],
      [300, 50],
      [300, 200],
    ]) {
      fire('pointerdown', x, y);
      fire('pointerup', x, y);
    }
    expect(plan.zonePoints.length).toBe(3);
    expect(key('Enter').defaultPrevented).toBe(true);
    expect(drawn).toEqual([
      {
        kind: 'zone',
        polygon: [
          { x: 200, y: 50 },
          { x: 300, y: 50 },
          { x: 300, y: 200 },
        ],
      },
    ]);
  });

  it('zooms with + and - and leaves other keys to the page', () => {
    const plan = renderer();
    const before = plan.getView().scale;
    key('+');
    expect(plan.getView().scale).toBeGreaterThan(before);
    key('0');
    expect(plan.getView().scale).toBeCloseTo(before);
    expect(key('ArrowLeft').defaultPrevented).toBe(false);
  });
});
