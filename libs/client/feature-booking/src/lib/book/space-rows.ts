import {
  ACTIVE_BOOKING_STATUSES,
  SPACE_ATTRIBUTES,
  SPACE_KINDS,
  type AvailabilityBooking,
  type Floor,
  type FloorAvailability,
  type SpaceKind,
  type SpaceState,
} from '@flexdesk/shared-contracts';

/** One line of the space table: a space of the floor joined with its state on the chosen day. */
export interface SpaceRow {
  id: string;
  label: string;
  kind: SpaceKind;
  zoneName: string | null;
  attributes: string[];
  capacity: number | null;
  state: SpaceState;
  /** Active bookings of that day, earliest first. */
  bookings: AvailabilityBooking[];
}

export interface SpaceFilter {
  /** null: every kind. */
  kind: SpaceKind | null;
  /** The space must have all of these. */
  attributes: readonly string[];
  /** Keep only spaces with some free time left (`free` or `partial`). */
  onlyAvailable: boolean;
}

export const NO_FILTER: SpaceFilter = { kind: null, attributes: [], onlyAvailable: false };

const BOOKABLE_STATES: readonly SpaceState[] = ['free', 'partial'];

export function hasFreeTime(state: SpaceState): boolean {
  return BOOKABLE_STATES.includes(state);
}

const byLabel = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/**
 * Joins the floor's spaces with the availability answer. A space the availability does not mention
 * (added a moment ago) counts as unavailable until the next refresh, so nobody books it blind.
 */
export function buildSpaceRows(
  floor: Pick<Floor, 'spaces' | 'zones'>,
  availability: Pick<FloorAvailability, 'spaces'> | null | undefined,
): SpaceRow[] {
  const zones = new Map(floor.zones.map((z) => [z.id, z.name]));
  const states = new Map((availability?.spaces ?? []).map((s) => [s.spaceId, s]));
  return floor.spaces
    .map((space): SpaceRow => {
      const entry = states.get(space.id);
      return {
        id: space.id,
        label: space.label,
        kind: space.kind,
        zoneName: space.zoneId ? (zones.get(space.zoneId) ?? null) : null,
        attributes: [...space.attributes],
        capacity: space.capacity,
        state: entry?.state ?? 'unavailable',
        bookings: (entry?.bookings ?? [])
          .filter((b) => ACTIVE_BOOKING_STATUSES.includes(b.status))
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
      };
    })
    .sort((a, b) => SPACE_KINDS.indexOf(a.kind) - SPACE_KINDS.indexOf(b.kind) || byLabel.compare(a.label, b.label));
}

export function filterSpaceRows(rows: readonly SpaceRow[], filter: SpaceFilter): SpaceRow[] {
  return rows.filter(
    (row) =>
      (filter.kind === null || row.kind === filter.kind) &&
      filter.attributes.every((a) => row.attributes.includes(a)) &&
      (!filter.onlyAvailable || hasFreeTime(row.state)),
  );
}

/** The attributes worth offering as filters: those present on the floor, known ones in their usual order. */
export function attributesIn(rows: readonly SpaceRow[]): string[] {
  const present = new Set(rows.flatMap((r) => r.attributes));
  const known = SPACE_ATTRIBUTES.filter((a) => present.has(a));
  const unknown = [...present].filter((a) => !(SPACE_ATTRIBUTES as readonly string[]).includes(a)).sort();
  return [...known, ...unknown];
}

export function kindsIn(rows: readonly SpaceRow[]): SpaceKind[] {
  const present = new Set(rows.map((r) => r.kind));
  return SPACE_KINDS.filter((k) => present.has(k));
}
