import { SPACE_KINDS, type FieldError } from '@flexdesk/shared-contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_SPACES = 5000;
const MAX_ZONES = 500;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Validates a whole floor layout (the editor's save and the import format) and reports every
 * problem with its JSON path, so an import can be fixed in one go. Pure: no database.
 */
export function validateLayout(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(input)) return [{ path: '', message: 'layout must be an object' }];

  const plan = input['plan'];
  let width = Infinity;
  let height = Infinity;
  if (!isObj(plan)) err('plan', 'plan must be an object');
  else {
    if (!isNum(plan['width']) || plan['width'] <= 0 || plan['width'] > 100_000) err('plan.width', 'must be a number in (0, 100000]');
    else width = plan['width'];
    if (!isNum(plan['height']) || plan['height'] <= 0 || plan['height'] > 100_000) err('plan.height', 'must be a number in (0, 100000]');
    else height = plan['height'];
    if (plan['scale'] !== null && plan['scale'] !== undefined && (!isNum(plan['scale']) || plan['scale'] <= 0)) {
      err('plan.scale', 'must be a positive number or null');
    }
  }

  const zoneIds = new Set<string>();
  const zones = input['zones'];
  if (!Array.isArray(zones)) err('zones', 'zones must be an array');
  else {
    if (zones.length > MAX_ZONES) err('zones', `at most ${MAX_ZONES} zones`);
    zones.forEach((z, i) => {
      const p = `zones[${i}]`;
      if (!isObj(z)) return err(p, 'must be an object');
      if (typeof z['id'] !== 'string' || !UUID.test(z['id'])) err(`${p}.id`, 'must be a UUID');
      else if (zoneIds.has(z['id'])) err(`${p}.id`, 'duplicate id');
      else zoneIds.add(z['id']);
      if (typeof z['name'] !== 'string' || !z['name'].trim() || z['name'].length > 100) err(`${p}.name`, 'must be 1–100 characters');
      if (typeof z['color'] !== 'string' || !COLOR.test(z['color'])) err(`${p}.color`, 'must be a colour like #4f7cac');
      const polygon = z['polygon'];
      if (!Array.isArray(polygon) || polygon.length < 3) err(`${p}.polygon`, 'needs at least 3 points');
      else {
        polygon.forEach((pt, j) => {
          if (!isObj(pt) || !isNum(pt['x']) || !isNum(pt['y'])) err(`${p}.polygon[${j}]`, 'must be {x, y} numbers');
        });
      }
      groupIds(z['restrictedToGroupIds'], `${p}.restrictedToGroupIds`, err);
      return undefined;
    });
  }

  const spaces = input['spaces'];
  if (!Array.isArray(spaces)) err('spaces', 'spaces must be an array');
  else {
    if (spaces.length > MAX_SPACES) err('spaces', `at most ${MAX_SPACES} spaces`);
    const ids = new Set<string>();
    const labels = new Map<string, number>();
    spaces.forEach((s, i) => {
      const p = `spaces[${i}]`;
      if (!isObj(s)) return err(p, 'must be an object');
      if (typeof s['id'] !== 'string' || !UUID.test(s['id'])) err(`${p}.id`, 'must be a UUID');
      else if (ids.has(s['id'])) err(`${p}.id`, 'duplicate id');
      else ids.add(s['id']);
      if (!(SPACE_KINDS as readonly unknown[]).includes(s['kind'])) err(`${p}.kind`, `must be one of ${SPACE_KINDS.join(', ')}`);
      const label = s['label'];
      if (typeof label !== 'string' || !label.trim() || label.length > 40) err(`${p}.label`, 'must be 1–40 characters');
      else {
        const key = label.trim().toLowerCase();
        const first = labels.get(key);
        if (first !== undefined) err(`${p}.label`, `duplicate label "${label}" (also spaces[${first}])`);
        else labels.set(key, i);
      }
      for (const k of ['x', 'y'] as const) {
        if (!isNum(s[k])) err(`${p}.${k}`, 'must be a number');
      }
      for (const k of ['width', 'height'] as const) {
        if (!isNum(s[k]) || (s[k] as number) <= 0) err(`${p}.${k}`, 'must be a positive number');
      }
      if (isNum(s['x']) && isNum(s['width']) && (s['x'] < 0 || s['x'] + s['width'] > width)) err(`${p}.x`, 'lies outside the plan');
      if (isNum(s['y']) && isNum(s['height']) && (s['y'] < 0 || s['y'] + s['height'] > height)) err(`${p}.y`, 'lies outside the plan');
      if (!isNum(s['rotation']) || s['rotation'] < -360 || s['rotation'] > 360) err(`${p}.rotation`, 'must be a number of degrees in [-360, 360]');
      if (s['zoneId'] !== null && (typeof s['zoneId'] !== 'string' || !zoneIds.has(s['zoneId']))) {
        err(`${p}.zoneId`, 'must be null or the id of a zone in this layout');
      }
      const attributes = s['attributes'];
      if (!Array.isArray(attributes) || attributes.some((a) => typeof a !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(a))) {
        err(`${p}.attributes`, 'must be a list of lower_snake_case names');
      }
      const capacity = s['capacity'];
      if (capacity !== null && (!Number.isInteger(capacity) || (capacity as number) < 1 || (capacity as number) > 10_000)) {
        err(`${p}.capacity`, 'must be null or a whole number from 1');
      }
      if (typeof s['bookable'] !== 'boolean') err(`${p}.bookable`, 'must be true or false');
      groupIds(s['restrictedToGroupIds'], `${p}.restrictedToGroupIds`, err);
      return undefined;
    });
  }
  return errors;
}

function groupIds(value: unknown, path: string, err: (p: string, m: string) => void): void {
  if (!Array.isArray(value) || value.some((g) => typeof g !== 'string' || !UUID.test(g))) {
    err(path, 'must be a list of group ids');
  }
}
