import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { GroupAdminView, PersonAdminView, PersonStatus, Role } from '@flexdesk/shared-contracts';
import { recordAudit, withAudit } from '../audit/audit-log';
import { deleteGroup, offboard, reinstate } from './offboarding';
import { isUniqueViolation } from '../database/pg-errors';

export interface PeopleFilter {
  /** Folded as `users.search_key` is (see foldForSearch), with LIKE wildcards escaped. */
  pattern?: string;
  role?: Role;
  groupId?: string;
  status?: PersonStatus;
  after?: { name: string; id: string };
  limit: number;
}

export interface PersonFields {
  email: string;
  displayName: string;
  roles: Role[];
  groupIds: string[];
  homeBuildingId: string | null;
}

export type WriteOutcome = 'ok' | 'email-taken' | 'not-found';

const VIEW = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.roles,
         COALESCE((SELECT array_agg(g.group_id ORDER BY g.group_id) FROM user_groups g WHERE g.user_id = u.id), '{}') AS "groupIds",
         u.home_building_id AS "homeBuildingId", u.active, (u.password_hash IS NOT NULL) AS "hasPassword",
         COALESCE((SELECT array_agg(DISTINCT l.issuer) FROM identity_links l WHERE l.user_id = u.id), '{}') AS "identityProviders",
         u.external_id AS "externalId", u.created_at AS "createdAt", u.deactivated_at AS "deactivatedAt",
         lower(u.display_name) AS "sortName"
    FROM users u`;

type ViewRow = Omit<PersonAdminView, 'createdAt' | 'deactivatedAt'> & {
  createdAt: Date;
  deactivatedAt: Date | null;
  sortName: string;
};

function toView(r: ViewRow): PersonAdminView {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    roles: r.roles,
    groupIds: r.groupIds,
    homeBuildingId: r.homeBuildingId,
    active: r.active,
    hasPassword: r.hasPassword,
    identityProviders: r.identityProviders,
    externalId: r.externalId,
    createdAt: r.createdAt.toISOString(),
    deactivatedAt: r.deactivatedAt?.toISOString() ?? null,
  };
}


/** People and groups as administrators manage them; every change is audited in its own transaction. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page in name order (keyset: the next page starts after the last name and id). A text of
   * three or more characters is looked up in the trigram index first and only the matches are
   * sorted; shorter ones match so many people that walking the name index finds a page soonest.
   */
  async list(f: PeopleFilter): Promise<{ items: PersonAdminView[]; last: { name: string; id: string } | null }> {
    const filters = `($1::text IS NULL OR u.search_key LIKE $1)
          AND ($2::text IS NULL OR $2 = ANY (u.roles))
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM user_groups g WHERE g.user_id = u.id AND g.group_id = $3))
          AND ($4::boolean IS NULL OR u.active = $4)
          AND ($5::text IS NULL OR (lower(u.display_name), u.id) > ($5, $6::uuid))`;
    const selective = (f.pattern?.replace(/[%_\\]/g, '').length ?? 0) >= 3;
    // The page's ids first, so the per-person details below are computed for one page only.
    const pageSql = selective
      ? `WITH matches AS MATERIALIZED (SELECT u.id, lower(u.display_name) AS name FROM users u WHERE ${filters}),
              page AS (SELECT id FROM matches ORDER BY name, id LIMIT $7)`
      : `WITH page AS (SELECT u.id FROM users u WHERE ${filters} ORDER BY lower(u.display_name), u.id LIMIT $7)`;
    const rows: ViewRow[] = await this.dataSource.query(
      `${pageSql} ${VIEW} JOIN page USING (id) ORDER BY lower(u.display_name), u.id`,
      [
        f.pattern ?? null,
        f.role ?? null,
        f.groupId ?? null,
        f.status ? f.status === 'active' : null,
        f.after?.name ?? null,
        f.after?.id ?? null,
        f.limit + 1,
      ],
    );
    const more = rows.length > f.limit;
    const page = rows.slice(0, f.limit);
    const tail = page[page.length - 1];
    return { items: page.map(toView), last: more && tail ? { name: tail.sortName, id: tail.id } : null };
  }

  async find(id: string): Promise<PersonAdminView | null> {
    const rows: ViewRow[] = await this.dataSource.query(`${VIEW} WHERE u.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByEmails(emails: string[]): Promise<PersonAdminView[]> {
    if (!emails.length) return [];
    const rows: ViewRow[] = await this.dataSource.query(`${VIEW} WHERE lower(u.email) = ANY ($1::text[])`, [
      emails.map((e) => e.toLowerCase()),
    ]);
    return rows.map(toView);
  }

  async all(): Promise<PersonAdminView[]> {
    const rows: ViewRow[] = await this.dataSource.query(`${VIEW} ORDER BY lower(u.display_name), u.id`);
    return rows.map(toView);
  }

  /** Which of `ids` name no group / no building. */
  async unknownGroups(ids: string[]): Promise<string[]> {
    return this.unknown('groups', ids);
  }
  async unknownBuildings(ids: string[]): Promise<string[]> {
    return this.unknown('buildings', ids);
  }

  /** Active admins other than `exceptId`: one must always remain. */
  async otherActiveAdmins(exceptId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE active AND 'admin' = ANY (roles) AND id <> $1`,
      [exceptId],
    );
    return row.n;
  }

  async create(actorId: string | null, p: PersonFields): Promise<{ id: string } | 'email-taken'> {
    try {
      const id = await withAudit<string>(
        this.dataSource,
        (created) => ({
          actorId,
          action: 'create',
          entityType: 'user',
          entityId: created,
          details: { roles: p.roles, groupIds: p.groupIds },
        }),
        (m) => this.insert(m, p),
      );
      return { id };
    } catch (e) {
      if (isUniqueViolation(e)) return 'email-taken';
      throw e;
    }
  }

  /** Changes what is given; the groups, when given, replace the person's groups. */
  async update(actorId: string | null, id: string, patch: Partial<PersonFields>): Promise<WriteOutcome> {
    try {
      const found = await withAudit(
        this.dataSource,
        (ok) =>
          ok
            ? {
                actorId,
                action: 'update',
                entityType: 'user',
                entityId: id,
                details: { fields: Object.keys(patch), roles: patch.roles, groupIds: patch.groupIds },
              }
            : null,
        (m) => this.patch(m, id, patch),
      );
      return found ? 'ok' : 'not-found';
    } catch (e) {
      if (isUniqueViolation(e)) return 'email-taken';
      throw e;
    }
  }

  /** Offboarding (see offboarding.ts) by an admin, audited. */
  async deactivate(
    actorId: string | null,
    id: string,
    now: Date,
  ): Promise<{ cancelledBookings: number; endedSessions: number } | null> {
    return this.dataSource.transaction(async (m) => {
      const result = await offboard(m, id, now);
      if (result)
        await recordAudit(m, { actorId, action: 'deactivate', entityType: 'user', entityId: id, details: result });
      return result;
    });
  }

  async reactivate(actorId: string | null, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const done = await reinstate(m, id);
      if (done) await recordAudit(m, { actorId, action: 'reactivate', entityType: 'user', entityId: id });
      return done;
    });
  }

  /**
   * A whole import in one transaction: missing groups are created by name, new people inserted,
   * changed ones updated. Returns the ids of the people created, by e-mail (lower case).
   */
  async applyImport(
    actorId: string,
    rows: { email: string; displayName: string; groupNames: string[]; roles: Role[]; existingId: string | null }[],
  ): Promise<Map<string, string>> {
    return this.dataSource.transaction(async (m) => {
      const names = [...new Set(rows.flatMap((r) => r.groupNames))];
      if (names.length) {
        await m.query(`INSERT INTO groups (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [names]);
      }
      const groupRows: { id: string; name: string }[] = names.length
        ? await m.query(`SELECT id, name FROM groups WHERE name = ANY ($1::text[])`, [names])
        : [];
      const groupId = new Map(groupRows.map((g) => [g.name, g.id]));
      const created = new Map<string, string>();
      for (const r of rows) {
        const fields = {
          email: r.email,
          displayName: r.displayName,
          roles: r.roles,
          groupIds: r.groupNames.map((n) => groupId.get(n) as string),
        };
        if (r.existingId) {
          await this.patch(m, r.existingId, fields);
        } else {
          created.set(r.email.toLowerCase(), await this.insert(m, { ...fields, homeBuildingId: null }));
        }
      }
      await recordAudit(m, {
        actorId,
        action: 'import',
        entityType: 'user',
        entityId: null,
        details: {
          created: created.size,
          updated: rows.length - created.size,
          newGroups: names.filter((n) => !groupRows.some((g) => g.name === n)).length,
        },
      });
      return created;
    });
  }

  async groups(): Promise<GroupAdminView[]> {
    return this.dataSource.query(
      `SELECT g.id, g.name, g.external_id AS "externalId",
              (SELECT count(*)::int FROM user_groups ug WHERE ug.group_id = g.id) AS "memberCount"
         FROM groups g ORDER BY lower(g.name), g.id`,
    );
  }

  async group(id: string): Promise<GroupAdminView | null> {
    const rows: GroupAdminView[] = await this.dataSource.query(
      `SELECT g.id, g.name, g.external_id AS "externalId",
              (SELECT count(*)::int FROM user_groups ug WHERE ug.group_id = g.id) AS "memberCount"
         FROM groups g WHERE g.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async createGroup(actorId: string, name: string): Promise<string | 'name-taken'> {
    try {
      return await withAudit(
        this.dataSource,
        (id) => ({ actorId, action: 'create', entityType: 'group', entityId: id, details: { name } }),
        async (m) => (await m.query(`INSERT INTO groups (name) VALUES ($1) RETURNING id`, [name]))[0].id as string,
      );
    } catch (e) {
      if (isUniqueViolation(e)) return 'name-taken';
      throw e;
    }
  }

  async renameGroup(actorId: string, id: string, name: string): Promise<WriteOutcome | 'name-taken'> {
    try {
      const found = await withAudit(
        this.dataSource,
        (ok) => (ok ? { actorId, action: 'rename', entityType: 'group', entityId: id, details: { name } } : null),
        async (m) => Number((await m.query(`UPDATE groups SET name = $2 WHERE id = $1`, [id, name]))[1]) > 0,
      );
      return found ? 'ok' : 'not-found';
    } catch (e) {
      if (isUniqueViolation(e)) return 'name-taken';
      throw e;
    }
  }

  /** Deletes a group (see offboarding.ts: restrictions to it are lifted), audited. */
  async deleteGroup(actorId: string, id: string): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (ok) => (ok ? { actorId, action: 'delete', entityType: 'group', entityId: id } : null),
      (m) => deleteGroup(m, id),
    );
  }

  /** Adds or removes one member; returns false if the group or the person does not exist. */
  async setMembership(actorId: string, groupId: string, userId: string, member: boolean): Promise<boolean> {
    return withAudit(
      this.dataSource,
      (ok) =>
        ok
          ? {
              actorId,
              action: member ? 'add-member' : 'remove-member',
              entityType: 'group',
              entityId: groupId,
              details: { userId },
            }
          : null,
      async (m) => {
        const [exists] = await m.query(
          `SELECT EXISTS (SELECT 1 FROM groups WHERE id = $1) AND EXISTS (SELECT 1 FROM users WHERE id = $2) AS ok`,
          [groupId, userId],
        );
        if (!exists.ok) return false;
        if (member) await m.query(`INSERT INTO user_groups VALUES ($2, $1) ON CONFLICT DO NOTHING`, [groupId, userId]);
        else await m.query(`DELETE FROM user_groups WHERE group_id = $1 AND user_id = $2`, [groupId, userId]);
        return true;
      },
    );
  }

  private async insert(m: EntityManager, p: PersonFields): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO users (email, display_name, roles, home_building_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [p.email, p.displayName, p.roles, p.homeBuildingId],
    );
    await this.replaceGroups(m, row.id, p.groupIds);
    return row.id;
  }

  private async patch(m: EntityManager, id: string, p: Partial<PersonFields>): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (p.email !== undefined) set('email', p.email);
    if (p.displayName !== undefined) set('display_name', p.displayName);
    if (p.roles !== undefined) set('roles', p.roles);
    if (p.homeBuildingId !== undefined) set('home_building_id', p.homeBuildingId);
    const [, count] = await m.query(
      `UPDATE users SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
    if (!Number(count)) return false;
    if (p.groupIds !== undefined) await this.replaceGroups(m, id, p.groupIds);
    return true;
  }

  private async replaceGroups(m: EntityManager, userId: string, groupIds: string[]): Promise<void> {
    await m.query(`DELETE FROM user_groups WHERE user_id = $1 AND NOT (group_id = ANY ($2::uuid[]))`, [
      userId,
      groupIds,
    ]);
    if (groupIds.length) {
      await m.query(
        `INSERT INTO user_groups (user_id, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [userId, groupIds],
      );
    }
  }

  private async unknown(table: 'groups' | 'buildings', ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = x.id)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}
