import { SCIM_ERROR_SCHEMA } from '../common/scim-error';
import { parse } from 'scim2-parse-filter';

/** SCIM 2.0 schema URNs (RFC 7643/7644). */
export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: SCIM_ERROR_SCHEMA,
} as const;

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType:
      'invalidValue' | 'invalidFilter' | 'invalidSyntax' | 'uniqueness' | 'noTarget' | 'mutability' | null,
    detail: string,
  ) {
    super(detail);
  }
}

/** What Flexdesk keeps of a SCIM user. */
export interface UserFields {
  email?: string;
  displayName?: string;
  externalId?: string | null;
  active?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (v: unknown, attribute: string, max = 320): string => {
  if (typeof v !== 'string' || !v.trim() || v.length > max)
    throw new ScimError(400, 'invalidValue', `${attribute} must be a non-empty string`);
  return v.trim();
};
/** Entra ID sends booleans as strings ("False"); Okta as booleans. */
export function scimBoolean(v: unknown, attribute: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  throw new ScimError(400, 'invalidValue', `${attribute} must be true or false`);
}
function email(v: unknown, attribute: string): string {
  const value = text(v, attribute).toLowerCase();
  if (!EMAIL.test(value)) throw new ScimError(400, 'invalidValue', `${attribute} must be an e-mail address`);
  return value;
}
/** The work (or primary, or first) address of `emails`. */
function primaryEmail(emails: unknown): unknown {
  if (!Array.isArray(emails) || !emails.length) return undefined;
  const list = emails.filter(isObject);
  return (list.find((e) => e['primary'] === true || e['primary'] === 'True') ??
    list.find((e) => e['type'] === 'work') ??
    list[0])?.['value'];
}
function nameOf(resource: Json): string | undefined {
  if (typeof resource['displayName'] === 'string' && resource['displayName'].trim())
    return text(resource['displayName'], 'displayName', 200);
  const name = isObject(resource['name']) ? resource['name'] : {};
  if (typeof name['formatted'] === 'string' && name['formatted'].trim())
    return text(name['formatted'], 'name.formatted', 200);
  const composed = [name['givenName'], name['familyName']].filter((p) => typeof p === 'string' && p.trim()).join(' ');
  return composed ? composed.slice(0, 200) : undefined;
}

/**
 * A full user resource (POST, PUT): `userName` is the sign-in name, which for Entra ID and Okta is
 * the e-mail-shaped UPN; a work e-mail, where given, is the address. Attributes Flexdesk does not
 * keep are ignored (RFC 7643 §2: "unknown attributes").
 */
export function userFromResource(
  resource: unknown,
): Required<Pick<UserFields, 'email' | 'displayName' | 'active'>> & { externalId: string | null } {
  if (!isObject(resource)) throw new ScimError(400, 'invalidSyntax', 'the body must be a User resource');
  const userName = text(resource['userName'], 'userName');
  const address = primaryEmail(resource['emails']);
  const mail = address !== undefined ? email(address, 'emails.value') : email(userName, 'userName');
  return {
    email: mail,
    displayName: nameOf(resource) ?? userName,
    active: resource['active'] === undefined ? true : scimBoolean(resource['active'], 'active'),
    externalId:
      resource['externalId'] === undefined || resource['externalId'] === null
        ? null
        : text(resource['externalId'], 'externalId', 256),
  };
}

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string | null;
  value: unknown;
}

function operations(body: unknown): PatchOperation[] {
  if (!isObject(body) || !Array.isArray(body['Operations']))
    throw new ScimError(400, 'invalidSyntax', 'the body must be a PatchOp with Operations');
  return body['Operations'].map((raw, i) => {
    if (!isObject(raw) || typeof raw['op'] !== 'string')
      throw new ScimError(400, 'invalidSyntax', `Operations[${i}] needs an op`);
    const op = raw['op'].toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new ScimError(400, 'invalidSyntax', `Operations[${i}].op must be add, replace or remove`);
    const path = typeof raw['path'] === 'string' && raw['path'].trim() ? raw['path'].trim() : null;
    return { op, path, value: raw['value'] };
  });
}

