import type { FloorLayout } from '@flexdesk/shared-contracts';
import { validateLayout } from './layout';

const ZONE = '11111111-1111-4111-8111-111111111111';
const valid = (): FloorLayout => ({
  plan: { width: 1000, height: 600, scale: null },
  zones: [{ id: ZONE, name: 'Team', color: '#4f7cac', polygon: [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }], restrictedToGroupIds: [] }],
  spaces: [
    { id: '22222222-2222-4222-8222-222222222222', zoneId: ZONE, kind: 'desk', label: '1.01', x: 10, y: 10, width: 60, height: 40, rotation: 0, attributes: ['monitor'], capacity: null, bookable: true, restrictedToGroupIds: [] },
    { id: '33333333-3333-4333-8333-333333333333', zoneId: null, kind: 'room', label: 'Rhein', x: 200, y: 10, width: 200, height: 100, rotation: 90, attributes: [], capacity: 8, bookable: true, restrictedToGroupIds: [] },
  ],
});

describe('validateLayout', () => {
  it('accepts a valid layout', () => {
    expect(validateLayout(valid())).toEqual([]);
  });

  it('reports every error with its path, not just the first', () => {
    const l = valid() as unknown as { spaces: Record<string, unknown>[]; zones: Record<string, unknown>[] };
    l.spaces[0]['label'] = 'rhein'; // case-insensitive duplicate of spaces[1]
    l.spaces[0]['kind'] = 'sofa';
    l.spaces[1]['width'] = -5;
    l.spaces[1]['zoneId'] = '44444444-4444-4444-8444-444444444444';
    l.zones[0]['color'] = 'blue';
    const paths = validateLayout(l).map((e) => e.path).sort();
    expect(paths).toEqual(['spaces[0].kind', 'spaces[1].label', 'spaces[1].width', 'spaces[1].zoneId', 'zones[0].color']);
  });

  it('refuses spaces outside the plan and duplicate ids', () => {
    const l = valid();
    l.spaces[1].x = 950;
    l.spaces[1].id = l.spaces[0].id;
    const errors = validateLayout(l);
    expect(errors).toContainEqual({ path: 'spaces[1].x', message: 'lies outside the plan' });
    expect(errors).toContainEqual({ path: 'spaces[1].id', message: 'duplicate id' });
  });

  it('refuses non-objects and missing parts', () => {
    expect(validateLayout(null)).toEqual([{ path: '', message: 'layout must be an object' }]);
    expect(validateLayout({}).map((e) => e.path)).toEqual(['plan', 'zones', 'spaces']);
  });

  it('checks capacity, attributes and polygons', () => {
    const l = valid() as unknown as { spaces: Record<string, unknown>[]; zones: Record<string, unknown>[] };
    l.spaces[1]['capacity'] = 2.5;
    l.spaces[0]['attributes'] = ['Monitor!'];
    l.zones[0]['polygon'] = [{ x: 0, y: 0 }];
    expect(validateLayout(l).map((e) => e.path).sort()).toEqual(['spaces[0].attributes', 'spaces[1].capacity', 'zones[0].polygon']);
  });
});
