import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE, HELD_BY_ASSIGNEE } from '../bookings/bookings.repository';
import { foldForSearch } from '../users/users.repository';

export interface ColleagueRow {
  id: string;
  displayName: string;
  following: boolean;
}

export interface PlaceRow {
  userId: string;
  via: 'following' | 'group';
  spaceId: string;
  spaceLabel: string;
  floorId: string;
  floorName: string;
  buildingId: string;
  buildingName: string;
  start: Date | null;
  end: Date | null;
  timeZone: string;
}

/** Only people who show their name to colleagues, and are active, are ever returned here. */
const VISIBLE = `u.active AND u.show_name_to_colleagues`;

@Injectable()
export class ColleaguesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(viewerId: string, query: string, limit: number): Promise<ColleagueRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = $1 AND fo.followed_id = u.id) AS following
         FROM users u
        WHERE ${VISIBLE} AND u.id <> $1 AND u.search_key LIKE $2
        ORDER BY lower(u.display_name), u.id LIMIT $3`,
      // The same folding as the person search (and its trigram index): "muller" finds Müller.
      [viewerId, `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
    );
  }

  async followed(viewerId: string): Promise<ColleagueRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", true AS following
         FROM follows fo JOIN users u ON u.id = fo.followed_id
        WHERE fo.follower_id = $1 AND ${VISIBLE}
        ORDER BY u.display_name, u.id`,
      [viewerId],
    );
  }

  /** Whether `id` may be followed: someone else who is active and shows their name. */
  async followable(viewerId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM users u WHERE u.id = $1 AND u.id <> $2 AND ${VISIBLE}`, [id, viewerId]);
    return rows.length > 0;
  }

  async follow(viewerId: string, id: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO follows (follower_id, followed_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [viewerId, id]);
  }

  async unfollow(viewerId: string, id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM follows WHERE follower_id = $1 AND followed_id = $2`, [viewerId, id]);
  }

  /**
   * The colleagues I follow, and the members of my groups, who show their name: each with where
   * they sit on `date` — their bookings that day, or their assigned desk when it is theirs that
   * day (not released, not away, not booked by someone else). People without a place are listed too.
   */
  async places(viewerId: string, date: string): Promise<{ colleagues: (ColleagueRow & { via: 'following' | 'group' })[]; places: PlaceRow[] }> {
    const colleagues: (ColleagueRow & { via: 'following' | 'group' })[] = await this.dataSource.query(
      `WITH circle AS (
         SELECT followed_id AS id, 'following' AS via FROM follows WHERE follower_id = $1
         UNION ALL
         SELECT mine.user_id, 'group' FROM user_groups me JOIN user_groups mine ON mine.group_id = me.group_id WHERE me.user_id = $1
       )
       SELECT u.id, u.display_name AS "displayName", bool_or(c.via = 'following') AS following,
              CASE WHEN bool_or(c.via = 'following') THEN 'following' ELSE 'group' END AS via
         FROM circle c JOIN users u ON u.id = c.id
        WHERE ${VISIBLE} AND u.id <> $1
        GROUP BY u.id, u.display_name
        ORDER BY u.display_name, u.id`,
      [viewerId],
    );
    if (!colleagues.length) return { colleagues, places: [] };
    const ids = colleagues.map((c) => c.id);
    const places: PlaceRow[] = await this.dataSource.query(
      `SELECT bk.booker_id AS "userId", s.id AS "spaceId", s.label AS "spaceLabel", f.id AS "floorId", f.name AS "floorName",
              b.id AS "buildingId", b.name AS "buildingName", bk.start_at AS start, bk.end_at AS "end", b.time_zone AS "timeZone"
         FROM bookings bk JOIN spaces s ON s.id = bk.space_id JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE bk.booker_id = ANY($1::uuid[]) AND bk.local_date = $2 AND bk.status IN ${ACTIVE}
       UNION ALL
       SELECT s.assignee_id, s.id, s.label, f.id, f.name, b.id, b.name, NULL, NULL, b.time_zone
         FROM spaces s JOIN floors f ON f.id = s.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE s.assignee_id = ANY($1::uuid[]) AND s.archived_at IS NULL
          AND ${HELD_BY_ASSIGNEE('s', '$2::date')}
          AND NOT EXISTS (SELECT 1 FROM bookings o WHERE o.space_id = s.id AND o.local_date = $2 AND o.status IN ${ACTIVE})
       ORDER BY 1, 8 NULLS FIRST`,
      [ids, date],
    );
    return { colleagues, places };
  }
}
