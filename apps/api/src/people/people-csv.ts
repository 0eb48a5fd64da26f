import { ROLES, type FieldError, type Locale, type PersonAdminView, type Role } from '@flexdesk/shared-contracts';
import { parseCsv, toCsv } from '../common/csv';

export interface PeopleCsvRow {
  line: number;
  email: string;
  displayName: string;
  groupNames: string[];
  roles: Role[];
  errors: FieldError[];
}

/** Header names accepted for each column, in English and German. */
const COLUMNS = {
  email: ['email', 'e-mail', 'mail'],
  name: ['name', 'displayname', 'display name'],
  groups: ['groups', 'gruppen'],
  roles: ['roles', 'rollen'],
} as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 200;

/**
 * Reads an import file: `email;name;groups;roles` (or with `,`; the header decides, in any order,
 * English or German names; BOM and quoted cells allowed). Groups and roles within a cell are
 * separated by `|` (or `,` in a `;` file). Every row comes back with its own errors, so a dry run
 * can show them all; null when the file is not CSV with at least the email and name columns.
 */
export function parsePeopleCsv(text: string): PeopleCsvRow[] | null {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const table = parseCsv(text, separator);
  if (!table?.length) return null;
  const header = table[0].cells.map((h) => h.trim().toLowerCase());
  const index = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const col = {
    email: index(COLUMNS.email),
    name: index(COLUMNS.name),
    groups: index(COLUMNS.groups),
    roles: index(COLUMNS.roles),
  };
  if (col.email < 0 || col.name < 0) return null;
  const list = (cell: string | undefined) =>
    (cell ?? '')
      .split(separator === ';' ? /[|,]/ : /\|/)
      .map((x) => x.trim())
      .filter(Boolean);

  const seen = new Map<string, number>();
  return table.slice(1).map(({ line, cells }) => {
    const errors: FieldError[] = [];
    const email = (cells[col.email] ?? '').trim();
    const displayName = (cells[col.name] ?? '').trim();
    const groupNames = [...new Set(list(col.groups >= 0 ? cells[col.groups] : undefined))];
    const roleNames = list(col.roles >= 0 ? cells[col.roles] : undefined).map((r) => r.toLowerCase());
    if (!EMAIL.test(email) || email.length > 320) errors.push({ path: 'email', message: 'not an e-mail address' });
    else if (seen.has(email.toLowerCase()))
      errors.push({ path: 'email', message: `already in line ${seen.get(email.toLowerCase())}` });
    else seen.set(email.toLowerCase(), line);
    if (!displayName || displayName.length > MAX_NAME)
      errors.push({ path: 'name', message: `1 to ${MAX_NAME} characters` });
    const unknownRoles = roleNames.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknownRoles.length)
      errors.push({ path: 'roles', message: `unknown role(s): ${unknownRoles.join(', ')}; use ${ROLES.join(', ')}` });
    if (groupNames.some((g) => g.length > 100))
      errors.push({ path: 'groups', message: 'group names have at most 100 characters' });
    const roles = roleNames.length ? ([...new Set(roleNames)] as Role[]) : (['employee'] as Role[]);
    return { line, email, displayName, groupNames, roles, errors };
  });
}

/** The same columns as the import, so an export can be edited and imported again. */
export function peopleCsv(people: PersonAdminView[], groupName: (id: string) => string, locale: Locale): string {
  return toCsv(
    [
      ['email', 'name', 'groups', 'roles', 'status'],
      ...people.map((p) => [
        p.email,
        p.displayName,
        p.groupIds.map(groupName).sort().join('|'),
        p.roles.join('|'),
        p.active ? 'active' : 'inactive',
      ]),
    ],
    locale === 'de' ? ';' : ',',
  );
}