/**
 * A user PATCH, in the shapes Entra ID and Okta send: `replace` with a `path` (`active`,
 * `userName`, `displayName`, `emails[type eq "work"].value`, `externalId`, `name.formatted`) or
 * without one (an object of attributes). Returns only the fields that change.
 */
export function userPatch(body: unknown): UserFields {
  const fields: UserFields = {};
  const set = (attribute: string, value: unknown) => {
    const key = attribute.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase();
    if (key === 'active') fields.active = scimBoolean(value, 'active');
    else if (key === 'username') fields.email ??= email(value, 'userName');
    else if (key === 'displayname') fields.displayName = text(value, 'displayName', 200);
    else if (key === 'name.formatted') fields.displayName ??= text(value, 'name.formatted', 200);
    else if (key === 'externalid') fields.externalId = value === null ? null : text(value, 'externalId', 256);
    else if (/^emails(\[.*\])?(\.value)?$/.test(key)) {
      const address = Array.isArray(value) ? primaryEmail(value) : value;
      if (address !== undefined) fields.email = email(address, 'emails.value');
    } else if (key === 'name' && isObject(value)) {
      const name = nameOf({ name: value });
      if (name) fields.displayName ??= name;
    }
    // Anything else (enterprise extension, phone numbers, …) is not kept, so not changed.
  };
  for (const op of operations(body)) {
    if (op.op === 'remove') {
      if (op.path?.toLowerCase() === 'externalid') fields.externalId = null;
      continue;
    }
    if (op.path) set(op.path, op.value);
    else if (isObject(op.value)) for (const [k, v] of Object.entries(op.value)) set(k, v);
    else throw new ScimError(400, 'invalidValue', 'an operation without a path needs an object value');
  }
  return fields;
}

/** `members` (or one member) as user ids. */
function members(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    const id = isObject(m) ? m['value'] : m;
    if (typeof id !== 'string' || !id)
      throw new ScimError(400, 'invalidValue', `members[${i}].value must be a user id`);
    return id;
  });
}

/** A full group resource (POST, PUT). */
export function groupFromResource(body: unknown): { name: string; externalId: string | null; members: string[] } {
  if (!isObject(body)) throw new ScimError(400, 'invalidSyntax', 'the body must be a Group resource');
  return {
    name: text(body['displayName'], 'displayName', 100),
    externalId:
      body['externalId'] === undefined || body['externalId'] === null
        ? null
        : text(body['externalId'], 'externalId', 256),
    members: body['members'] === undefined ? [] : members(body['members']),
  };
}

/** A group PATCH: rename, and members added, removed or replaced (by user id). */
export function groupPatch(body: unknown): {
  displayName?: string;
  add: string[];
  remove: string[];
  replace?: string[];
} {
  const result: { displayName?: string; add: string[]; remove: string[]; replace?: string[] } = { add: [], remove: [] };
  for (const op of operations(body)) {
    const path = op.path?.toLowerCase() ?? null;
    const filtered = op.path ? /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(op.path) : null;
    if (filtered && op.op === 'remove') result.remove.push(filtered[1]);
    else if (path === 'members') {
      if (op.op === 'add') result.add.push(...members(op.value));
      else if (op.op === 'remove') {
        if (op.value === undefined) result.replace = [];
        else result.remove.push(...members(op.value));
      } else result.replace = members(op.value);
    } else if (path === 'displayname') result.displayName = text(op.value, 'displayName', 100);
    else if (path === null && isObject(op.value)) {
      if (op.value['displayName'] !== undefined) result.displayName = text(op.value['displayName'], 'displayName', 100);
      if (op.value['members'] !== undefined) {
        if (op.op === 'add') result.add.push(...members(op.value['members']));
        else result.replace = members(op.value['members']);
      }
    }
  }
  return result;
}

