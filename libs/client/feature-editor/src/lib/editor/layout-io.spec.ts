import type { FloorLayout } from '@flexdesk/shared-contracts';
import { validateLayout } from '@flexdesk/shared-domain';
import { errorTarget, exportLayout, fieldIdOf, importLayout } from './layout-io';

const Z1 = '11111111-1111-4111-8111-111111111111';
const Z2 = '22222222-2222-4222-8222-222222222222';
const S1 = '33333333-3333-4333-8333-333333333333';
const S2 = '44444444-4444-4444-8444-444444444444';
const S3 = '55555555-5555-4555-8555-555555555555';

const space = (id: string, label: string, zoneId: string | null) => ({
  id,
  zoneId,
  kind: 'desk' as const,
  label,
  x: 0,
  y: 0,
  width: 10,
  height: 10,
  rotation: 0,
  attributes: [],
  capacity: null,
  bookable: true,
  restrictedToGroupIds: [],
});
const zone = (id: string, name: string) => ({
  id,
  name,
  color: '#112233',
  polygon: [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
  ],
  restrictedToGroupIds: [],
});
const layout: FloorLayout = {
  plan: { width: 100, height: 100, scale: null },
  zones: [zone(Z1, 'Team A'), zone(Z2, 'Quiet')],
  spaces: [space(S1, '1', Z1), space(S2, '2', Z2), space(S3, '3', null)],
};

const uuids = () => {
  let n = 0;
  return () => `aaaaaaaa-aaaa-4aaa-8aaa-${String(++n).padStart(12, '0')}`;
};

describe('importLayout', () => {
  it('gives every zone and space a fresh id and remaps the zone references', () => {
    const result = importLayout(exportLayout(layout), uuids());
    if (!result.ok) throw new Error('expected ok');
    const [za, zb] = result.layout.zones;
    expect(za.id).toBe('aaaaaaaa-aaaa-4aaa-8aaa-000000000001');
    expect(zb.id).toBe('aaaaaaaa-aaaa-4aaa-8aaa-000000000002');
    expect(result.layout.spaces.map((s) => s.id)).toEqual([
      'aaaaaaaa-aaaa-4aaa-8aaa-000000000003',
      'aaaaaaaa-aaaa-4aaa-8aaa-000000000004',
      'aaaaaaaa-aaaa-4aaa-8aaa-000000000005',
    ]);
    expect(result.layout.spaces.map((s) => s.zoneId)).toEqual([za.id, zb.id, null]);
    expect(result.layout.spaces.map((s) => s.label)).toEqual(['1', '2', '3']);
    expect(validateLayout(result.layout)).toEqual([]);
  });

  it('keeps no old id', () => {
    const result = importLayout(exportLayout(layout));
    if (!result.ok) throw new Error('expected ok');
    const text = JSON.stringify(result.layout);
    for (const id of [Z1, Z2, S1, S2, S3]) expect(text).not.toContain(id);
  });

  it('keeps an unknown zone reference so that validation reports it', () => {
    const broken = { ...layout, spaces: [space(S1, '1', 'nowhere')] };
    const result = importLayout(JSON.stringify(broken), uuids());
    if (!result.ok) throw new Error('expected ok');
    expect(result.layout.spaces[0].zoneId).toBe('nowhere');
    expect(validateLayout(result.layout).map((e) => e.path)).toEqual(['spaces[0].zoneId']);
  });

  it('refuses what is not JSON or not a layout', () => {
    expect(importLayout('{nope')).toEqual({ ok: false, reason: 'json' });
    expect(importLayout('[]')).toEqual({ ok: false, reason: 'shape' });
    expect(importLayout('{"plan":{},"zones":[]}')).toEqual({ ok: false, reason: 'shape' });
  });
});

describe('error paths', () => {
  it('finds the row and field of API and client paths', () => {
    expect(errorTarget('layout.spaces[3].label')).toEqual({ table: 'spaces', index: 3, field: 'label' });
    expect(errorTarget('spaces[0]')).toEqual({ table: 'spaces', index: 0, field: null });
    expect(errorTarget('zones[2].color')).toEqual({ table: 'zones', index: 2, field: 'color' });
    expect(errorTarget('plan.width')).toEqual({ table: 'plan', index: null, field: 'width' });
    expect(errorTarget('layout')).toEqual({ table: null, index: null, field: null });
  });

  it('links to the input, or to the row when the field has none', () => {
    expect(fieldIdOf('layout.spaces[3].label')).toBe('space-3-label');
    expect(fieldIdOf('spaces[1].zoneId')).toBe('space-1-zoneId');
    expect(fieldIdOf('spaces[1].id')).toBe('space-1-label');
    expect(fieldIdOf('zones[0].polygon')).toBe('zone-0-name');
    expect(fieldIdOf('plan.height')).toBe('plan-height');
    expect(fieldIdOf('draftVersion')).toBeNull();
  });
});
