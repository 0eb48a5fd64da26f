import { identityFromClaims, rolesFromGroups, safeReturnTo } from './oidc-claims';

describe('sign-in claims', () => {
  it('reads a Keycloak token: nested roles, group paths, e-mail in lower case', () => {
    const identity = identityFromClaims(
      'https://kc.example/realms/town',
      {
        sub: 'f:1',
        email: 'Erika@Example.ORG',
        given_name: 'Erika',
        family_name: 'Mustermann',
        groups: ['/fm-team', '/IT'],
        realm_access: { roles: ['x'] },
      },
      'groups',
    );
    expect(identity).toEqual({
      issuer: 'https://kc.example/realms/town',
      subject: 'f:1',
      email: 'erika@example.org',
      displayName: 'Erika Mustermann',
      groups: ['fm-team', 'IT'],
    });
    expect(
      identityFromClaims('i', { sub: 's', realm_access: { roles: ['admins'] } }, 'realm_access.roles')?.groups,
    ).toEqual(['admins']);
  });

  it('falls back from name to e-mail to subject, and drops what is not an e-mail', () => {
    expect(identityFromClaims('i', { sub: 's', preferred_username: 'ERIKA@x.org' }, 'groups')).toMatchObject({
      email: 'erika@x.org',
      displayName: 'erika@x.org',
    });
    expect(identityFromClaims('i', { sub: 's', preferred_username: 'erika' }, 'groups')).toMatchObject({
      email: null,
      displayName: 's',
    });
    expect(identityFromClaims('i', { email: 'x@y.z' }, 'groups')).toBeNull();
    expect(identityFromClaims('i', { sub: 's', groups: 'single' }, 'groups')?.groups).toEqual(['single']);
  });

  it('grants roles by group, employee always', () => {
    const map = { facility_manager: ['fm-team'], receptionist: ['front-desk', 'empfang'], admin: ['flexdesk-admins'] };
    expect(rolesFromGroups([], map)).toEqual(['employee']);
    expect(rolesFromGroups(['empfang', 'fm-team', 'other'], map)).toEqual([
      'employee',
      'facility_manager',
      'receptionist',
    ]);
  });

  it('returns only to own paths', () => {
    expect(safeReturnTo('/editor?floor=1')).toBe('/editor?floor=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'editor', '', undefined, '/a b'])
      expect(safeReturnTo(bad)).toBe('/');
  });
});
