import type { Floor, InsightMeasures, InsightSpace } from '@flexdesk/shared-contracts';
import { HEAT_FILL, planCells, SUPPRESSED_FILL } from './insights-plan';

const measures = (bookedShare: number | null, suppressed = false) => ({ suppressed, bookedShare }) as InsightMeasures;
const floor = {
  spaces: [
    { id: 'a', label: '1.01', x: 10, y: 20, width: 40, height: 30, rotation: 0 },
    { id: 'b', label: '1.02', x: 100, y: 20, width: 40, height: 30, rotation: 90 },
    { id: 'c', label: '1.03', x: 200, y: 20, width: 40, height: 30, rotation: 0 },
  ],
} as Floor;
const row = (spaceId: string, m: InsightMeasures) => ({ spaceId, measures: m }) as InsightSpace;

describe('planCells', () => {
  it('writes each space its figure and shades by level; suppressed ones grey with the note', () => {
    const cells = planCells(floor, [row('a', measures(0.8)), row('b', measures(null, true))], (s) =>
      !s ? '–' : s.measures.suppressed ? '< 5' : `${Math.round((s.measures.bookedShare ?? 0) * 100)} %`,
    );
    expect(cells.map((c) => c.value)).toEqual(['80 %', '< 5', '–']);
    expect(cells.map((c) => c.fill)).toEqual([HEAT_FILL[4], SUPPRESSED_FILL, HEAT_FILL[0]]);
    expect(cells[0]).toMatchObject({ transform: 'translate(10 20) rotate(0)', cx: 30, cy: 35 });
    // Rotated about the top-left corner: the centre swings to the left of x.
    expect(cells[1].cx).toBeCloseTo(85);
    expect(cells[1].cy).toBeCloseTo(40);
  });
});
