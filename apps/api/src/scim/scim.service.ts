import { Inject, Injectable } from '@nestjs/common';
import { SCIM_PREFIX } from '@flexdesk/shared-contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  filterToSql,
  groupFromResource,
  groupPatch,
  SCIM,
  ScimError,
  type FilterColumns,
  userFromResource,
  userPatch,
} from './scim-resources';
import { type ScimGroupRow, ScimRepository, type ScimUserRow } from './scim.repository';

export interface ListQuery {
  filter?: string;
  startIndex?: number;
  count?: number;
  excludedAttributes?: string;
}
type Json = Record<string, unknown>;

const USER_COLUMNS: FilterColumns = {
  id: { sql: 'u.id::text', type: 'text' },
  userName: { sql: 'u.email', type: 'ci-text' },
  'emails.value': { sql: 'u.email', type: 'ci-text' },
  emails: { sql: 'u.email', type: 'ci-text' },
  externalId: { sql: 'u.external_id', type: 'text' },
  displayName: { sql: 'u.display_name', type: 'text' },
  active: { sql: 'u.active', type: 'boolean' },
};
const GROUP_COLUMNS: FilterColumns = {
  id: { sql: 'g.id::text', type: 'text' },
  displayName: { sql: 'g.name', type: 'text' },
  externalId: { sql: 'g.external_id', type: 'text' },
};
/** The most resources one list answer holds (ServiceProviderConfig says so). */
export const MAX_RESULTS = 200;

/**
 * SCIM 2.0 (RFC 7643/7644) for Entra ID, Okta and Keycloak: people and groups as they provision
 * them. SCIM groups are Flexdesk groups; `active: false` and DELETE offboard the person.
 */
