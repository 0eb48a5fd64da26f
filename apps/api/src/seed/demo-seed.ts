import { outboxCause } from '../database/outbox-cause';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Closure, OpeningHours, Role, SpaceKind } from '@flexdesk/shared-contracts';
import { addDaysToDate, isoWeekdayOf, localDateOf, resolveSlot } from '@flexdesk/shared-domain';
import { hashPassword } from '../auth/password';
import { seedPastWeeks } from './demo-history';
import { floorOutlineSvg, sha256 } from './floor-outline';

export const DEMO_PASSWORD = 'flexdesk';
export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  roles: Role[];
  groups: string[];
  /** Buildings whose front desk a receptionist works (names are visible there only). */
  receptionFor?: string[];
  /** The building the booking page opens on (the admin's stays unset: it shows the suggestion). */
  home?: string;
}[] = [
  {
    email: 'employee@example.com',
    name: 'Erika Mustermann',
    roles: ['employee'],
    groups: ['Bürgerservice'],
    home: 'Rathaus Musterstadt',
  },
  {
    email: 'employee2@example.com',
    name: 'Max Müller',
    roles: ['employee'],
    groups: ['Bauamt'],
    home: 'Rathaus Musterstadt',
  },
  { email: 'facility@example.com', name: 'Fatma Yılmaz', roles: ['facility_manager'], groups: [] },
  {
    email: 'reception@example.com',
    name: 'Jürgen Schäfer',
    roles: ['receptionist'],
    groups: [],
    receptionFor: ['Rathaus Musterstadt'],
  },
  {
    email: 'admin@example.com',
    name: 'Anna Admin',
    roles: ['employee', 'receptionist', 'facility_manager', 'admin'],
    groups: ['IT'],
  },
];

const COLLEAGUES = [
  'Lena Schmidt',
  'Jonas Weber',
  'Sophie Wagner',
  'Paul Becker',
  'Marie Hoffmann',
  'Felix Schulz',
  'Laura Koch',
  'Lukas Richter',
  'Hannah Klein',
  'Tim Wolf',
  'Lea Schröder',
  'Ben Neumann',
  'Mia Schwarz',
  'Elias Zimmermann',
  'Emma Braun',
  'Noah Krüger',
  'Lina Hofmann',
  'Leon Hartmann',
  'Clara Lange',
  'Finn Schmitt',
  'Amelie Werner',
  'David Krause',
  'Ida Meier',
  'Anton Lehmann',
  'Greta Köhler',
  'Emil Herrmann',
  'Frieda König',
  'Oskar Walter',
  'Mathilda Peters',
  'Karl Fuchs',
];

const WEEKDAYS = (open: string, close: string, days = [1, 2, 3, 4, 5]): OpeningHours[] =>
  days.map((weekday) => ({ weekday: weekday as OpeningHours['weekday'], open, close }));

/** Small deterministic generator, so every fresh demo database looks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SpaceSeed {
  kind: SpaceKind;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  zone?: string;
  attributes: string[];
  capacity?: number;
  bookable?: boolean;
}

/** A block of desks in rows of facing pairs, labelled `<prefix>.<nn>`. */
function deskBlock(
  prefix: string,
  start: number,
  count: number,
  x0: number,
  y0: number,
  perRow: number,
  zone: string,
  rnd: () => number,
): SpaceSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const attributes = ['monitor'];
    if (rnd() < 0.5) attributes.push('docking_station');
    if (rnd() < 0.3) attributes.push('height_adjustable');
    if (col === 0 || col === perRow - 1) attributes.push('window');
    if (i % 9 === 0) attributes.push('wheelchair_accessible');
    return {
      kind: 'desk' as const,
      label: `${prefix}.${String(start + i).padStart(2, '0')}`,
      x: x0 + col * 70,
      y: y0 + row * 55 + (row % 2) * 5,
      width: 60,
      height: 40,
      zone,
      attributes,
      bookable: i !== 7, // one desk under repair, as in every real office
    };
  });
}

interface FloorSeed {
  name: string;
  level: number;
  width: number;
  height: number;
  zones: { name: string; color: string; polygon: { x: number; y: number }[]; groups?: string[] }[];
  spaces: SpaceSeed[];
}

