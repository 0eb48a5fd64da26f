import { Injectable } from '@nestjs/common';
import { can, type AvailabilityBooking, type FloorAvailability } from '@flexdesk/shared-contracts';
import { isValidDate, openingWindow, spaceState } from '@flexdesk/shared-domain';
import { seesBookerName } from '../access/access-policy';
import { BookingsRepository } from '../bookings/bookings.repository';
import { BuildingsRepository } from '../buildings/buildings.repository';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { BookableSpacesCache } from '../floors/bookable-spaces.cache';
import { isoInZone } from '../common/time-format';
import { validationError } from '../common/validation';

function restrictedFor(viewer: AuthUser, groups: string[]): boolean {
  return groups.length > 0 && !groups.some((g) => viewer.groupIds.includes(g));
}

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly spaces: BookableSpacesCache,
    private readonly buildings: BuildingsRepository,
    private readonly bookings: BookingsRepository,
  ) {}

  async forFloor(viewer: AuthUser, floorId: string, date: string): Promise<FloorAvailability> {
    if (!isValidDate(date)) throw validationError('date', 'date is not a calendar date');
    // One round of queries, all keyed by the floor (its building found through it): a missing floor
    // has no building, and its empty lists cost nothing. The floor's spaces come from this instance's
    // cache while the floor's stamp, read in the same round, says they are current.
    const day = this.buildings.floorDay(floorId, date);
    const [found, spaces, bookings, held] = await Promise.all([
      day,
      this.spaces.of(
        floorId,
        day.then((d) => d?.spacesStamp ?? null),
      ),
      this.bookings.activeOnFloor(floorId, date),
      this.bookings.heldByAssigneesOnFloor(floorId, date),
    ]);
    if (!found || !spaces) throw new DomainError('FLOOR_NOT_FOUND');
    const { building, closures } = found;
    const tz = building.timeZone;
    const window = openingWindow({ ...building, closures }, date);
    const privileged = can(viewer, 'spaces:unrestricted');
    const assignees = new Map(held.map((h) => [h.spaceId, h]));

    const bySpace = new Map<string, typeof bookings>();
    for (const b of bookings) {
      const list = bySpace.get(b.spaceId);
      if (list) list.push(b);
      else bySpace.set(b.spaceId, [b]);
    }

    return {
      floorId,
      date,
      open: window ? { start: isoInZone(window.start, tz), end: isoInZone(window.end, tz) } : null,
      closedReason: closures[0]?.reason ?? null,
      spaces: spaces.map((space) => {
        const own = bySpace.get(space.id) ?? [];
        const restricted = !privileged && restrictedFor(viewer, space.groupIds);
        const visible: AvailabilityBooking[] = own.map((b) => {
          const mine = b.bookerId === viewer.id;
          return {
            ...(mine ? { id: b.id } : {}),
            start: isoInZone(b.start, tz),
            end: isoInZone(b.end, tz),
            status: b.status,
            mine,
            bookerName: seesBookerName(viewer, b.bookerId, b.bookerShowsName, building.id) ? b.bookerName : null,
          };
        });
        // An assigned desk is its owner's all day, as if booked: 'mine' for them, taken for others.
        const assignee = assignees.get(space.id);
        const holds =
          assignee && window ? [{ start: window.start, end: window.end, mine: assignee.assigneeId === viewer.id }] : [];
        return {
          spaceId: space.id,
          state: spaceState({
            bookable: space.bookable,
            restricted,
            window,
            bookings: [...own.map((b) => ({ start: b.start, end: b.end, mine: b.bookerId === viewer.id })), ...holds],
          }),
          bookings: visible,
          ...(assignee
            ? {
                assigned: {
                  mine: assignee.assigneeId === viewer.id,
                  name: seesBookerName(viewer, assignee.assigneeId, assignee.assigneeShowsName, building.id)
                    ? assignee.assigneeName
                    : null,
                },
              }
            : {}),
        };
      }),
    };
  }
}
