import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingSlot, BookingStatus, SpaceKind } from '@flexdesk/shared-contracts';

export interface SpaceDayRow {
  spaceId: string;
  floorId: string;
  kind: SpaceKind;
  bookable: boolean;
  booked: boolean;
  checkedIn: boolean;
}

export interface DayBookingRow {
  bookingId: string;
  spaceId: string;
  spaceLabel: string;
  spaceKind: SpaceKind;
  floorId: string;
  floorName: string;
  level: number;
  zoneName: string | null;
  bookerId: string | null;
  bookerName: string | null;
  slot: BookingSlot;
  start: Date;
  end: Date;
  status: BookingStatus;
  checkedInAt: Date | null;
}

@Injectable()
export class OccupancyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every space of the building with whether it is booked / checked in on `date`. */
  async spacesOnDay(buildingId: string, date: string): Promise<SpaceDayRow[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.floor_id AS "floorId", s.kind, s.bookable,
              EXISTS (SELECT 1 FROM bookings b WHERE b.space_id = s.id AND b.local_date = $2
                        AND b.status IN ('confirmed', 'checked_in')) AS booked,
              EXISTS (SELECT 1 FROM bookings b WHERE b.space_id = s.id AND b.local_date = $2
                        AND b.status = 'checked_in') AS "checkedIn"
         FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE f.building_id = $1 AND s.archived_at IS NULL`,
      [buildingId, date],
    );
  }

  async bookingsOnDay(buildingId: string, date: string): Promise<DayBookingRow[]> {
    return this.dataSource.query(
      `SELECT b.id AS "bookingId", s.id AS "spaceId", s.label AS "spaceLabel", s.kind AS "spaceKind",
              f.id AS "floorId", f.name AS "floorName", f.level, z.name AS "zoneName",
              b.booker_id AS "bookerId", u.display_name AS "bookerName", b.slot,
              b.start_at AS start, b.end_at AS "end", b.status, b.checked_in_at AS "checkedInAt"
         FROM bookings b
         JOIN spaces s ON s.id = b.space_id
         JOIN floors f ON f.id = s.floor_id
         LEFT JOIN zones z ON z.id = s.zone_id
         LEFT JOIN users u ON u.id = b.booker_id
        WHERE f.building_id = $1 AND b.local_date = $2 AND b.status IN ('confirmed', 'checked_in')
        ORDER BY f.level, s.label, b.start_at`,
      [buildingId, date],
    );
  }
}