interface BuildingSeed {
  name: string;
  address: string;
  timeZone: string;
  openingHours: OpeningHours[];
  midday: string;
  closures: Closure[];
  policies: { kind: SpaceKind | '*'; rules: Record<string, unknown> }[];
  floors: FloorSeed[];
}

const rect = (x: number, y: number, w: number, h: number) => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

function buildings(today: string): BuildingSeed[] {
  const rnd = prng(20261128);
  return [
    {
      name: 'Rathaus Musterstadt',
      address: 'Marktplatz 1, 12345 Musterstadt',
      timeZone: 'Europe/Berlin',
      openingHours: WEEKDAYS('07:00', '19:00'),
      midday: '12:30',
      closures: [
        { date: '2026-12-24', reason: 'Heiligabend' },
        { date: '2026-12-25', reason: '1. Weihnachtstag' },
        { date: '2026-12-26', reason: '2. Weihnachtstag' },
        { date: '2026-12-31', reason: 'Silvester' },
        { date: '2027-01-01', reason: 'Neujahr' },
        { date: '2027-04-02', reason: 'Karfreitag' },
        { date: '2027-04-05', reason: 'Ostermontag' },
        { date: addDaysToDate(today, 9), reason: 'Betriebsausflug' },
      ],
      policies: [{ kind: 'room', rules: { checkInRequired: true, checkInGraceMinutes: 15 } }],
      floors: [
        {
          name: 'Erdgeschoss',
          level: 0,
          width: 1200,
          height: 800,
          zones: [
            { name: 'Team Bürgerservice', color: '#2e7d32', polygon: rect(40, 40, 560, 330) },
            { name: 'Ruhezone', color: '#6a1b9a', polygon: rect(640, 40, 520, 330) },
          ],
          spaces: [
            ...deskBlock('0', 1, 24, 70, 70, 8, 'Team Bürgerservice', rnd),
            ...deskBlock('0', 25, 16, 670, 70, 7, 'Ruhezone', rnd).map((s) => ({
              ...s,
              attributes: [...s.attributes, 'quiet'],
            })),
            {
              kind: 'room',
              label: 'Besprechung Rhein',
              x: 60,
              y: 450,
              width: 220,
              height: 160,
              attributes: ['video_conference', 'whiteboard'],
              capacity: 8,
            },
            {
              kind: 'room',
              label: 'Besprechung Main',
              x: 320,
              y: 450,
              width: 160,
              height: 160,
              attributes: ['whiteboard'],
              capacity: 4,
            },
          ],
        },
        {
          name: '1. Obergeschoss',
          level: 1,
          width: 1200,
          height: 800,
          zones: [
            { name: 'Team Bauamt', color: '#ef6c00', polygon: rect(40, 40, 560, 400) },
            { name: 'Team IT', color: '#1565c0', polygon: rect(640, 40, 520, 400), groups: ['IT'] },
          ],
          spaces: [
            ...deskBlock('1', 1, 32, 70, 70, 8, 'Team Bauamt', rnd),
            ...deskBlock('1', 33, 16, 670, 70, 7, 'Team IT', rnd).map((s) => ({
              ...s,
              attributes: [...s.attributes, 'dual_monitor'],
            })),
            {
              kind: 'room',
              label: 'Ratssaal',
              x: 60,
              y: 500,
              width: 360,
              height: 240,
              attributes: ['video_conference'],
              capacity: 30,
            },
            {
              kind: 'room',
              label: 'Besprechung Elbe',
              x: 460,
              y: 500,
              width: 180,
              height: 160,
              attributes: ['whiteboard'],
              capacity: 6,
            },
            {
              kind: 'room',
              label: 'Telefonbox 1',
              x: 680,
              y: 500,
              width: 80,
              height: 80,
              attributes: ['quiet'],
              capacity: 1,
            },
          ],
        },
        {
          name: 'Tiefgarage',
          level: -1,
          width: 1000,
          height: 500,
          zones: [],
          spaces: Array.from({ length: 20 }, (_, i) => ({
            kind: 'parking' as const,
            label: `P${String(i + 1).padStart(2, '0')}`,
            x: 40 + (i % 10) * 90,
            y: i < 10 ? 40 : 300,
            width: 70,
            height: 150,
            attributes: i < 2 ? ['ev_charger'] : i === 19 ? ['wheelchair_accessible'] : [],
          })),
        },
      ],
    },
    {
      name: 'London Office',
      address: '1 Example Street, London EC1A 1AA',
      timeZone: 'Europe/London',
      openingHours: WEEKDAYS('08:00', '18:00'),
      midday: '12:00',
      closures: [
        { date: '2026-12-25', reason: 'Christmas Day' },
        { date: '2026-12-28', reason: 'Boxing Day (substitute)' },
        { date: '2027-01-01', reason: "New Year's Day" },
      ],
      policies: [{ kind: 'desk', rules: { horizonDays: 21 } }],
      floors: [
        {
          name: 'First floor',
          level: 1,
          width: 1000,
          height: 600,
          zones: [{ name: 'Hot desks', color: '#00838f', polygon: rect(40, 40, 620, 300) }],
          spaces: [
            ...deskBlock('L1', 1, 24, 70, 70, 8, 'Hot desks', rnd),
            {
              kind: 'room',
              label: 'Thames',
              x: 700,
              y: 60,
              width: 200,
              height: 150,
              attributes: ['video_conference'],
              capacity: 6,
            },
            {
              kind: 'room',
              label: 'Focus pod',
              x: 700,
              y: 260,
              width: 90,
              height: 90,
              attributes: ['quiet'],
              capacity: 1,
            },
          ],
        },
      ],
    },
  ];
}

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await m.query(sql, params);
  return rows[0].id;
}