/** The SCIM attributes a filter may name, and the SQL they stand for. */
export type FilterColumns = Record<string, { sql: string; type: 'text' | 'boolean' | 'ci-text' }>;
interface FilterNode {
  op: string;
  attrPath?: string;
  compValue?: unknown;
  filters?: FilterNode[];
  filter?: FilterNode;
  valFilter?: FilterNode;
}

/**
 * A SCIM filter (`userName eq "x" and active eq true`) as a SQL condition with numbered
 * parameters. Attributes outside `columns` are refused with invalidFilter rather than ignored:
 * ignoring one would widen a lookup (Entra's "does this person exist?") to everyone.
 */
export function filterToSql(
  filter: string,
  columns: FilterColumns,
  firstParam: number,
): { sql: string; params: unknown[] } {
  let tree: FilterNode;
  try {
    tree = parse(filter) as FilterNode;
  } catch {
    throw new ScimError(400, 'invalidFilter', 'the filter cannot be parsed');
  }
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${firstParam + params.length - 1}`;
  };
  const column = (path: string | undefined) => {
    const key = (path ?? '').replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '').toLowerCase();
    const c = Object.entries(columns).find(([name]) => name.toLowerCase() === key)?.[1];
    if (!c) throw new ScimError(400, 'invalidFilter', `filtering by ${path} is not supported`);
    return c;
  };
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const walk = (n: FilterNode, prefix = ''): string => {
    switch (n.op) {
      case 'and':
      case 'or':
        return `(${(n.filters ?? []).map((f) => walk(f, prefix)).join(` ${n.op.toUpperCase()} `)})`;
      case 'not':
        return `NOT (${walk(n.filter as FilterNode, prefix)})`;
      case '[]':
        // emails[type eq "work" and value co "x"]: the type is the one Flexdesk keeps; value is the address.
        return walk(stripTypes(n.valFilter as FilterNode), `${n.attrPath}.`);
      case 'pr': {
        const c = column(prefix + n.attrPath);
        return `(${c.sql} IS NOT NULL)`;
      }
      case 'eq':
      case 'ne':
      case 'co':
      case 'sw':
      case 'ew': {
        const c = column(prefix + n.attrPath);
        if (c.type === 'boolean') {
          if (n.op !== 'eq' && n.op !== 'ne')
            throw new ScimError(400, 'invalidFilter', `${n.op} does not apply to ${n.attrPath}`);
          const value = scimBoolean(n.compValue, n.attrPath ?? '');
          return `(${c.sql} ${n.op === 'eq' ? '=' : '<>'} ${param(value)})`;
        }
        if (typeof n.compValue !== 'string')
          throw new ScimError(400, 'invalidFilter', `${n.attrPath} compares with a string`);
        const lhs = c.type === 'ci-text' ? `lower(${c.sql})` : c.sql;
        const value = c.type === 'ci-text' ? n.compValue.toLowerCase() : n.compValue;
        if (n.op === 'eq') return `(${lhs} = ${param(value)})`;
        if (n.op === 'ne') return `(${lhs} IS DISTINCT FROM ${param(value)})`;
        const pattern =
          n.op === 'co' ? `%${escape(value)}%` : n.op === 'sw' ? `${escape(value)}%` : `%${escape(value)}`;
        return `(${lhs} LIKE ${param(pattern)})`;
      }
      default:
        throw new ScimError(400, 'invalidFilter', `the operator ${n.op} is not supported`);
    }
  };
  return { sql: walk(tree), params };
}

/** `type eq "work"` inside an e-mail filter: every address Flexdesk keeps is the work one. */
function stripTypes(n: FilterNode): FilterNode {
  if ((n.op === 'and' || n.op === 'or') && n.filters) {
    const rest = n.filters.filter((f) => !(f.op === 'eq' && f.attrPath?.toLowerCase() === 'type'));
    return rest.length === 1 ? stripTypes(rest[0]) : { ...n, filters: rest.map(stripTypes) };
  }
  return n;
}
