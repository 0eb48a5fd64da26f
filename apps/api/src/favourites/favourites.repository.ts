import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Favourite } from '@flexdesk/shared-contracts';

export interface FavouriteTarget {
  id: string;
  restrictedToGroupIds: string[];
  zoneRestrictedToGroupIds: string[];
}

/** The spaces a person starred. */
@Injectable()
export class FavouritesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string): Promise<Favourite[]> {
    return this.dataSource.query(
      `SELECT s.id AS "spaceId", s.label AS "spaceLabel", s.kind AS "spaceKind", f.id AS "floorId", f.name AS "floorName",
              b.id AS "buildingId", b.name AS "buildingName"
         FROM favourites fav JOIN spaces s ON s.id = fav.space_id JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE fav.user_id = $1 AND s.archived_at IS NULL
        ORDER BY b.name, f.level, s.label`,
      [userId],
    );
  }

  async target(spaceId: string): Promise<FavouriteTarget | null> {
    const rows: FavouriteTarget[] = await this.dataSource.query(
      `SELECT s.id, s.restricted_group_ids AS "restrictedToGroupIds", COALESCE(z.restricted_group_ids, '{}') AS "zoneRestrictedToGroupIds"
         FROM spaces s LEFT JOIN zones z ON z.id = s.zone_id WHERE s.id = $1 AND s.archived_at IS NULL`,
      [spaceId],
    );
    return rows[0] ?? null;
  }

  async add(userId: string, spaceId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO favourites (user_id, space_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, spaceId]);
  }

  async remove(userId: string, spaceId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM favourites WHERE user_id = $1 AND space_id = $2`, [userId, spaceId]);
  }
}
