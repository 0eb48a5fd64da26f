import { filterToSql, groupPatch, ScimError, userFromResource, userPatch } from './scim-resources';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const COLUMNS = {
  userName: { sql: 'u.email', type: 'ci-text' as const },
  'emails.value': { sql: 'u.email', type: 'ci-text' as const },
  externalId: { sql: 'u.external_id', type: 'text' as const },
  displayName: { sql: 'u.display_name', type: 'text' as const },
  active: { sql: 'u.active', type: 'boolean' as const },
};
const scimError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ScimError ? [e.status, e.scimType] : e;
  }
  return 'no error';
};

describe('SCIM users', () => {
  it('reads what Entra ID creates: UPN as userName, a work e-mail, the name parts, active as a string', () => {
    expect(
      userFromResource({
        schemas: [
          'urn:ietf:params:scim:schemas:core:2.0:User',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        ],
        externalId: '6c2e-entra-object-id',
        userName: 'Erika.Mustermann@musterstadt.onmicrosoft.com',
        active: 'True',
        emails: [{ primary: true, type: 'work', value: 'Erika.Mustermann@Musterstadt.de' }],
        name: { givenName: 'Erika', familyName: 'Mustermann' },
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Bürgerservice' },
      }),
    ).toEqual({
      email: 'erika.mustermann@musterstadt.de',
      displayName: 'Erika Mustermann',
      active: true,
      externalId: '6c2e-entra-object-id',
    });
  });

  it('falls back to userName for the address and name, and refuses what is not one', () => {
    expect(userFromResource({ userName: 'max@example.org' })).toEqual({
      email: 'max@example.org',
      displayName: 'max@example.org',
      active: true,
      externalId: null,
    });
    expect(scimError(() => userFromResource({ userName: 'max' }))).toEqual([400, 'invalidValue']);
    expect(scimError(() => userFromResource({ emails: [] }))).toEqual([400, 'invalidValue']);
    expect(scimError(() => userFromResource({ userName: 'x@y.de', active: 'maybe' }))).toEqual([400, 'invalidValue']);
    expect(scimError(() => userFromResource([]))).toEqual([400, 'invalidSyntax']);
  });

  it('applies the PATCH shapes Entra ID and Okta send', () => {
    // Entra ID: one operation per attribute, capitalised op names, booleans as strings.
    expect(
      userPatch({
        schemas: [PATCH],
        Operations: [
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'neu@example.org' },
          { op: 'Replace', path: 'displayName', value: 'Erika Neu' },
          { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', value: 'x' },
        ],
      }),
    ).toEqual({ active: false, email: 'neu@example.org', displayName: 'Erika Neu' });
    // Okta: a replace without path, with an object.
    expect(
      userPatch({
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: { active: true, userName: 'Max@Example.org' } }],
      }),
    ).toEqual({
      active: true,
      email: 'max@example.org',
    });
    expect(userPatch({ Operations: [{ op: 'remove', path: 'externalId' }] })).toEqual({ externalId: null });
    expect(scimError(() => userPatch({ Operations: [{ op: 'replace', path: 'active', value: 'nope' }] }))).toEqual([
      400,
      'invalidValue',
    ]);
    expect(scimError(() => userPatch({ Operations: [{ op: 'move', path: 'active', value: true }] }))).toEqual([
      400,
      'invalidSyntax',
    ]);
    expect(scimError(() => userPatch({}))).toEqual([400, 'invalidSyntax']);
  });
});

describe('SCIM groups', () => {
  it('adds and removes members in the shapes Entra ID sends, and renames', () => {
    expect(
      groupPatch({
        schemas: [PATCH],
        Operations: [
          { op: 'Add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
          { op: 'Remove', path: 'members[value eq "u3"]' },
          { op: 'Remove', path: 'members', value: [{ value: 'u4' }] },
          { op: 'Replace', path: 'displayName', value: 'Team Nord' },
        ],
      }),
    ).toEqual({ add: ['u1', 'u2'], remove: ['u3', 'u4'], displayName: 'Team Nord' });
    expect(groupPatch({ Operations: [{ op: 'replace', value: { members: [{ value: 'u9' }] } }] })).toEqual({
      add: [],
      remove: [],
      replace: ['u9'],
    });
    expect(groupPatch({ Operations: [{ op: 'remove', path: 'members' }] })).toEqual({
      add: [],
      remove: [],
      replace: [],
    });
    expect(
      scimError(() => groupPatch({ Operations: [{ op: 'add', path: 'members', value: [{ display: 'x' }] }] })),
    ).toEqual([400, 'invalidValue']);
  });
});

describe('SCIM filters', () => {
  it('turns the filters clients send into SQL with parameters', () => {
    expect(filterToSql('userName eq "Erika@Example.org"', COLUMNS, 1)).toEqual({
      sql: '(lower(u.email) = $1)',
      params: ['erika@example.org'],
    });
    expect(filterToSql('externalId eq "abc" and active eq "True"', COLUMNS, 3)).toEqual({
      sql: '((u.external_id = $3) AND (u.active = $4))',
      params: ['abc', true],
    });
    expect(filterToSql('emails[type eq "work" and value co "50%"]', COLUMNS, 1)).toEqual({
      sql: '(lower(u.email) LIKE $1)',
      params: ['%50\\%%'],
    });
    expect(filterToSql('not (displayName sw "A") or externalId pr', COLUMNS, 1)).toEqual({
      sql: '(NOT ((u.display_name LIKE $1)) OR (u.external_id IS NOT NULL))',
      params: ['A%'],
    });
  });

  it('refuses unknown attributes, operators and broken filters instead of widening the lookup', () => {
    expect(scimError(() => filterToSql('title eq "x"', COLUMNS, 1))).toEqual([400, 'invalidFilter']);
    expect(scimError(() => filterToSql('displayName gt "x"', COLUMNS, 1))).toEqual([400, 'invalidFilter']);
    expect(scimError(() => filterToSql('userName eq', COLUMNS, 1))).toEqual([400, 'invalidFilter']);
    expect(scimError(() => filterToSql('active co "t"', COLUMNS, 1))).toEqual([400, 'invalidFilter']);
  });
});
