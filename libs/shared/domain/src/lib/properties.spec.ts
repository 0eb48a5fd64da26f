import fc from 'fast-check';
import type { BookingPolicy, OpeningHours, PolicyOverride, SpaceKind } from '@flexdesk/shared-contracts';
import { pointInPolygon, polygonBounds } from './geometry';
import { pointInRotatedRect, rotatedCenter, rotatedCorners } from './navigation';
import { snapToGrid } from './editing';
import { DEFAULT_POLICIES, POLICY_KEYS, effectivePolicy, validatePolicyOverride } from './policy';
import { type BuildingCalendar, openingWindow, resolveSlot } from './slots';
import { localDateOf, localTimeOf, zonedInstant } from './time';

/**
 * Properties over generated inputs (issue #15): the example specs beside each rule pin known cases;
 * these state what must hold for every zone, date, policy and shape fast-check can find. Seeded, so a
 * failure prints a seed and a shrunk counterexample that replays.
 */

const RUNS = { numRuns: 300, seed: 1515 };
const MINUTE = 60_000;

// Zones with DST on either hemisphere, half- and quarter-hour offsets, and none.
const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];
const zone = fc.constantFrom(...ZONES);
const pad = (n: number) => String(n).padStart(2, '0');
const date = fc
  .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Quarter hours 00:00 ... 23:45 as minutes. */
const quarter = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);
const hhmm = (minutes: number) => (minutes === 1440 ? '24:00' : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);

/** Opening hours every day from `open` to `close` (close may be 24:00), and a midday between them. */
const calendar = fc
  .record({ zone, a: quarter, b: quarter, m: fc.double({ min: 0.01, max: 0.99, noNaN: true }) })
  .filter(({ a, b }) => a !== b)
  .map(({ zone: timeZone, a, b, m }) => {
    const open = Math.min(a, b);
    const close = Math.max(a, b) === 1425 && m > 0.5 ? 1440 : Math.max(a, b);
    const midday = Math.min(1425, Math.max(0, Math.round((open + (close - open) * m) / 15) * 15));
    const openingHours: OpeningHours[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday: weekday as OpeningHours['weekday'],
      open: hhmm(open),
      close: hhmm(close),
    }));
    const cal: BuildingCalendar = { timeZone, openingHours, midday: hhmm(midday), closures: [] };
    return { cal, open, close, midday };
  });

describe('properties: time zones and DST', () => {
  it('a wall-clock time maps to an instant on that local date, showing that time unless it falls in a gap', () => {
    fc.assert(
      fc.property(zone, date, quarter, (tz, d, minutes) => {
        const time = hhmm(minutes);
        const instant = zonedInstant(d, time, tz);
        const shown = localTimeOf(instant, tz);
        expect(localDateOf(instant, tz)).toBe(d);
        if (shown !== time) {
          // Only a DST gap moves the clock, forward by at most an hour, never back.
          const [h, m] = shown.split(':').map(Number);
          const ahead = (h * 60 + m - minutes + 1440) % 1440;
          expect(ahead).toBeGreaterThan(0);
          expect(ahead).toBeLessThanOrEqual(60);
        }
      }),
      RUNS,
    );
  });

  it('opening windows start before they end and last the wall-clock hours, give or take one DST shift', () => {
    fc.assert(
      fc.property(calendar, date, ({ cal, open, close }, d) => {
        const window = openingWindow(cal, d);
        if (!window) return;
        const minutes = (window.end.getTime() - window.start.getTime()) / MINUTE;
        expect(minutes).toBeGreaterThan(0);
        expect(Math.abs(minutes - (close - open))).toBeLessThanOrEqual(60);
      }),
      RUNS,
    );
  });

  it('am and pm split the day at midday without gap or overlap', () => {
    fc.assert(
      fc.property(calendar, date, ({ cal }, d) => {
        const day = resolveSlot(cal, { date: d, slot: 'day' });
        const am = resolveSlot(cal, { date: d, slot: 'am' });
        const pm = resolveSlot(cal, { date: d, slot: 'pm' });
        if (!day.ok) {
          expect(am.ok || pm.ok).toBe(false);
          return;
        }
        expect(am.ok).toBe(pm.ok);
        if (am.ok && pm.ok) {
          expect(am.start).toEqual(day.start);
          expect(am.end).toEqual(pm.start);
          expect(pm.end).toEqual(day.end);
          expect(am.end.getTime()).toBeGreaterThan(am.start.getTime());
          expect(pm.end.getTime()).toBeGreaterThan(pm.start.getTime());
        }
      }),
      RUNS,
    );
  });

  it('a custom slot is accepted exactly when it lies inside the day it starts on', () => {
    fc.assert(
      fc.property(
        calendar,
        date,
        fc.integer({ min: -120, max: 1560 }),
        fc.integer({ min: 1, max: 600 }),
        ({ cal }, d, offset, length) => {
          const window = openingWindow(cal, d);
          const base = window?.start ?? zonedInstant(d, '00:00', cal.timeZone);
          const start = new Date(base.getTime() + offset * MINUTE);
          const end = new Date(start.getTime() + length * MINUTE);
          const result = resolveSlot(cal, { start, end });
          const own = openingWindow(cal, localDateOf(start, cal.timeZone));
          const inside = !!own && start >= own.start && end <= own.end;
          expect(result.ok).toBe(inside);
          if (result.ok) expect([result.start, result.end]).toEqual([start, end]);
        },
      ),
      RUNS,
    );
  });
});

