/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schemas are walked loosely */

/** A JSON Schema as it appears in the OpenAPI document. */
export type Schema = Record<string, any>;

/** mulberry32: small, fast and seedable, so a run can be replayed from its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export interface Context {
  doc: any;
  /** Ids that exist in the database, by table (buildings, floors, spaces, bookings, users, zones). */
  ids: Record<string, string[]>;
  rng: Rng;
}

let deep: unknown = 1;
for (let i = 0; i < 3_000; i++) deep = [deep];
const DEEP_JSON = JSON.stringify(deep);

/** Values that have broken servers, by kind. */
export const HOSTILE = {
  strings: [
    '',
    ' ',
    'a'.repeat(10_000),
    'nul\u0000byte',
    'lone\ud800surrogate',
    '\udfff',
    '%00',
    '%',
    '../../../etc/passwd',
    "' OR '1'='1' --",
    '"; DROP TABLE bookings; --',
    '<script>alert(1)</script>',
    '{{7*7}}${7*7}',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '0',
    '-1',
    '1e308',
    'NaN',
    'Infinity',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '9999-12-31',
    '275760-09-13',
    '2026-12-08T25:00:00Z',
    '2026-12-08T10:00:00+99:00',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-4000-8000-00000000000g',
    'Europe/Berlin\u0000',
    'Mars/Olympus',
    '\u202eRTL',
    '🏢'.repeat(300),
    'Ä'.repeat(121),
    '\r\nX-Injected: 1',
    'a\tb\nc',
  ],
  values: [
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    [],
    {},
    [null],
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
    Array.from({ length: 2_000 }, (_, i) => i),
    'x',
  ],
  rawBodies: [
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"string"',
    '123',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    DEEP_JSON,
    `{"x":"${'a'.repeat(1_100_000)}"}`,
    'a=1&b=2',
    '\uFEFF{}',
  ],
  rawQuery: ['%00', '%', '%ZZ', '%ED%A0%80', '%C0%80', '%F0%9F%8F%A2', '1%00', 'a'.repeat(5_000), '[]', '{}', '__proto__'],
  cookies: [
    'fd_session=j:{"a":1}',
    'fd_session=j:[1]',
    'fd_session=%E0%A4%A',
    'fd_session=',
    'fd_session=x; fd_session=y',
    `fd_session=${'a'.repeat(3_000)}`,
    '=; ;;',
    'XSRF-TOKEN=j:{}',
  ],
};

export function resolve(schema: Schema | undefined, ctx: Context): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 10 && s.$ref; i++) s = ctx.doc.components.schemas[String(s.$ref).split('/').pop() as string] ?? {};
  return s;
}

function types(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

function isoDate(rng: Rng): string {
  const d = new Date(Date.UTC(2026, 11, 7 + rng.int(-10, 40)));
  return d.toISOString().slice(0, 10);
}

/** A plausible value for the schema (what a well-behaved client would send), so requests get deep. */
export function validFor(schema: Schema | undefined, ctx: Context, name = '', depth = 0): unknown {
  const { rng } = ctx;
  const s = resolve(schema, ctx);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return rng.pick(s.enum);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key]) && s[key].length) {
      const options = s[key].filter((o: Schema) => resolve(o, ctx).type !== 'null');
      return validFor(rng.pick(options.length ? options : s[key]), ctx, name, depth + 1);
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length) {
    return Object.assign({}, ...s.allOf.map((part: Schema) => validFor(part, ctx, name, depth + 1)));
  }
  const type = types(s).filter((t) => t !== 'null');
  const t = type.length ? rng.pick(type) : 'string';
  switch (t) {
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min + 10, 1000);
      const v = min + rng.next() * Math.min(max - min, 5000);
      return t === 'integer' ? Math.round(v) : Math.round(v * 10) / 10;
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const n = rng.int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3));
      return Array.from({ length: n }, () => validFor(s.items, ctx, name, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(s.required ?? []);
      for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) {
        if (required.has(key) || rng.chance(0.5)) out[key] = validFor(prop, ctx, key, depth + 1);
      }
      return out;
    }
    default:
      return validString(s, ctx, name);
  }
}

/** Which table an id field or path parameter most likely names (`spaceId`, `buildings/{id}`). */
export function tableFor(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('space')) return 'spaces';
  if (n.includes('floor')) return 'floors';
  if (n.includes('building')) return 'buildings';
  if (n.includes('booking')) return 'bookings';
  if (n.includes('zone')) return 'zones';
  if (/booker|user|actor|receptionist/.test(n)) return 'users';
  if (n.includes('group')) return 'groups';
  return 'any';
}

