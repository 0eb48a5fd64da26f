import type { PersonAdminView } from '@flexdesk/shared-contracts';
import { parsePeopleCsv, peopleCsv } from './people-csv';

describe('people CSV', () => {
  it('reads a German Excel file: BOM, semicolons, quoted names, lists in a cell', () => {
    const rows = parsePeopleCsv(
      '\uFEFFE-Mail;Name;Gruppen;Rollen\r\nerika@example.com;"Mustermann; Erika";Bürgerservice|IT;employee,receptionist\r\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        email: 'erika@example.com',
        displayName: 'Mustermann; Erika',
        groupNames: ['Bürgerservice', 'IT'],
        roles: ['employee', 'receptionist'],
        errors: [],
      },
    ]);
  });

  it('reads comma files with columns in any order, and defaults the role', () => {
    const rows = parsePeopleCsv('name,email,groups\nMax Müller,max@example.com,Bauamt|IT\n');
    expect(rows?.[0]).toMatchObject({
      email: 'max@example.com',
      displayName: 'Max Müller',
      groupNames: ['Bauamt', 'IT'],
      roles: ['employee'],
    });
  });

  it('reports every problem of every row, and duplicates by line', () => {
    const rows =
      parsePeopleCsv('email;name;roles\nnot-an-email;;boss\na@example.com;A;admin\nA@example.com;A again;\n') ?? [];
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.path)])).toEqual([
      [2, ['email', 'name', 'roles']],
      [3, []],
      [4, ['email']],
    ]);
    expect(rows[2].errors[0].message).toBe('already in line 3');
  });

  it('refuses files without email and name columns, or that are not CSV', () => {
    expect(parsePeopleCsv('mail;roles\nx@example.com;admin')).toBeNull();
    expect(parsePeopleCsv('')).toBeNull();
    expect(parsePeopleCsv('email;name\n"unclosed;x')).toBeNull();
  });

  it('writes what it reads', () => {
    const person = {
      email: 'erika@example.com',
      displayName: 'Erika Mustermann',
      groupIds: ['g2', 'g1'],
      roles: ['employee', 'admin'],
      active: true,
    } as PersonAdminView;
    const names: Record<string, string> = { g1: 'IT', g2: 'Bürgerservice' };
    const csv = peopleCsv([person], (id) => names[id], 'de');
    expect(csv).toBe(
      '\uFEFFemail;name;groups;roles;status\r\nerika@example.com;Erika Mustermann;Bürgerservice|IT;employee|admin;active\r\n',
    );
    expect(parsePeopleCsv(csv)?.[0]).toMatchObject({
      email: person.email,
      groupNames: ['Bürgerservice', 'IT'],
      roles: ['employee', 'admin'],
      errors: [],
    });
  });
});
