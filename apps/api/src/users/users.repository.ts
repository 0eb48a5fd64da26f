import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, PersonSearchResult, Role } from '@flexdesk/shared-contracts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  showNameToColleagues: boolean;
  defaultFloorId: string | null;
  groupIds: string[];
  homeBuildingId: string | null;
  suggestedHomeBuildingId: string | null;
  receptionAllBuildings: boolean;
  receptionBuildingIds: string[];
  active: boolean;
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.locale, u.active,
  u.show_name_to_colleagues AS "showNameToColleagues", u.default_floor_id AS "defaultFloorId",
  COALESCE((SELECT array_agg(g.group_id) FROM user_groups g WHERE g.user_id = u.id), '{}') AS "groupIds",
  u.home_building_id AS "homeBuildingId",
  (SELECT f.building_id FROM zones z JOIN floors f ON f.id = z.floor_id
     JOIN user_groups g ON g.user_id = u.id AND g.group_id = ANY (z.restricted_group_ids)
    GROUP BY f.building_id ORDER BY count(*) DESC, f.building_id LIMIT 1) AS "suggestedHomeBuildingId",
  u.reception_all_buildings AS "receptionAllBuildings",
  COALESCE((SELECT array_agg(r.building_id) FROM reception_assignments r WHERE r.user_id = u.id), '{}')
    AS "receptionBuildingIds"`;

/**
 * The typed text folded as the stored `users.search_key` folds names (see the AddPeopleAdministration
 * migration): lower case, accents dropped, ß as ss.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByEmailForLogin(email: string): Promise<(UserRow & { passwordHash: string | null }) | null> {
    const rows = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Active people whose name or email contains `text`, names that start with it first. Only what
   * booking on someone's behalf needs leaves this method. Case- and accent-insensitive: "muller", "mueller" and "MÜL" all find Müller. Both sides are
   * folded the same way (see `foldForSearch`); a German transliteration (ü → ue) is tried too.
   */
  async searchActive(text: string, limit: number): Promise<PersonSearchResult[]> {
    const folded = foldForSearch(text);
    const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.email
         FROM users u
        WHERE u.active AND u.search_key LIKE $1
        ORDER BY (u.search_key LIKE $2) DESC, lower(u.display_name), u.email
        LIMIT $3`,
      [pattern, pattern.slice(1), limit],
    );
  }

  /**
   * Changes what is given. Returns false, changing nothing, if `defaultFloorId` names no floor or
   * `homeBuildingId` no building (checked in the same statement, so one deleted meanwhile cannot slip in).
   */
  async updateSettings(
    id: string,
    patch: {
      locale?: Locale;
      showNameToColleagues?: boolean;
      defaultFloorId?: string | null;
      homeBuildingId?: string | null;
    },
  ): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
      return `$${params.length}`;
    };
    if (patch.locale !== undefined) add('locale', patch.locale);
    if (patch.showNameToColleagues !== undefined) add('show_name_to_colleagues', patch.showNameToColleagues);
    const checks: string[] = [];
    const reference = (column: string, value: string | null, table: 'floors' | 'buildings') => {
      const ref = add(column, value);
      checks.push(` AND (${ref}::uuid IS NULL OR EXISTS (SELECT 1 FROM ${table} x WHERE x.id = ${ref}::uuid))`);
    };
    if (patch.defaultFloorId !== undefined) reference('default_floor_id', patch.defaultFloorId, 'floors');
    if (patch.homeBuildingId !== undefined) reference('home_building_id', patch.homeBuildingId, 'buildings');
    if (!sets.length) return true;
    const [, count] = await this.dataSource.query(
      `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1${checks.join('')}`,
      params,
    );
    return Number(count) > 0;
  }
}
