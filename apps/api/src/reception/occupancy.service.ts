import { Injectable } from '@nestjs/common';
import {
  SPACE_KINDS,
  type BuildingOccupancy,
  type FloorOccupancy,
  type Locale,
  type OccupancyTotals,
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import { isValidDate, openingWindow } from '@flexdesk/shared-domain';
import { BuildingsRepository } from '../buildings/buildings.repository';
import { seesNamesIn } from '../access/access-policy';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { isoInZone } from '../common/time-format';
import { validationError } from '../common/validation';
import { toCsv } from '../common/csv';
import { OccupancyRepository, type SpaceDayRow } from './occupancy.repository';

/** `open`: whether the building opens that day; on a closed day nothing is free to book. */
function totals(rows: SpaceDayRow[], open: boolean): OccupancyTotals {
  const bookable = rows.filter((r) => r.bookable);
  const booked = bookable.filter((r) => r.booked).length;
  return {
    spaces: rows.length,
    bookable: bookable.length,
    booked,
    checkedIn: rows.filter((r) => r.checkedIn).length,
    free: open ? bookable.length - booked : 0,
  };
}

const CSV_HEADERS: Record<Locale, string[]> = {
  de: ['Etage', 'Platz', 'Art', 'Bereich', 'Name', 'Beginn', 'Ende', 'Status', 'Eingecheckt'],
  en: ['Floor', 'Space', 'Kind', 'Zone', 'Name', 'Start', 'End', 'Status', 'Checked in'],
};
const KIND_NAMES: Record<Locale, Record<SpaceKind, string>> = {
  de: { desk: 'Schreibtisch', room: 'Raum', parking: 'Parkplatz' },
  en: { desk: 'Desk', room: 'Room', parking: 'Parking' },
};
const STATUS_NAMES: Record<Locale, Record<string, string>> = {
  de: { confirmed: 'erwartet', checked_in: 'eingecheckt' },
  en: { confirmed: 'expected', checked_in: 'checked in' },
};

/**
 * The reception's view of a building and day: totals, and the day list with names for the front
 * desk of that building (see access/access-policy.ts). Other receptionists get the totals only.
 */
@Injectable()
export class OccupancyService {
  constructor(
    private readonly occupancy: OccupancyRepository,
    private readonly buildings: BuildingsRepository,
  ) {}

  async forBuilding(user: AuthUser, buildingId: string, date: string): Promise<BuildingOccupancy> {
    // The day list names people, so only the front desk of this very building gets it.
    if (!isValidDate(date)) throw validationError('date', 'date is not a calendar date');
    const building = await this.buildings.findById(buildingId);
    if (!building) throw new DomainError('BUILDING_NOT_FOUND');
    const namesVisible = seesNamesIn(user, buildingId);
    const [floors, spaces, bookings, closures] = await Promise.all([
      this.buildings.floorSummaries([buildingId]),
      this.occupancy.spacesOnDay(buildingId, date),
      namesVisible ? this.occupancy.bookingsOnDay(buildingId, date) : Promise.resolve([]),
      this.buildings.closures(buildingId, date, date),
    ]);
    const tz = building.timeZone;
    // A Saturday or a holiday: the front desk sees that the building is closed, not 40 free desks.
    const window = openingWindow({ ...building, closures }, date);
    const open = window !== null;
    return {
      buildingId,
      buildingName: building.name,
      timeZone: tz,
      date,
      open: window ? { start: isoInZone(window.start, tz), end: isoInZone(window.end, tz) } : null,
      closedReason: closures[0]?.reason ?? null,
      namesVisible,
      total: totals(spaces, open),
      floors: floors.map((f): FloorOccupancy => {
        const own = spaces.filter((s) => s.floorId === f.id);
        return {
          floorId: f.id,
          floorName: f.name,
          level: f.level,
          total: totals(own, open),
          byKind: Object.fromEntries(
            SPACE_KINDS.map((k) => [
              k,
              totals(
                own.filter((s) => s.kind === k),
                open,
              ),
            ]),
          ) as Record<SpaceKind, OccupancyTotals>,
        };
      }),
      bookings: bookings.map((b) => ({
        bookingId: b.bookingId,
        spaceId: b.spaceId,
        spaceLabel: b.spaceLabel,
        spaceKind: b.spaceKind,
        floorId: b.floorId,
        floorName: b.floorName,
        zoneName: b.zoneName,
        bookerId: b.bookerId,
        bookerName: b.bookerName ?? '',
        slot: b.slot,
        start: isoInZone(b.start, tz),
        end: isoInZone(b.end, tz),
        status: b.status,
        checkedInAt: b.checkedInAt ? isoInZone(b.checkedInAt, tz) : null,
      })),
    };
  }

  /** The day list as CSV for Excel: `;`-separated in German (Excel's list separator there), `,` in English. */
  async dayListCsv(user: AuthUser, buildingId: string, date: string, locale: Locale): Promise<string> {
    const day = await this.forBuilding(user, buildingId, date);
    if (!day.namesVisible) throw new DomainError('RECEPTION_NOT_ASSIGNED');
    const time = (iso: string | null) => (iso ? iso.slice(11, 16) : '');
    return toCsv(
      [
        CSV_HEADERS[locale],
        ...day.bookings.map((b) => [
          b.floorName,
          b.spaceLabel,
          KIND_NAMES[locale][b.spaceKind],
          b.zoneName ?? '',
          b.bookerName,
          time(b.start),
          time(b.end),
          STATUS_NAMES[locale][b.status] ?? b.status,
          time(b.checkedInAt),
        ]),
      ],
      locale === 'de' ? ';' : ',',
    );
  }
}
