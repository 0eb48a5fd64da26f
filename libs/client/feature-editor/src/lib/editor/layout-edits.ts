import type {
  FloorLayout,
  FloorSummary,
  Floor,
  LayoutSpace,
  LayoutZone,
  SpaceAvailability,
} from '@flexdesk/shared-contracts';

/*
 * Every edit returns a new layout and leaves the old one untouched, so the undo history can keep
 * earlier layouts by reference.
 */

export function updateSpace(layout: FloorLayout, index: number, patch: Partial<LayoutSpace>): FloorLayout {
  return { ...layout, spaces: layout.spaces.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

export function removeSpace(layout: FloorLayout, index: number): FloorLayout {
  return { ...layout, spaces: layout.spaces.filter((_, i) => i !== index) };
}

export function addSpaces(layout: FloorLayout, spaces: readonly LayoutSpace[]): FloorLayout {
  return { ...layout, spaces: [...layout.spaces, ...spaces] };
}

export function updateZone(layout: FloorLayout, index: number, patch: Partial<LayoutZone>): FloorLayout {
  return { ...layout, zones: layout.zones.map((z, i) => (i === index ? { ...z, ...patch } : z)) };
}

export function addZone(layout: FloorLayout, zone: LayoutZone): FloorLayout {
  return { ...layout, zones: [...layout.zones, zone] };
}

/** Spaces in a removed zone stay, without a zone. */
export function removeZone(layout: FloorLayout, index: number): FloorLayout {
  const id = layout.zones[index]?.id;
  return {
    ...layout,
    zones: layout.zones.filter((_, i) => i !== index),
    spaces: layout.spaces.map((s) => (s.zoneId === id && id !== undefined ? { ...s, zoneId: null } : s)),
  };
}

export function newSpace(layout: FloorLayout, id: string): LayoutSpace {
  return {
    id,
    zoneId: null,
    kind: 'desk',
    label: nextLabel(layout),
    x: 0,
    y: 0,
    width: Math.min(160, layout.plan.width),
    height: Math.min(80, layout.plan.height),
    rotation: 0,
    attributes: [],
    capacity: null,
    bookable: true,
    restrictedToGroupIds: [],
  };
}

/** A zone covering the whole plan until zones can be drawn. */
export function newZone(layout: FloorLayout, id: string, name: string): LayoutZone {
  const { width, height } = layout.plan;
  return {
    id,
    name,
    color: '#4f7cac',
    polygon: [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ],
    restrictedToGroupIds: [],
  };
}

/** A label that is not taken yet, so a new space does not make the layout invalid at once. */
function nextLabel(layout: FloorLayout): string {
  const taken = new Set(layout.spaces.map((s) => s.label.trim().toLowerCase()));
  let n = layout.spaces.length + 1;
  while (taken.has(String(n))) n++;
  return String(n);
}

/** The draft as a `Floor` for the read-only plan component. */
export function previewFloor(layout: FloorLayout, floor: FloorSummary, buildingName: string, timeZone: string): Floor {
  return {
    ...floor,
    buildingName,
    timeZone,
    plan: {
      width: layout.plan.width,
      height: layout.plan.height,
      scale: layout.plan.scale,
      backgroundUrl: layout.plan.backgroundUrl ?? null,
    },
    version: 0,
    spaceCount: layout.spaces.length,
    zones: layout.zones,
    spaces: layout.spaces.map((s) => ({ ...s, floorId: floor.id })),
  };
}

/** On the preview, bookable spaces look free and the others unavailable. */
export function previewStates(layout: FloorLayout): SpaceAvailability[] {
  return layout.spaces.map((s) => ({ spaceId: s.id, state: s.bookable ? 'free' : 'unavailable', bookings: [] }));
}

/** Applies position/size/rotation patches by space id (a drag, nudge, align, …) as one new layout. */
export function patchSpaces(
  layout: FloorLayout,
  patches: readonly ({ id: string } & Partial<LayoutSpace>)[],
): FloorLayout {
  if (!patches.length) return layout;
  const byId = new Map(patches.map((p) => [p.id, p]));
  return { ...layout, spaces: layout.spaces.map((s) => (byId.has(s.id) ? { ...s, ...byId.get(s.id), id: s.id } : s)) };
}

/** The same change to every space in `ids`. */
export function updateSpaces(
  layout: FloorLayout,
  ids: ReadonlySet<string>,
  change: (space: LayoutSpace) => Partial<LayoutSpace>,
): FloorLayout {
  return { ...layout, spaces: layout.spaces.map((s) => (ids.has(s.id) ? { ...s, ...change(s) } : s)) };
}

export function removeSpaces(layout: FloorLayout, ids: ReadonlySet<string>): FloorLayout {
  return { ...layout, spaces: layout.spaces.filter((s) => !ids.has(s.id)) };
}

export function updateZoneById(layout: FloorLayout, id: string, patch: Partial<LayoutZone>): FloorLayout {
  return { ...layout, zones: layout.zones.map((z) => (z.id === id ? { ...z, ...patch, id } : z)) };
}

/** Colours for drawn zones, in turn; all dark enough for a 2 px outline on white. */
export const ZONE_COLORS = ['#4f7cac', '#6a1b9a', '#00838f', '#ef6c00', '#2e7d32', '#ad1457'] as const;

/**
 * A drawn zone; spaces without a zone whose centre lies inside it join it, so drawing a zone around
 * desks is all it takes.
 */
export function addDrawnZone(
  layout: FloorLayout,
  zone: LayoutZone,
  isInside: (space: LayoutSpace) => boolean,
): FloorLayout {
  return {
    ...layout,
    zones: [...layout.zones, zone],
    spaces: layout.spaces.map((s) => (s.zoneId === null && isInside(s) ? { ...s, zoneId: zone.id } : s)),
  };
}