function validString(s: Schema, ctx: Context, name: string): string {
  const { rng } = ctx;
  const hint = `${name} ${s.format ?? ''} ${s.example ?? ''} ${s.pattern ?? ''}`.toLowerCase();
  if (s.format === 'uuid' || /id$/i.test(name) || /^[0-9a-f-]{36}$/.test(String(s.example ?? ''))) {
    const pool = ctx.ids[tableFor(name)] ?? Object.values(ctx.ids).flat();
    return pool.length && rng.chance(0.9) ? rng.pick(pool) : '00000000-0000-4000-8000-000000000000';
  }
  if (s.format === 'date-time' || /^(start|end)$/.test(name)) {
    return `${isoDate(rng)}T${String(rng.int(6, 18)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}:00+01:00`;
  }
  if (s.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(String(s.example ?? '')) || /date|from|to$/.test(name)) return isoDate(rng);
  if (/^\d{2}:\d{2}$/.test(String(s.example ?? '')) || /open|close|midday/.test(name)) {
    return `${String(rng.int(6, 20)).padStart(2, '0')}:${rng.pick(['00', '30'])}`;
  }
  if (/zone/.test(name) && /timezone|time_zone|timeZone/i.test(name)) return rng.pick(['Europe/Berlin', 'Europe/London', 'UTC']);
  if (name === 'timeZone') return rng.pick(['Europe/Berlin', 'Europe/London', 'UTC']);
  if (name === 'email') return rng.pick(['employee@example.com', 'admin@example.com', 'nobody@example.com']);
  if (name === 'password') return rng.pick(['flexdesk', 'wrong']);
  if (name === 'color') return '#4f7cac';
  if (s.example !== undefined && rng.chance(0.5)) return String(s.example);
  void hint;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 40;
  return `Fuzz ${rng.int(0, 1e6)}`.slice(0, Math.max(1, max));
}

/** A value that is wrong for the schema in a way that has broken servers. */
export function hostileFor(schema: Schema | undefined, ctx: Context): unknown {
  const { rng } = ctx;
  const s = resolve(schema, ctx);
  const t = types(s)[0];
  if (rng.chance(0.3)) return rng.pick(HOSTILE.values);
  switch (t) {
    case 'integer':
    case 'number':
      return rng.pick([1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.5, -0, '1', '1e3', null, [], {}]);
    case 'boolean':
      return rng.pick(['true', 1, 0, null, 'yes']);
    case 'array':
      return rng.pick([
        null,
        {},
        'x',
        Array.from({ length: rng.int(500, 3_000) }, () => validFor(s.items, ctx)),
        [rng.pick(HOSTILE.values), rng.pick(HOSTILE.strings)],
        JSON.parse(DEEP_JSON.slice(0, 60) + '1' + DEEP_JSON.slice(-60).replace(/[^\]]/g, '')),
      ]);
    case 'object':
      return rng.pick([null, [], 'x', { unknown: 1 }, JSON.parse('{"__proto__":{"x":1}}'), { ...(validFor(s, ctx) as object), extra: true }]);
    default:
      // The classic breakers get a fair share of the draws.
      return rng.chance(0.4) ? rng.pick(BREAKERS) : rng.pick(HOSTILE.strings);
  }
}

const BREAKERS = ['nul\u0000byte', 'lone\ud800surrogate', '\udfff', 'x'.repeat(100_000), '\u0000'];

/** The valid value with exactly one field (at any depth) replaced by a hostile one. */
export function mutate(value: unknown, schema: Schema, ctx: Context): unknown {
  const { rng } = ctx;
  const s = resolve(schema, ctx);
  if (value === null || typeof value !== 'object' || rng.chance(0.15)) return hostileFor(s, ctx);
  if (Array.isArray(value)) {
    if (!value.length) return [hostileFor(resolve(s.items, ctx), ctx)];
    const copy = [...value];
    const i = rng.int(0, copy.length - 1);
    copy[i] = mutate(copy[i], resolve(s.items, ctx), ctx);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const props = resolve(s, ctx).properties ?? {};
  if (!keys.length || rng.chance(0.1)) {
    copy[rng.pick(['extra', '__proto__', 'constructor', 'nul\u0000key', '\ud800'])] = rng.pick(HOSTILE.values);
    return copy;
  }
  if (rng.chance(0.1)) {
    delete copy[rng.pick(keys)];
    return copy;
  }
  const key = rng.pick(keys);
  copy[key] = mutate(copy[key], props[key] ?? {}, ctx);
  return copy;
}