/**
 * Seeds the demo organisation (PRODUCT.md "Demo data") into an empty database. Runs under an
 * advisory lock so that several instances starting together seed once.
 */
export async function seedDemoIfEmpty(
  dataSource: DataSource,
  now = new Date(),
  options: {
    /**
     * The past weeks of colleagues' bookings (demo-history.ts) too (a demo start: the insights page
     * then has a history to show). Off for the tests, which count past bookings by hand.
     */
    history?: boolean;
  } = {},
): Promise<boolean> {
  const logger = new Logger('DemoSeed');
  return dataSource.transaction(async (m) => {
    // Demo bookings of made-up people: nobody is mailed about them, no webhook hears of them.
    await outboxCause(m, 'seed');
    await m.query('SELECT pg_advisory_xact_lock(7346222)');
    const [{ count }] = await m.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return false;
    const started = Date.now();
    const rnd = prng(42);
    // Its own sequence: the history leaves the coming days' bookings as they were.
    const pastRnd = prng(1789);

    const groupIds = new Map<string, string>();
    for (const name of ['Bürgerservice', 'Bauamt', 'IT']) {
      groupIds.set(name, await insertReturningId(m, 'INSERT INTO groups (name) VALUES ($1) RETURNING id', [name]));
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userIds: string[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const id = await insertReturningId(
        m,
        `INSERT INTO users (email, display_name, password_hash, roles, locale) VALUES ($1, $2, $3, $4, 'de') RETURNING id`,
        [a.email, a.name, passwordHash, a.roles],
      );
      userIds.push(id);
      for (const g of a.groups) await m.query('INSERT INTO user_groups VALUES ($1, $2)', [id, groupIds.get(g)]);
    }
    // Colleagues without a password: they exist so the plan looks lived-in; half of them show their name.
    const colleagueIds: string[] = [];
    for (const [i, name] of COLLEAGUES.entries()) {
      const email = `${name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/\s+/g, '.')}@example.com`;
      const id = await insertReturningId(
        m,
        `INSERT INTO users (email, display_name, roles, show_name_to_colleagues) VALUES ($1, $2, '{employee}', $3) RETURNING id`,
        [email, name, i % 2 === 0],
      );
      colleagueIds.push(id);
      const group = ['Bürgerservice', 'Bauamt', 'IT'][i % 3];
      await m.query('INSERT INTO user_groups VALUES ($1, $2)', [id, groupIds.get(group)]);
    }

    let spaceCount = 0;
    let bookingCount = 0;
    for (const b of buildings(localDateOf(now, 'Europe/Berlin'))) {
      const buildingId = await insertReturningId(
        m,
        `INSERT INTO buildings (name, address, time_zone, opening_hours, midday) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [b.name, b.address, b.timeZone, JSON.stringify(b.openingHours), b.midday],
      );
      for (const [i, a] of DEMO_ACCOUNTS.entries()) {
        if (a.receptionFor?.includes(b.name)) {
          await m.query('INSERT INTO reception_assignments (user_id, building_id) VALUES ($1, $2)', [
            userIds[i],
            buildingId,
          ]);
        }
        if (a.home === b.name) {
          await m.query('UPDATE users SET home_building_id = $2 WHERE id = $1', [userIds[i], buildingId]);
        }
      }
      for (const c of b.closures) {
        await m.query('INSERT INTO closures (building_id, date, reason) VALUES ($1, $2, $3)', [
          buildingId,
          c.date,
          c.reason,
        ]);
      }
      for (const p of b.policies) {
        await m.query('INSERT INTO policies (building_id, space_kind, rules) VALUES ($1, $2, $3)', [
          buildingId,
          p.kind,
          JSON.stringify(p.rules),
        ]);
      }
      const calendar = { timeZone: b.timeZone, openingHours: b.openingHours, midday: b.midday, closures: b.closures };
      const today = localDateOf(now, b.timeZone);

      for (const f of b.floors) {
        const floorId = await insertReturningId(
          m,
          `INSERT INTO floors (building_id, name, level, plan_width, plan_height) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [buildingId, f.name, f.level, f.width, f.height],
        );
        // A generated wall outline as the published background, stored like an upload.
        const rooms = f.spaces.filter((s) => s.kind === 'room');
        const outline = Buffer.from(
          floorOutlineSvg(
            f.width,
            f.height,
            f.zones.map((z) => z.polygon),
            rooms,
          ),
        );
        const backgroundId = await insertReturningId(
          m,
          `INSERT INTO floor_backgrounds (floor_id, content_type, bytes, sha256, width, height, byte_size)
           VALUES ($1, 'image/svg+xml', $2, $3, $4, $5, $6) RETURNING id`,
          [floorId, outline, sha256(outline), f.width, f.height, outline.length],
        );
        await m.query('UPDATE floors SET background_id = $1 WHERE id = $2', [backgroundId, floorId]);
        const zoneIds = new Map<string, string>();
        for (const z of f.zones) {
          const groups = (z.groups ?? []).map((g) => groupIds.get(g));
          zoneIds.set(
            z.name,
            await insertReturningId(
              m,
              `INSERT INTO zones (floor_id, name, color, polygon, restricted_group_ids) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
              [floorId, z.name, z.color, JSON.stringify(z.polygon), groups],
            ),
          );
        }
        const desks: { id: string; kind: SpaceKind }[] = [];
        for (const s of f.spaces) {
          const id = await insertReturningId(
            m,
            `INSERT INTO spaces (floor_id, zone_id, kind, label, x, y, width, height, attributes, capacity, bookable)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            [
              floorId,
              s.zone ? zoneIds.get(s.zone) : null,
              s.kind,
              s.label,
              s.x,
              s.y,
              s.width,
              s.height,
              s.attributes,
              s.capacity ?? null,
              s.bookable ?? true,
            ],
          );
          spaceCount++;
          if (
            s.bookable !== false &&
            s.kind !== 'room' &&
            !(s.zone && f.zones.find((z) => z.name === s.zone)?.groups)
          ) {
            desks.push({ id, kind: s.kind });
          }
        }

        // Colleagues' bookings over the next two weeks: about a third of desks taken, some half days.
        for (let d = 0; d <= 13; d++) {
          const date = addDaysToDate(today, d);
          if (isoWeekdayOf(date) > 5) continue;
          const free = [...desks];
          for (const person of colleagueIds) {
            if (rnd() > 0.3 || !free.length) continue;
            const space = free.splice(Math.floor(rnd() * free.length), 1)[0];
            const r = rnd();
            const slot = r < 0.7 ? 'day' : r < 0.85 ? 'am' : 'pm';
            const resolved = resolveSlot(calendar, { date, slot });
            if (!resolved.ok || resolved.end <= now) continue;
            await m.query(
              `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot)
               SELECT $1, $2, $2, $3, $4, $5, $6
                WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE booker_id = $2 AND local_date = $5)`,
              [space.id, person, resolved.start, resolved.end, date, slot],
            );
            bookingCount++;
          }
        }
        if (options.history)
          bookingCount += await seedPastWeeks(m, { calendar, today, desks, colleagueIds, rnd: pastRnd });
      }
    }
    logger.log(`seeded demo data: ${spaceCount} spaces, ~${bookingCount} bookings in ${Date.now() - started} ms`);
    return true;
  });
}
