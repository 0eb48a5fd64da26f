import type { ColleaguePlace } from '@flexdesk/shared-contracts';
import { initialsOf } from '@flexdesk/shared-domain';

/** Who of the people I follow (or my groups' opted-in members) sits where on the floor on screen. */
export interface ColleagueSeats {
  /** Initials per space, for the plan's badges ("AS", or "AS+1" when several share the desk that day). */
  marks: Record<string, string>;
  /** Display names per space, as the API gives them, for the card and the list. */
  names: Record<string, string[]>;
}

export const NO_SEATS: ColleagueSeats = { marks: {}, names: {} };

const byName = new Intl.Collator('de', { sensitivity: 'base' });

/**
 * The colleagues' places on one floor. The API only ever lists people who opted in to show their
 * name, so nothing here filters by visibility; it only picks the floor and keeps badges short.
 */
export function colleagueSeats(
  places: readonly ColleaguePlace[] | null | undefined,
  floorId: string | null,
): ColleagueSeats {
  if (!places?.length || !floorId) return NO_SEATS;
  const people = new Map<string, { name: string; initials: string }[]>();
  for (const { colleague, places: where } of places) {
    for (const place of where) {
      if (place.floorId !== floorId) continue;
      const list = people.get(place.spaceId) ?? [];
      // One person with two bookings on the same desk (morning and afternoon) is one badge.
      if (!list.some((p) => p.name === colleague.displayName)) {
        list.push({ name: colleague.displayName, initials: colleague.initials || initialsOf(colleague.displayName) });
      }
      people.set(place.spaceId, list);
    }
  }
  const marks: Record<string, string> = {};
  const names: Record<string, string[]> = {};
  for (const [spaceId, list] of people) {
    list.sort((a, b) => byName.compare(a.name, b.name));
    marks[spaceId] = list.length > 1 ? `${list[0].initials}+${list.length - 1}` : list[0].initials;
    names[spaceId] = list.map((p) => p.name);
  }
  return { marks, names };
}