@Injectable()
export class ScimService {
  constructor(
    private readonly scim: ScimRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listUsers(q: ListQuery): Promise<Json> {
    const where = q.filter ? filterToSql(q.filter, USER_COLUMNS, 1) : { sql: '', params: [] };
    const { offset, count } = paging(q);
    const page = await this.scim.users(where.sql, where.params, offset, count);
    return this.list(
      page.total,
      offset,
      page.rows.map((u) => this.user(u)),
    );
  }

  async getUser(id: string): Promise<Json> {
    return this.user(await this.findUser(id));
  }

  async createUser(body: unknown): Promise<Json> {
    const id = await this.scim.createUser(userFromResource(body), this.clock.now());
    if (id === 'taken')
      throw new ScimError(409, 'uniqueness', 'a person with this userName exists; look them up by filter');
    return this.getUser(id);
  }

  async replaceUser(id: string, body: unknown): Promise<Json> {
    known(id, 'User');
    this.outcome(await this.scim.updateUser(id, userFromResource(body), this.clock.now()), 'User');
    return this.getUser(id);
  }

  async patchUser(id: string, body: unknown): Promise<Json> {
    known(id, 'User');
    this.outcome(await this.scim.updateUser(id, userPatch(body), this.clock.now()), 'User');
    return this.getUser(id);
  }

  async deleteUser(id: string): Promise<void> {
    known(id, 'User');
    if (!(await this.scim.deleteUser(id, this.clock.now()))) throw new ScimError(404, null, `User ${id} not found`);
  }

  async listGroups(q: ListQuery): Promise<Json> {
    const where = q.filter ? filterToSql(q.filter, GROUP_COLUMNS, 1) : { sql: '', params: [] };
    const { offset, count } = paging(q);
    const withMembers = !/\bmembers\b/i.test(q.excludedAttributes ?? '');
    const page = await this.scim.groups(where.sql, where.params, offset, count, withMembers);
    return this.list(
      page.total,
      offset,
      page.rows.map((g) => this.group(g)),
    );
  }

  async getGroup(id: string): Promise<Json> {
    known(id, 'Group');
    const group = await this.scim.group(id);
    if (!group) throw new ScimError(404, null, `Group ${id} not found`);
    return this.group(group);
  }

  async createGroup(body: unknown): Promise<Json> {
    const { name, externalId, members } = groupFromResource(body);
    const id = await this.scim.createGroup(name, externalId, members);
    if (id === 'taken') throw new ScimError(409, 'uniqueness', 'a group with this displayName exists');
    return this.getGroup(id);
  }

  async replaceGroup(id: string, body: unknown): Promise<Json> {
    known(id, 'Group');
    const { name, externalId, members } = groupFromResource(body);
    this.outcome(await this.scim.updateGroup(id, { name, externalId, add: [], remove: [], replace: members }), 'Group');
    return this.getGroup(id);
  }

  async patchGroup(id: string, body: unknown): Promise<Json> {
    known(id, 'Group');
    const change = groupPatch(body);
    this.outcome(
      await this.scim.updateGroup(id, {
        name: change.displayName,
        add: change.add,
        remove: change.remove,
        replace: change.replace,
      }),
      'Group',
    );
    return this.getGroup(id);
  }

  async deleteGroup(id: string): Promise<void> {
    known(id, 'Group');
    if (!(await this.scim.deleteGroup(id))) throw new ScimError(404, null, `Group ${id} not found`);
  }

  private async findUser(id: string): Promise<ScimUserRow> {
    known(id, 'User');
    const user = await this.scim.user(id);
    if (!user) throw new ScimError(404, null, `User ${id} not found`);
    return user;
  }

  private outcome(outcome: 'ok' | 'not-found' | 'taken', kind: 'User' | 'Group'): void {
    if (outcome === 'not-found') throw new ScimError(404, null, `${kind} not found`);
    if (outcome === 'taken')
      throw new ScimError(
        409,
        'uniqueness',
        kind === 'User' ? 'userName already used by another person' : 'displayName already used by another group',
      );
  }

  private location(kind: 'Users' | 'Groups', id: string): string {
    return `${this.config.publicUrl}/${SCIM_PREFIX}/${kind}/${id}`;
  }

  private user(u: ScimUserRow): Json {
    return {
      schemas: [SCIM.user],
      id: u.id,
      externalId: u.externalId ?? undefined,
      userName: u.email,
      displayName: u.displayName,
      name: { formatted: u.displayName },
      emails: [{ value: u.email, type: 'work', primary: true }],
      active: u.active,
      groups: u.groups.map((g) => ({ value: g.id, display: g.name, $ref: this.location('Groups', g.id) })),
      meta: {
        resourceType: 'User',
        created: u.createdAt.toISOString(),
        lastModified: u.updatedAt.toISOString(),
        location: this.location('Users', u.id),
      },
    };
  }

  private group(g: ScimGroupRow): Json {
    return {
      schemas: [SCIM.group],
      id: g.id,
      externalId: g.externalId ?? undefined,
      displayName: g.name,
      ...(g.members
        ? {
            members: g.members.map((m) => ({
              value: m.id,
              display: m.displayName,
              $ref: this.location('Users', m.id),
            })),
          }
        : {}),
      meta: {
        resourceType: 'Group',
        created: g.createdAt.toISOString(),
        lastModified: g.createdAt.toISOString(),
        location: this.location('Groups', g.id),
      },
    };
  }

  private list(total: number, offset: number, resources: Json[]): Json {
    return {
      schemas: [SCIM.list],
      totalResults: total,
      startIndex: offset + 1,
      itemsPerPage: resources.length,
      Resources: resources,
    };
  }
}

/** `startIndex` is 1-based; a `count` of 0 asks only for the total. */
function paging(q: ListQuery): { offset: number; count: number } {
  return { offset: Math.max(1, q.startIndex ?? 1) - 1, count: Math.min(MAX_RESULTS, Math.max(0, q.count ?? 100)) };
}

/** Ids are UUIDs; anything else names no resource (and must not reach the database as a cast error). */
function known(id: string, kind: 'User' | 'Group'): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new ScimError(404, null, `${kind} ${id} not found`);
}