// A valid override: any subset of the keys, each within its documented range.
const override: fc.Arbitrary<PolicyOverride> = fc.record(
  {
    horizonDays: fc.integer({ min: 0, max: 365 }),
    maxPerDay: fc.integer({ min: 1, max: 50 }),
    slotStepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
    minDurationMinutes: fc.integer({ min: 5, max: 1440 }),
    maxDurationMinutes: fc.integer({ min: 5, max: 1440 }),
    allowedSlots: fc.uniqueArray(fc.constantFrom('day' as const, 'am' as const, 'pm' as const, 'custom' as const), {
      minLength: 1,
    }),
    checkInRequired: fc.boolean(),
    checkInGraceMinutes: fc.integer({ min: 0, max: 240 }),
    cancellationCutoffMinutes: fc.integer({ min: 0, max: 10080 }),
  },
  { requiredKeys: [] },
).map((o) =>
  // The one cross-field rule: the longest booking is not shorter than the shortest.
  o.minDurationMinutes !== undefined && o.maxDurationMinutes !== undefined && o.maxDurationMinutes < o.minDurationMinutes
    ? { ...o, maxDurationMinutes: o.minDurationMinutes }
    : o,
);
const kind = fc.constantFrom<SpaceKind>('desk', 'room', 'parking');

describe('properties: policy merging', () => {
  it('takes each key from the kind override, else the building override, else the default', () => {
    fc.assert(
      fc.property(kind, fc.option(override), fc.option(override), (k, building, perKind) => {
        const merged = effectivePolicy(k, building, perKind);
        for (const key of POLICY_KEYS) {
          const expected = perKind?.[key] ?? building?.[key] ?? DEFAULT_POLICIES[k][key];
          expect(merged[key]).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it('never hands out the defaults or an override for the caller to mutate', () => {
    fc.assert(
      fc.property(kind, override, (k, o) => {
        const before = JSON.stringify(DEFAULT_POLICIES[k]);
        const merged: BookingPolicy = effectivePolicy(k, o, null);
        merged.allowedSlots.push('custom');
        expect(JSON.stringify(DEFAULT_POLICIES[k])).toBe(before);
        if (o.allowedSlots) expect(merged.allowedSlots).not.toBe(o.allowedSlots);
      }),
      RUNS,
    );
  });

  it('accepts every override within the ranges and names the field of every one outside', () => {
    fc.assert(
      fc.property(
        override,
        fc.constantFrom(...POLICY_KEYS),
        fc.constantFrom<unknown>(-1, 1e308, 2 ** 53 + 1, 0.5, '5', null, [], {}, Number.NaN),
        (o, key, bad) => {
          expect(validatePolicyOverride(o)).toEqual([]);
          const errors = validatePolicyOverride({ ...o, [key]: bad });
          // Each of these values is wrong for every key.
          expect(errors.map((e) => e.path)).toContain(key);
        },
      ),
      RUNS,
    );
  });
});

const coordinate = fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true });
const size = fc.double({ min: 0.5, max: 1e3, noNaN: true, noDefaultInfinity: true });
const point = fc.record({ x: coordinate, y: coordinate });

describe('properties: geometry', () => {
  it('a polygon contains its own vertices, and its bounds contain every vertex', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 12 }), (polygon) => {
        const b = polygonBounds(polygon);
        for (const p of polygon) {
          expect(pointInPolygon(p, polygon)).toBe(true);
          expect(p.x).toBeGreaterThanOrEqual(b.x);
          expect(p.y).toBeGreaterThanOrEqual(b.y);
          expect(p.x).toBeLessThanOrEqual(b.x + b.width + 1e-9);
          expect(p.y).toBeLessThanOrEqual(b.y + b.height + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it('for an axis-aligned rectangle, point-in-polygon agrees with the plain comparison', () => {
    fc.assert(
      fc.property(point, size, size, point, (o, w, h, p) => {
        const rect = [
          { x: o.x, y: o.y },
          { x: o.x + w, y: o.y },
          { x: o.x + w, y: o.y + h },
          { x: o.x, y: o.y + h },
        ];
        // Edges count as inside with a tolerance of 1e-9 (mouse input, float arithmetic): compare
        // only points clearly on one side.
        const margin = Math.min(p.x - o.x, o.x + w - p.x, p.y - o.y, o.y + h - p.y);
        if (Math.abs(margin) > 1e-6) expect(pointInPolygon(p, rect)).toBe(margin > 0);
      }),
      RUNS,
    );
  });

  it('a rotated rectangle contains its centre and corners, and nothing beyond its half-diagonal', () => {
    fc.assert(
      fc.property(point, size, size, fc.double({ min: -720, max: 720, noNaN: true }), point, (o, w, h, rotation, p) => {
        const r = { x: o.x, y: o.y, width: w, height: h, rotation };
        expect(pointInRotatedRect(rotatedCenter(r), r)).toBe(true);
        for (const c of rotatedCorners(r)) expect(pointInRotatedRect(c, r)).toBe(true);
        const c = rotatedCenter(r);
        if (Math.hypot(p.x - c.x, p.y - c.y) > Math.hypot(w, h) / 2 + 1e-6) {
          expect(pointInRotatedRect(p, r)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('snapping to a grid is idempotent and moves by at most half a cell', () => {
    fc.assert(
      fc.property(coordinate, fc.constantFrom(1, 5, 10, 12.5, 20, 50), (v, grid) => {
        const snapped = snapToGrid(v, grid);
        expect(snapToGrid(snapped, grid)).toBeCloseTo(snapped, 6);
        expect(Math.abs(snapped - v)).toBeLessThanOrEqual(grid / 2 + 1e-9);
      }),
      RUNS,
    );
  });
});
