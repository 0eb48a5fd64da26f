import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-log';
import { deleteGroup, offboard, reinstate } from '../people/offboarding';
import type { UserFields } from './scim-resources';
import { isUniqueViolation } from '../database/pg-errors';

export interface ScimUserRow {
  id: string;
  email: string;
  displayName: string;
  externalId: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  groups: { id: string; name: string }[];
}

export interface ScimGroupRow {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: Date;
  members: { id: string; displayName: string }[] | null;
}

export interface Page<T> {
  total: number;
  rows: T[];
}

const USER = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.external_id AS "externalId", u.active,
         u.created_at AS "createdAt", u.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
                     FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id), '[]') AS groups
    FROM users u`;
const group = (withMembers: boolean) => `
  SELECT g.id, g.name, g.external_id AS "externalId", g.created_at AS "createdAt",
         ${
           withMembers
             ? `COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                           FROM user_groups ug JOIN users u ON u.id = ug.user_id
                          WHERE ug.group_id = g.id AND u.scim_deleted_at IS NULL), '[]')`
             : 'NULL'
         } AS members
    FROM groups g`;

export type Outcome = 'ok' | 'not-found' | 'taken';

/**
 * People and groups as the provisioning client manages them. A user the client deletes is kept,
 * deactivated (their bookings count in statistics until the privacy purge), and hidden from SCIM.
 */
@Injectable()
export class ScimRepository {
  constructor(private readonly dataSource: DataSource) {}

  async users(where: string, params: unknown[], offset: number, count: number): Promise<Page<ScimUserRow>> {
    const condition = `u.scim_deleted_at IS NULL${where ? ` AND ${where}` : ''}`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM users u WHERE ${condition}`,
      params,
    );
    const rows = count
      ? await this.dataSource.query(
          `${USER} WHERE ${condition} ORDER BY u.created_at, u.id OFFSET ${offset} LIMIT ${count}`,
          params,
        )
      : [];
    return { total, rows };
  }

  async user(id: string): Promise<ScimUserRow | null> {
    const rows: ScimUserRow[] = await this.dataSource.query(`${USER} WHERE u.id = $1 AND u.scim_deleted_at IS NULL`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Creates a person; one the client deleted before with the same address comes back instead (a
   * re-hire, or a re-provisioning). An address of any other account is `taken` (RFC 7644 409).
   */
  async createUser(
    user: Required<Pick<UserFields, 'email' | 'displayName' | 'active'>> & { externalId: string | null },
    now: Date,
  ): Promise<string | 'taken'> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [returning]: { id: string }[] = await m.query(
          `SELECT id FROM users WHERE lower(email) = lower($1) AND scim_deleted_at IS NOT NULL FOR UPDATE`,
          [user.email],
        );
        let id = returning?.id;
        if (id) {
          await m.query(
            `UPDATE users SET scim_deleted_at = NULL, display_name = $2, external_id = $3, updated_at = now() WHERE id = $1`,
            [id, user.displayName, user.externalId],
          );
        } else {
          [{ id }] = await m.query(
            `INSERT INTO users (email, display_name, external_id, roles) VALUES ($1, $2, $3, '{employee}') RETURNING id`,
            [user.email, user.displayName, user.externalId],
          );
        }
        await this.setActive(m, id, user.active, now);
        await recordAudit(m, {
          actorId: null,
          action: returning ? 'scim.restore' : 'scim.create',
          entityType: 'user',
          entityId: id,
        });
        return id;
      });
    } catch (e) {
      if (isUniqueViolation(e)) return 'taken';
      throw e;
    }
  }

  /** Changes the given fields; `active: false` is an offboarding (see setActive). */
  async updateUser(id: string, fields: UserFields, now: Date): Promise<Outcome> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [row]: { id: string }[] = await m.query(
          `SELECT id FROM users WHERE id = $1 AND scim_deleted_at IS NULL FOR UPDATE`,
          [id],
        );
        if (!row) return 'not-found';
        await m.query(
          `UPDATE users SET email = COALESCE($2, email), display_name = COALESCE($3, display_name),
                  external_id = CASE WHEN $4 THEN $5 ELSE external_id END, updated_at = now()
            WHERE id = $1`,
          [
            id,
            fields.email ?? null,
            fields.displayName ?? null,
            fields.externalId !== undefined,
            fields.externalId ?? null,
          ],
        );
        if (fields.active !== undefined) await this.setActive(m, id, fields.active, now);
        await recordAudit(m, {
          actorId: null,
          action: 'scim.update',
          entityType: 'user',
          entityId: id,
          details: { fields: Object.keys(fields) },
        });
        return 'ok';
      });
    } catch (e) {
      if (isUniqueViolation(e)) return 'taken';
      throw e;
    }
  }

  async deleteUser(id: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [row]: { id: string }[] = await m.query(
        `SELECT id FROM users WHERE id = $1 AND scim_deleted_at IS NULL FOR UPDATE`,
        [id],
      );
      if (!row) return false;
      await offboard(m, id, now);
      await m.query(`UPDATE users SET scim_deleted_at = now() WHERE id = $1`, [id]);
      await m.query(`DELETE FROM user_groups WHERE user_id = $1`, [id]);
      await recordAudit(m, { actorId: null, action: 'scim.delete', entityType: 'user', entityId: id });
      return true;
    });
  }

  async groups(
    where: string,
    params: unknown[],
    offset: number,
    count: number,
    withMembers: boolean,
  ): Promise<Page<ScimGroupRow>> {
    const condition = where || 'true';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM groups g WHERE ${condition}`,
      params,
    );
    const rows = count
      ? await this.dataSource.query(
          `${group(withMembers)} WHERE ${condition} ORDER BY g.created_at, g.id OFFSET ${offset} LIMIT ${count}`,
          params,
        )
      : [];
    return { total, rows };
  }

  async group(id: string): Promise<ScimGroupRow | null> {
    const rows: ScimGroupRow[] = await this.dataSource.query(`${group(true)} WHERE g.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async createGroup(name: string, externalId: string | null, members: string[]): Promise<string | 'taken'> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [{ id }] = await m.query(`INSERT INTO groups (name, external_id) VALUES ($1, $2) RETURNING id`, [
          name,
          externalId,
        ]);
        await this.addMembers(m, id, members);
        await recordAudit(m, {
          actorId: null,
          action: 'scim.create',
          entityType: 'group',
          entityId: id,
          details: { name },
        });
        return id as string;
      });
    } catch (e) {
      if (isUniqueViolation(e)) return 'taken';
      throw e;
    }
  }

  async updateGroup(
    id: string,
    change: { name?: string; externalId?: string | null; add: string[]; remove: string[]; replace?: string[] },
  ): Promise<Outcome> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const [row]: { id: string }[] = await m.query(`SELECT id FROM groups WHERE id = $1 FOR UPDATE`, [id]);
        if (!row) return 'not-found';
        if (change.name !== undefined) await m.query(`UPDATE groups SET name = $2 WHERE id = $1`, [id, change.name]);
        if (change.externalId !== undefined)
          await m.query(`UPDATE groups SET external_id = $2 WHERE id = $1`, [id, change.externalId]);
        if (change.replace) await m.query(`DELETE FROM user_groups WHERE group_id = $1`, [id]);
        await this.addMembers(m, id, [...(change.replace ?? []), ...change.add]);
        if (change.remove.length) {
          await m.query(`DELETE FROM user_groups WHERE group_id = $1 AND user_id::text = ANY ($2::text[])`, [
            id,
            change.remove,
          ]);
        }
        await recordAudit(m, {
          actorId: null,
          action: 'scim.update',
          entityType: 'group',
          entityId: id,
          details: {
            renamed: change.name !== undefined,
            added: change.add.length,
            removed: change.remove.length,
            replaced: !!change.replace,
          },
        });
        return 'ok';
      });
    } catch (e) {
      if (isUniqueViolation(e)) return 'taken';
      throw e;
    }
  }

  /** Deletes a group; zones and spaces restricted to it lose that restriction (see offboarding.ts). */
  async deleteGroup(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const deleted = await deleteGroup(m, id);
      if (deleted) await recordAudit(m, { actorId: null, action: 'scim.delete', entityType: 'group', entityId: id });
      return deleted;
    });
  }

  /** Members by user id; ids that name no (visible) person are left out, as RFC 7644 lets a server do. */
  private async addMembers(m: EntityManager, groupId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    await m.query(
      `INSERT INTO user_groups (user_id, group_id)
       SELECT u.id, $1 FROM users u WHERE u.id::text = ANY ($2::text[]) AND u.scim_deleted_at IS NULL
       ON CONFLICT DO NOTHING`,
      [groupId, userIds],
    );
  }

  /** Offboarding and reinstatement as in people administration (people/offboarding.ts). */
  private async setActive(m: EntityManager, id: string, active: boolean, now: Date): Promise<void> {
    if (active) await reinstate(m, id);
    else await offboard(m, id, now);
  }
}
