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
  active: boolean;
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.locale, u.active,
  u.show_name_to_colleagues AS "showNameToColleagues", u.default_floor_id AS "defaultFloorId",
  COALESCE((SELECT array_agg(g.group_id) FROM user_groups g WHERE g.user_id = u.id), '{}') AS "groupIds"`;

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
   * Active people whose name or email contains `text` (case-insensitive), names that start with it
   * first. Only what booking on someone's behalf needs leaves this method.
   */
  async searchActive(text: string, limit: number): Promise<PersonSearchResult[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.email
         FROM users u
        WHERE u.active AND (u.display_name ILIKE $1 OR u.email ILIKE $1)
        ORDER BY (u.display_name ILIKE $2) DESC, lower(u.display_name), u.email
        LIMIT $3`,
      [pattern, `${pattern.slice(1)}`, limit],
    );
  }

  async updateSettings(
    id: string,
    patch: { locale?: Locale; showNameToColleagues?: boolean; defaultFloorId?: string | null },
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.locale !== undefined) add('locale', patch.locale);
    if (patch.showNameToColleagues !== undefined) add('show_name_to_colleagues', patch.showNameToColleagues);
    if (patch.defaultFloorId !== undefined) add('default_floor_id', patch.defaultFloorId);
    if (!sets.length) return;
    await this.dataSource.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }
}
