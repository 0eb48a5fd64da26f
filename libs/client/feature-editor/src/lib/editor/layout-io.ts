import type { FloorLayout, LayoutSpace, LayoutZone } from '@flexdesk/shared-contracts';

export type ImportResult = { ok: true; layout: FloorLayout } | { ok: false; reason: 'json' | 'shape' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses an exported layout and gives every zone and space a fresh id (remapping the spaces' zone
 * references), so importing a layout from another floor never collides with existing ids. Only the
 * outer shape is checked here; `validateLayout` reports everything else, field by field.
 */
export function importLayout(text: string, newId: () => string = () => crypto.randomUUID()): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (!isObj(parsed) || !isObj(parsed['plan']) || !Array.isArray(parsed['zones']) || !Array.isArray(parsed['spaces'])) {
    return { ok: false, reason: 'shape' };
  }
  const zoneIds = new Map<unknown, string>();
  const zones = (parsed['zones'] as unknown[]).map((z) => {
    if (!isObj(z)) return z;
    const id = newId();
    zoneIds.set(z['id'], id);
    return { ...z, id };
  });
  const spaces = (parsed['spaces'] as unknown[]).map((s) => {
    if (!isObj(s)) return s;
    // An unknown zone reference is kept as it is, so validation points at it.
    const zoneId = s['zoneId'] === null || s['zoneId'] === undefined ? null : (zoneIds.get(s['zoneId']) ?? s['zoneId']);
    return { ...s, id: newId(), zoneId };
  });
  return {
    ok: true,
    layout: { ...(parsed as object), zones: zones as LayoutZone[], spaces: spaces as LayoutSpace[] } as FloorLayout,
  };
}

export function exportLayout(layout: FloorLayout): string {
  return JSON.stringify(layout, null, 2);
}

/** Where an error of the API or of `validateLayout` points, e.g. `layout.spaces[3].label`. */
export interface ErrorTarget {
  table: 'spaces' | 'zones' | 'plan' | null;
  index: number | null;
  field: string | null;
}

export function errorTarget(path: string): ErrorTarget {
  const p = path.replace(/^layout\.?/, '');
  const item = /^(spaces|zones)\[(\d+)\](?:\.(\w+))?/.exec(p);
  if (item) return { table: item[1] as 'spaces' | 'zones', index: Number(item[2]), field: item[3] ?? null };
  const plan = /^plan(?:\.(\w+))?/.exec(p);
  if (plan) return { table: 'plan', index: null, field: plan[1] ?? null };
  return { table: null, index: null, field: null };
}

/** Fields the editor has an input for; the input's id is `space-<row>-<field>` etc. */
const SPACE_INPUTS = [
  'label',
  'kind',
  'x',
  'y',
  'width',
  'height',
  'rotation',
  'capacity',
  'bookable',
  'attributes',
  'zoneId',
];
const ZONE_INPUTS = ['name', 'color'];
const PLAN_INPUTS = ['width', 'height'];

/**
 * The id of the input an error is about, for the error summary's links. Fields without an input of
 * their own (id, restrictedToGroupIds, polygon) lead to the row's first input.
 */
export function fieldIdOf(path: string): string | null {
  const t = errorTarget(path);
  if (t.table === 'spaces') return `space-${t.index}-${SPACE_INPUTS.includes(t.field ?? '') ? t.field : 'label'}`;
  if (t.table === 'zones') return `zone-${t.index}-${ZONE_INPUTS.includes(t.field ?? '') ? t.field : 'name'}`;
  if (t.table === 'plan') return `plan-${PLAN_INPUTS.includes(t.field ?? '') ? t.field : 'width'}`;
  return null;
}
