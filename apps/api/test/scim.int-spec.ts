/* eslint-disable @typescript-eslint/no-explicit-any -- SCIM resources are read as plain JSON */
import { randomUUID } from 'node:crypto';
import type { Booking, BuildingSummary, Floor, FloorAvailability } from '@flexdesk/shared-contracts';
import { Api, loggedIn, type Res } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = '2026-12-07T07:00:00Z';
const TOKEN = 'scim-test-token-0123456789-abcdefghijklmnopqrstuvwxyz';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * Provisioning as Microsoft Entra ID does it: look a person up by userName, create, patch
 * attributes and `active` (as a string), manage group membership, delete. The requests below
 * are shaped after Entra's documented SCIM traffic.
 */
describe('SCIM provisioning', () => {
  let t: TestApp;
  let entra: Api;
  const scim = <T = any>(method: string, path: string, body?: unknown, api = entra): Promise<Res<T>> =>
    api.request<T>(
      method,
      `/scim/v2${path}`,
      body,
      body === undefined ? {} : { 'content-type': 'application/scim+json' },
    );

  beforeAll(async () => {
    t = await startTestApp(NOW, { SCIM_TOKEN: TOKEN, LOGIN_RATE_LIMIT_FAILURES: '5' });
    entra = new Api(t.url);
    entra.token = TOKEN;
  });
  afterAll(() => t?.close());

  it('describes itself and answers as application/scim+json', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toContain('application/scim+json');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    });
    expect((await scim('GET', '/ResourceTypes')).body.Resources.map((r: any) => r.id)).toEqual(['User', 'Group']);
    expect((await scim('GET', '/Schemas')).body.totalResults).toBe(2);
  });

  it('refuses a wrong token with 401 in SCIM form, and locks out guessing', async () => {
    const guesser = new Api(t.url);
    guesser.token = 'wrong-token';
    const res = await scim('GET', '/Users', undefined, guesser);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    // A person's session is no SCIM token either.
    const admin = await loggedIn(t.url, 'admin@example.com');
    expect((await scim('GET', '/Users', undefined, admin)).status).toBe(401);
    for (let i = 0; i < 5; i++) await scim('GET', '/Users', undefined, guesser);
    expect((await scim('GET', '/Users', undefined, guesser)).status).toBe(429);
  });

  it('finds people who existed before provisioning by userName, and refuses to create them twice', async () => {
    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Employee@Example.com"')}`);
    expect(found.body).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(found.body.Resources[0]).toMatchObject({
      userName: 'employee@example.com',
      displayName: 'Erika Mustermann',
      active: true,
    });
    const twice = await scim('POST', '/Users', { schemas: [USER], userName: 'employee@example.com', active: true });
    expect(twice.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const none = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('creates, patches and deactivates a person as Entra ID does; the person is offboarded at once', async () => {
    const created = await scim('POST', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'entra-object-1',
      userName: 'jana.neu@musterstadt.onmicrosoft.com',
      active: true,
      displayName: 'Jana Neu',
      emails: [{ primary: true, type: 'work', value: 'Jana.Neu@musterstadt.de' }],
      name: { formatted: 'Jana Neu', familyName: 'Neu', givenName: 'Jana' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '42', department: 'Bauamt' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      externalId: 'entra-object-1',
      userName: 'jana.neu@musterstadt.de',
      active: true,
    });
    expect(created.body.meta.location).toMatch(new RegExp(`/scim/v2/Users/${created.body.id}$`));
    const id = created.body.id as string;
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "entra-object-1"')}`)).body.totalResults,
    ).toBe(1);

    // The person signs in (an invitation link from the admin) and books a desk for tomorrow.
    const admin = await loggedIn(t.url, 'admin@example.com');
    const link = (await admin.post(`/api/admin/people/${id}/password-reset`)).body.url as string;
    await new Api(t.url).post('/api/auth/set-password', {
      token: link.split('#token=')[1],
      password: 'a long enough secret',
    });
    const jana = await loggedIn(t.url, 'jana.neu@musterstadt.de').catch(() => null);
    expect(jana).toBeNull(); // the demo password is not hers…
    const session = new Api(t.url);
    await session.login('jana.neu@musterstadt.de', 'a long enough secret');
    const rathaus = (await session.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    ) as BuildingSummary;
    const floor = (await session.get<Floor>(`/api/floors/${rathaus.floors.find((f) => f.level === 0)?.id}`)).body;
    const avail = (await session.get<FloorAvailability>(`/api/floors/${floor.id}/availability?date=2026-12-08`)).body;
    const desk = floor.spaces.find(
      (s) =>
        s.kind === 'desk' &&
        !s.restrictedToGroupIds.length &&
        avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    const booking = await session.post<Booking>('/api/bookings', {
      spaceId: desk?.id,
      date: '2026-12-08',
      slot: 'day',
    });
    expect(booking.status).toBe(201);

    const renamed = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Jana Neu-Berg' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'jana.neu-berg@musterstadt.de' },
        { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', value: 'someone' },
      ],
    });
    expect(renamed.body).toMatchObject({ displayName: 'Jana Neu-Berg', userName: 'jana.neu-berg@musterstadt.de' });

    const off = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.body.active).toBe(false);
    // Her token is refused at once; her future booking is cancelled (its invite follows as a cancellation).
    expect((await session.get('/api/me')).status).toBe(401);
    const [row] = await t.dataSource.query(`SELECT status FROM bookings WHERE id = $1`, [booking.body.id]);
    expect(row.status).toBe('cancelled');
    await expect(new Api(t.url).login('jana.neu-berg@musterstadt.de', 'a long enough secret')).rejects.toThrow(/401/);

    const on = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.body.active).toBe(true);
    await new Api(t.url).login('jana.neu-berg@musterstadt.de', 'a long enough secret');
  });

  it('refuses malformed values with invalidValue and ignores attributes it does not keep', async () => {
    const bad = await scim('POST', '/Users', { schemas: [USER], userName: 'not-an-address' });
    expect(bad.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    const badActive = await scim('POST', '/Users', { schemas: [USER], userName: 'x@example.org', active: 'sometimes' });
    expect(badActive.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    const ok = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'ignored.attrs@example.org',
      nickName: 'Nick',
      phoneNumbers: [{ value: '1' }],
      x509: 'what',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.nickName).toBeUndefined();
    expect((await scim('GET', `/Users?filter=${encodeURIComponent('title eq "x"')}`)).body).toMatchObject({
      status: '400',
      scimType: 'invalidFilter',
    });
    expect((await scim('GET', `/Users/not-a-uuid`)).status).toBe(404);
    expect((await scim('GET', `/Users/${randomUUID()}`)).body).toMatchObject({ status: '404' });
    // A route that does not exist under /scim answers in SCIM's form too (found by the fuzz suite).
    const noRoute = await scim('DELETE', '/Groups/');
    expect([noRoute.status, noRoute.headers.get('content-type'), noRoute.body.schemas]).toEqual([
      404,
      'application/scim+json; charset=utf-8',
      ['urn:ietf:params:scim:api:messages:2.0:Error'],
    ]);
    const notJson = await entra.request('POST', '/scim/v2/Users', '{"userName":', {
      'content-type': 'application/scim+json',
    });
    expect(notJson.status).toBe(400);
  });

  it('manages groups and membership as Entra ID sends it; SCIM groups are Flexdesk groups', async () => {
    const people = (await scim('GET', '/Users?count=3')).body.Resources.map((r: any) => r.id as string);
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Team Entra',
      externalId: 'g-1',
      members: [],
    });
    expect(group.status).toBe(201);
    const id = group.body.id as string;
    await scim('PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: people.map((value: string) => ({ value })) }],
    });
    await scim('PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: `members[value eq "${people[0]}"]` }],
    });
    const read = await scim('GET', `/Groups/${id}`);
    expect(read.body.members.map((m: any) => m.value).sort()).toEqual(people.slice(1).sort());
    expect(
      (
        await scim(
          'GET',
          `/Groups?filter=${encodeURIComponent('displayName eq "Team Entra"')}&excludedAttributes=members`,
        )
      ).body.Resources[0],
    ).not.toHaveProperty('members');
    const admin = await loggedIn(t.url, 'admin@example.com');
    const groups = (await admin.get('/api/admin/groups')).body as { id: string; name: string; memberCount: number }[];
    expect(groups.find((g) => g.id === id)).toMatchObject({ name: 'Team Entra', memberCount: people.length - 1 });
    expect(
      (
        await scim('PATCH', `/Groups/${id}`, {
          schemas: [PATCH],
          Operations: [{ op: 'Replace', path: 'displayName', value: 'IT' }],
        })
      ).body.scimType,
    ).toBe('uniqueness');
    expect((await scim('DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${id}`)).status).toBe(404);
  });

  it('keeps a deleted person for statistics but hides them, and brings them back on re-provisioning', async () => {
    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'leaver@example.org',
      displayName: 'Lea Ver',
    });
    const id = created.body.id as string;
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${id}`)).status).toBe(404);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "leaver@example.org"')}`)).body.totalResults,
    ).toBe(0);
    const [kept] = await t.dataSource.query(`SELECT active FROM users WHERE id = $1`, [id]);
    expect(kept.active).toBe(false);
    const again = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'leaver@example.org',
      displayName: 'Lea Ver',
    });
    expect([again.status, again.body.id, again.body.active]).toEqual([201, id, true]);
  });

  it('pages lists with startIndex and count', async () => {
    const all = (await scim('GET', '/Users?count=0')).body;
    expect(all).toMatchObject({ Resources: [], itemsPerPage: 0 });
    const first = (await scim('GET', '/Users?startIndex=1&count=2')).body;
    const second = (await scim('GET', '/Users?startIndex=3&count=2')).body;
    expect([first.itemsPerPage, second.startIndex, first.totalResults]).toEqual([2, 3, all.totalResults]);
    expect(first.Resources.map((r: any) => r.id)).not.toContain(second.Resources[0].id);
  });
});
