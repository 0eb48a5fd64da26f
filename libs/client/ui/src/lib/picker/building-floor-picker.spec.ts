import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { BuildingSummary } from '@flexdesk/shared-contracts';
import { chooseOption, flush, selectOptions, selectedText } from '../../testing';
import { BuildingFloorPicker } from './building-floor-picker';

const BUILDINGS: BuildingSummary[] = [
  {
    id: 'b1',
    name: 'Rathaus',
    address: 'Markt 1',
    timeZone: 'Europe/Berlin',
    floors: [
      { id: 'og1', buildingId: 'b1', name: '1. OG', level: 1, spaceCount: 3 },
      { id: 'garage', buildingId: 'b1', name: 'Tiefgarage', level: -1, spaceCount: 3 },
      { id: 'eg', buildingId: 'b1', name: 'Erdgeschoss', level: 0, spaceCount: 4 },
    ],
  },
  { id: 'b2', name: 'London Office', address: 'x', timeZone: 'Europe/London', floors: [] },
];

@Component({
  imports: [BuildingFloorPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fd-building-floor-picker
      [buildings]="buildings"
      [buildingId]="buildingId()"
      [floorId]="floorId()"
      buildingLabel="Gebäude"
      floorLabel="Etage"
      [noneLabel]="noneLabel()"
      (buildingChange)="changes.push($event); accept() && buildingId.set($event)"
      (floorChange)="accept() && floorId.set($event)"
    />
  `,
})
class Host {
  readonly buildings = BUILDINGS;
  readonly buildingId = signal<string | null>('b1');
  readonly floorId = signal<string | null>('eg');
  readonly accept = signal(true);
  readonly noneLabel = signal<string | null>(null);
  readonly changes: (string | null)[] = [];
}

describe('BuildingFloorPicker', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    const detect = () => fixture.detectChanges();
    await flush(detect);
    const el = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      detect,
      el,
      building: el.querySelector('#pick-building'),
      floor: el.querySelector('#pick-floor'),
    };
  }

  it('labels both fields and lists the floors by level', async () => {
    const { el, detect, floor } = await render();
    expect([...el.querySelectorAll('mat-label')].map((l) => l.textContent)).toEqual(['Gebäude', 'Etage']);
    expect(selectedText(floor)).toBe('Erdgeschoss');
    expect((await selectOptions(floor, detect)).map((o) => o.text)).toEqual(['Tiefgarage', 'Erdgeschoss', '1. OG']);
  });

  it("reports a choice, and shows the page's answer", async () => {
    const { fixture, detect, building, floor } = await render();
    await chooseOption(floor, '1. OG', detect);
    expect(fixture.componentInstance.floorId()).toBe('og1');
    expect(selectedText(floor)).toBe('1. OG');

    // A page that says no keeps its choice on screen.
    fixture.componentInstance.accept.set(false);
    await chooseOption(building, 'London Office', detect);
    expect(fixture.componentInstance.buildingId()).toBe('b1');
    expect(selectedText(building)).toBe('Rathaus');
  });

  it('offers "none" first when asked, reported once as null', async () => {
    const { fixture, detect, building } = await render();
    fixture.componentInstance.noneLabel.set('Keine Vorgabe');
    await flush(detect);
    expect((await selectOptions(building, detect)).map((o) => o.text)).toEqual([
      'Keine Vorgabe',
      'Rathaus',
      'London Office',
    ]);
    await chooseOption(building, 'Keine Vorgabe', detect);
    expect(fixture.componentInstance.changes).toEqual([null]);
    expect(selectedText(building)).toBe('Keine Vorgabe');
  });
});
