import { Injectable } from '@nestjs/common';
import type {
  CreatedPerson,
  CreatePersonRequest,
  DeactivationResult,
  GroupAdminView,
  Locale,
  PasswordLink,
  PeopleImportResult,
  PeoplePage,
  PeopleQuery,
  PersonAdminView,
  UpdatePersonRequest,
} from '@flexdesk/shared-contracts';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { invalid, validationError } from '../common/validation';
import { foldForSearch } from '../users/users.repository';
import { parsePeopleCsv, peopleCsv } from './people-csv';
import { PeopleRepository } from './people.repository';

const NO_ONE = '00000000-0000-0000-0000-000000000000';
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Opaque keyset cursor: the last name (lower case) and id of a page. */
export function encodeCursor(last: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url');
}
export function decodeCursor(cursor: string): { name: string; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const ok = Array.isArray(value) && typeof value[0] === 'string' && /^[0-9a-f-]{36}$/.test(value[1]);
    return ok ? { name: value[0], id: value[1] } : null;
  } catch {
    return null;
  }
}

/**
 * People and groups as administrators keep them: invite, edit, offboard and bring back people,
 * import and export them as CSV. Every change is audited (in the repository's transactions).
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async list(q: PeopleQuery): Promise<PeoplePage> {
    const after = q.after ? decodeCursor(q.after) : undefined;
    if (after === null) throw validationError('after', 'after must be a cursor from a previous page');
    const text = q.query?.trim();
    const page = await this.people.list({
      pattern: text ? `%${escapeLike(foldForSearch(text))}%` : undefined,
      role: q.role,
      groupId: q.groupId,
      status: q.status,
      after,
      limit: q.limit ?? 50,
    });
    return { items: page.items, next: page.last ? encodeCursor(page.last) : null };
  }

  async get(id: string): Promise<PersonAdminView> {
    const person = await this.people.find(id);
    if (!person) throw new DomainError('USER_NOT_FOUND');
    return person;
  }

  /** Creates a local account and an invitation: a one-time link to choose a password. */
  async create(actor: AuthUser, input: CreatePersonRequest): Promise<CreatedPerson> {
    await this.checkReferences(input.groupIds ?? [], input.homeBuildingId ?? null);
    const created = await this.people.create(actor.id, {
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      groupIds: input.groupIds ?? [],
      homeBuildingId: input.homeBuildingId ?? null,
    });
    if (created === 'email-taken') throw new DomainError('EMAIL_TAKEN');
    return {
      person: await this.get(created.id),
      setPassword: await this.auth.passwordLink(actor.id, created.id, 'invite'),
    };
  }

  async update(actor: AuthUser, id: string, patch: UpdatePersonRequest): Promise<PersonAdminView> {
    const before = await this.get(id);
    if (patch.roles && before.active && before.roles.includes('admin') && !patch.roles.includes('admin')) {
      await this.keepAnAdmin(id);
    }
    await this.checkReferences(patch.groupIds ?? [], patch.homeBuildingId ?? null);
    const outcome = await this.people.update(actor.id, id, patch);
    if (outcome === 'email-taken') throw new DomainError('EMAIL_TAKEN');
    if (outcome === 'not-found') throw new DomainError('USER_NOT_FOUND');
    return this.get(id);
  }

  /** A new one-time link; earlier links stop working, the current password keeps working until used. */
  async resetPassword(actor: AuthUser, id: string): Promise<PasswordLink> {
    const person = await this.get(id);
    if (!person.active) throw new DomainError('PERSON_INACTIVE');
    return this.auth.passwordLink(actor.id, id, 'reset');
  }

  async deactivate(actor: AuthUser, id: string): Promise<DeactivationResult> {
    if (id === actor.id) throw new DomainError('CANNOT_DEACTIVATE_SELF');
    const person = await this.get(id);
    if (person.active && person.roles.includes('admin')) await this.keepAnAdmin(id);
    const result = await this.people.deactivate(actor.id, id, this.clock.now());
    return {
      person: await this.get(id),
      cancelledBookings: result?.cancelledBookings ?? 0,
      endedSessions: result?.endedSessions ?? 0,
    };
  }

  async reactivate(actor: AuthUser, id: string): Promise<PersonAdminView> {
    await this.get(id);
    await this.people.reactivate(actor.id, id);
    return this.get(id);
  }

  /**
   * A CSV import: every row's outcome first (create, update, unchanged, invalid); with `dryRun`
   * nothing is written. Otherwise the valid rows are written in one transaction — missing groups
   * are created — and everyone created gets an invitation link.
   */
  async import(actor: AuthUser, text: string, dryRun: boolean): Promise<PeopleImportResult> {
    const rows = parsePeopleCsv(text);
    if (!rows) throw new DomainError('IMPORT_UNREADABLE');
    const existing = new Map(
      (await this.people.findByEmails(rows.map((r) => r.email))).map((p) => [p.email.toLowerCase(), p]),
    );
    const groups = await this.people.groups();
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const planned: {
      row: (typeof rows)[number];
      person: PersonAdminView | undefined;
      outcome: 'create' | 'update' | 'unchanged' | 'invalid';
    }[] = rows.map((r) => {
      const person = existing.get(r.email.toLowerCase());
      if (r.errors.length) return { row: r, person, outcome: 'invalid' as const };
      if (!person) return { row: r, person, outcome: 'create' as const };
      const same =
        person.displayName === r.displayName &&
        [...person.roles].sort().join() === [...r.roles].sort().join() &&
        person.groupIds
          .map((id) => groupName.get(id))
          .sort()
          .join('\n') === [...r.groupNames].sort().join('\n');
      return { row: r, person, outcome: same ? ('unchanged' as const) : ('update' as const) };
    });
    // An import may not take the admin role from the last active admins.
    const demoting = planned.filter(
      (p) =>
        p.outcome === 'update' &&
        p.person?.active &&
        p.person.roles.includes('admin') &&
        !p.row.roles.includes('admin'),
    );
    if (demoting.length) {
      const promoted = planned.filter(
        (p) => p.outcome !== 'invalid' && p.row.roles.includes('admin') && !p.person?.roles.includes('admin'),
      ).length;
      if ((await this.people.otherActiveAdmins(NO_ONE)) - demoting.length + promoted <= 0) {
        for (const p of demoting) {
          p.row.errors.push({ path: 'roles', message: 'would leave no active administrator' });
          p.outcome = 'invalid';
        }
      }
    }
    const count = (o: string) => planned.filter((p) => p.outcome === o).length;
    const result: PeopleImportResult = {
      dryRun,
      rows: planned.map((p) => ({ line: p.row.line, email: p.row.email, outcome: p.outcome, errors: p.row.errors })),
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      invalid: count('invalid'),
      invitations: [],
    };
    const writes = planned.filter((p) => p.outcome === 'create' || p.outcome === 'update');
    if (dryRun || !writes.length) return result;
    const created = await this.people.applyImport(
      actor.id,
      writes.map((p) => ({ ...p.row, existingId: p.person?.id ?? null })),
    );
    for (const [email, id] of created) {
      result.invitations.push({ email, setPassword: await this.auth.passwordLink(actor.id, id, 'invite') });
    }
    return result;
  }

  async exportCsv(locale: Locale): Promise<string> {
    const names = new Map((await this.people.groups()).map((g) => [g.id, g.name]));
    return peopleCsv(await this.people.all(), (id) => names.get(id) ?? id, locale);
  }

  groups(): Promise<GroupAdminView[]> {
    return this.people.groups();
  }

  async createGroup(actor: AuthUser, name: string): Promise<GroupAdminView> {
    const id = await this.people.createGroup(actor.id, name);
    if (id === 'name-taken') throw new DomainError('GROUP_NAME_TAKEN');
    return this.group(id);
  }

  async renameGroup(actor: AuthUser, id: string, name: string): Promise<GroupAdminView> {
    const outcome = await this.people.renameGroup(actor.id, id, name);
    if (outcome === 'name-taken') throw new DomainError('GROUP_NAME_TAKEN');
    if (outcome === 'not-found') throw new DomainError('GROUP_NOT_FOUND');
    return this.group(id);
  }

  async deleteGroup(actor: AuthUser, id: string): Promise<void> {
    if (!(await this.people.deleteGroup(actor.id, id))) throw new DomainError('GROUP_NOT_FOUND');
  }

  async setMembership(actor: AuthUser, groupId: string, userId: string, member: boolean): Promise<GroupAdminView> {
    if (!(await this.people.setMembership(actor.id, groupId, userId, member))) {
      throw new DomainError((await this.people.group(groupId)) ? 'USER_NOT_FOUND' : 'GROUP_NOT_FOUND');
    }
    return this.group(groupId);
  }

  /**
   * The first admin of a server install (`npm run create-admin`): creates the person or gives an
   * existing one the admin role (and sign-in back), and returns a one-time set-password link.
   */
  async ensureAdmin(
    email: string,
    displayName: string,
  ): Promise<{ person: PersonAdminView; setPassword: PasswordLink }> {
    let person = (await this.people.findByEmails([email]))[0];
    if (!person) {
      const created = await this.people.create(null, {
        email,
        displayName,
        roles: ['admin'],
        groupIds: [],
        homeBuildingId: null,
      });
      if (created === 'email-taken') throw new DomainError('EMAIL_TAKEN');
      person = await this.get(created.id);
    } else {
      if (!person.roles.includes('admin'))
        await this.people.update(null, person.id, { roles: [...person.roles, 'admin'] });
      if (!person.active) await this.people.reactivate(null, person.id);
      person = await this.get(person.id);
    }
    return {
      person,
      setPassword: await this.auth.passwordLink(null, person.id, person.hasPassword ? 'reset' : 'invite'),
    };
  }

  private async group(id: string): Promise<GroupAdminView> {
    const group = await this.people.group(id);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    return group;
  }

  private async keepAnAdmin(exceptId: string): Promise<void> {
    if ((await this.people.otherActiveAdmins(exceptId)) === 0) throw new DomainError('LAST_ADMIN');
  }

  private async checkReferences(groupIds: string[], homeBuildingId: string | null): Promise<void> {
    const unknownGroups = new Set(await this.people.unknownGroups(groupIds));
    const errors = groupIds.flatMap((id, i) =>
      unknownGroups.has(id) ? [{ path: `groupIds[${i}]`, message: 'no such group' }] : [],
    );
    if (homeBuildingId && (await this.people.unknownBuildings([homeBuildingId])).length) {
      errors.push({ path: 'homeBuildingId', message: 'no such building' });
    }
    if (errors.length) throw invalid(errors);
  }
}
