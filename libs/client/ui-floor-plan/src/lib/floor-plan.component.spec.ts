import { TestBed, type ComponentFixture } from '@angular/core/testing';
import Konva from 'konva';
import { FloorPlanComponent, type FloorPlanLabels } from './floor-plan.component';
import { availabilityOf, gridFloor } from './test-floor';

const labels: FloorPlanLabels = {
  plan: 'Floor plan',
  description: 'Arrow keys move between spaces, Enter selects.',
  states: { free: 'free', partial: 'partly free', booked: 'booked', mine: 'booked by you', unavailable: 'unavailable' },
  fit: 'Fit',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  legend: 'Legend',
  filteredOut: 'hidden by filters',
};

describe('FloorPlanComponent', () => {
  const floor = gridFloor(3, 2);
  let fixture: ComponentFixture<FloorPlanComponent>;
  let selected: string[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(FloorPlanComponent);
    fixture.componentRef.setInput('floor', floor);
    fixture.componentRef.setInput('labels', labels);
    fixture.componentRef.setInput('availability', availabilityOf(floor, { d4: 'booked' }));
    selected = [];
    fixture.componentInstance.spaceSelected.subscribe((id) => selected.push(id));
    await fixture.whenStable();
    await fixture.componentInstance.whenReady();
    await fixture.whenStable();
  });

  const canvas = () => fixture.nativeElement.querySelector('[role="application"]') as HTMLElement;
  const live = () => (fixture.nativeElement.querySelector('[aria-live]') as HTMLElement).textContent?.trim();
  const key = async (k: string) => {
    canvas().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  };

  it('creates the stage after rendering, with one record per space and the given states', () => {
    const plan = fixture.componentInstance.plan;
    expect(plan).not.toBeNull();
    expect(canvas().querySelector('.konvajs-content canvas')).not.toBeNull();
    expect(plan?.spaceCount).toBe(6);
    expect(plan?.stateOf('d4')).toBe('booked');
    expect(plan?.stateOf('d0')).toBe('free');
  });

  it('is a labelled, described, focusable application', () => {
    const el = canvas();
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('aria-label')).toBe('Floor plan');
    const help = fixture.nativeElement.querySelector(`#${el.getAttribute('aria-describedby')}`);
    expect(help.textContent).toContain('Arrow keys');
    expect(fixture.nativeElement.querySelectorAll('.legend li')).toHaveLength(5);
  });

  it('updates only the changed spaces when availability changes', async () => {
    const plan = fixture.componentInstance.plan;
    fixture.componentRef.setInput('availability', availabilityOf(floor, { d4: 'booked', d1: 'mine' }));
    await fixture.whenStable();
    expect(plan?.lastChanged).toEqual(['d1']);
    expect(plan?.lastPaint).toBe('partial');
    expect(plan?.stateOf('d1')).toBe('mine');
  });

  it('moves focus with the arrow keys, announces it, and selects with Enter', async () => {
    canvas().dispatchEvent(new FocusEvent('focus'));
    await fixture.whenStable();
    expect(live()).toBe('D1, free');
    await key('ArrowRight');
    expect(live()).toBe('D2, free');
    await key('ArrowDown');
    expect(live()).toBe('D5, booked');
    await key('Enter');
    expect(selected).toEqual(['d4']);
  });

  it('zooms with + and - and fits with 0', async () => {
    const plan = fixture.componentInstance.plan;
    const fitted = plan?.getView().scale ?? 0;
    const views: number[] = [];
    fixture.componentInstance.viewChanged.subscribe((v) => views.push(v.scale));
    await key('+');
    expect(plan?.getView().scale).toBeGreaterThan(fitted);
    await key('-');
    await key('-');
    expect(plan?.getView().scale).toBeLessThan(fitted);
    await key('0');
    expect(plan?.getView().scale).toBeCloseTo(fitted);
    expect(views).toHaveLength(4);
  });

  it('dims filtered spaces and skips them when navigating and selecting', async () => {
    fixture.componentRef.setInput('dimmedSpaceIds', new Set(['d1']));
    await fixture.whenStable();
    const plan = fixture.componentInstance.plan;
    expect(plan?.record('d1')?.dimmed).toBe(true);
    expect(plan?.record('d0')?.dimmed).toBe(false);
    canvas().dispatchEvent(new FocusEvent('focus'));
    await key('ArrowRight');
    expect(live()).toBe('D3, free');
    await key('Enter');
    expect(selected).toEqual(['d2']);
  });

  it('shows the selected space', async () => {
    fixture.componentRef.setInput('selectedSpaceId', 'd3');
    await fixture.whenStable();
    canvas().dispatchEvent(new FocusEvent('focus'));
    await fixture.whenStable();
    // Keyboard focus starts at the selection.
    expect(live()).toBe('D4, free');
  });

  it("reads out a space's mark with it", async () => {
    fixture.componentRef.setInput('marks', { d0: 'AB' });
    await fixture.whenStable();
    canvas().dispatchEvent(new FocusEvent('focus'));
    await fixture.whenStable();
    expect(live()).toBe('D1, AB, free');
    expect(fixture.componentInstance.plan?.markOf('d0')).toBe('AB');
  });

  it("emits the selected space's rectangle, again when the view moves, and null without a selection", async () => {
    const rects: unknown[] = [];
    fixture.componentInstance.selectedSpaceRect.subscribe((r) => rects.push(r));
    const plan = fixture.componentInstance.plan;
    fixture.componentRef.setInput('selectedSpaceId', 'd0');
    await fixture.whenStable();
    plan?.setView({ scale: 1, x: 0, y: 0 });
    // jsdom lays nothing out, so the canvas sits at the component's origin.
    expect(rects.at(-1)).toEqual({ x: 20, y: 20, width: 80, height: 40 });
    plan?.setView({ scale: 2, x: 0, y: 0 });
    expect(rects.at(-1)).toEqual({ x: 40, y: 40, width: 160, height: 80 });
    fixture.componentRef.setInput('selectedSpaceId', null);
    await fixture.whenStable();
    expect(rects.at(-1)).toBeNull();
  });

  it('destroys the stage with the component', () => {
    const plan = fixture.componentInstance.plan;
    const stage = plan?.stage;
    fixture.destroy();
    expect(plan?.isDestroyed).toBe(true);
    expect(Konva.stages).not.toContain(stage);
  });
});
