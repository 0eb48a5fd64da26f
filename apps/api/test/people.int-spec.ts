import { randomUUID } from 'node:crypto';
import type {
  Booking,
  BuildingSummary,
  CalendarFeed,
  CreatedPerson,
  DeactivationResult,
  Floor,
  FloorAvailability,
  GroupAdminView,
  PasswordLink,
  PasswordTokenInfo,
  PeopleImportResult,
  PeoplePage,
  PersonAdminView,
  ProblemDetails,
} from '@flexdesk/shared-contracts';
import { legacyScryptHash } from '../src/auth/password';
import { PeopleService } from '../src/people/people.service';
import { Api, loggedIn, type Res } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin.
const NOW = '2026-12-07T07:00:00Z';
const tokenOf = (link: PasswordLink) => link.url.split('#token=')[1];

describe('people administration, passwords and offboarding', () => {
  let t: TestApp;
  let admin: Api;
  let employee: Api;
  let ground: Floor;

  const uploadCsv = async (csv: string, dryRun: boolean): Promise<Res<PeopleImportResult>> => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
    const res = await fetch(`${t.url}/api/admin/people/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  const invite = async (
    name = 'Neue Kollegin',
    email = `neu-${randomUUID().slice(0, 8)}@example.com`,
    roles = ['employee'],
  ) => {
    const res = await admin.post<CreatedPerson>('/api/admin/people', { email, displayName: name, roles });
    expect(res.status).toBe(201);
    return res.body;
  };
  const setPassword = (link: PasswordLink, password: string) =>
    new Api(t.url).post('/api/auth/set-password', { token: tokenOf(link), password });
  const freeDesk = async (api: Api, date: string) => {
    const avail = (await api.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=${date}`)).body;
    const free = avail.spaces.filter((s) => s.state === 'free').map((s) => s.spaceId);
    return ground.spaces.find(
      (s) => s.kind === 'desk' && !s.restrictedToGroupIds.length && free.includes(s.id),
    ) as Floor['spaces'][number];
  };

  beforeAll(async () => {
    t = await startTestApp(NOW);
    admin = await loggedIn(t.url, 'admin@example.com');
    employee = await loggedIn(t.url, 'employee@example.com');
    const rathaus = (await admin.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    ground = (await admin.get<Floor>(`/api/floors/${rathaus?.floors.find((f) => f.level === 0)?.id}`)).body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  it('invites a person, who chooses a password through the link, signs in and books', async () => {
    const { person, setPassword: link } = await invite('Zoë Ünal');
    expect(person).toMatchObject({ displayName: 'Zoë Ünal', roles: ['employee'], active: true, hasPassword: false });
    expect(link.url).toMatch(/^http:\/\/localhost:\d+\/set-password#token=[\w-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const info = await new Api(t.url).post<PasswordTokenInfo>('/api/auth/password-link', { token: tokenOf(link) });
    expect(info.body).toMatchObject({ email: person.email, displayName: 'Zoë Ünal', purpose: 'invite' });
    expect((await setPassword(link, 'short')).status).toBe(400);
    expect((await setPassword(link, 'a long enough secret')).status).toBe(204);
    // A link works once.
    const again = await setPassword(link, 'another long secret');
    expect([again.status, again.body.code]).toEqual([404, 'PASSWORD_LINK_INVALID']);

    const zoe = new Api(t.url);
    const login = await zoe.login(person.email, 'a long enough secret');
    expect(login.user.displayName).toBe('Zoë Ünal');
    const desk = await freeDesk(zoe, '2026-12-08');
    expect(
      (await zoe.post<Booking>('/api/bookings', { spaceId: desk.id, date: '2026-12-08', slot: 'day' })).status,
    ).toBe(201);
    expect((await admin.get<PersonAdminView>(`/api/admin/people/${person.id}`)).body.hasPassword).toBe(true);
  });

  it('resets a password with a new link, voiding the old one and every session', async () => {
    const { person, setPassword: first } = await invite();
    const reset = await admin.post<PasswordLink>(`/api/admin/people/${person.id}/password-reset`);
    expect(reset.status).toBe(200);
    expect((await setPassword(first, 'the first long secret')).status).toBe(404);
    expect((await setPassword(reset.body, 'the second long secret')).status).toBe(204);
    const session = new Api(t.url);
    await session.login(person.email, 'the second long secret');

    const again = await admin.post<PasswordLink>(`/api/admin/people/${person.id}/password-reset`);
    expect(
      (await new Api(t.url).post<PasswordTokenInfo>('/api/auth/password-link', { token: tokenOf(again.body) })).body
        .purpose,
    ).toBe('reset');
    expect((await setPassword(again.body, 'the third long secret')).status).toBe(204);
    expect((await session.get('/api/me')).status).toBe(401);
  });

  it('lets people change their own password, ending their other sessions only', async () => {
    const { person, setPassword: link } = await invite();
    await setPassword(link, 'my first long secret');
    const phone = new Api(t.url);
    const laptop = new Api(t.url);
    await phone.login(person.email, 'my first long secret');
    await laptop.login(person.email, 'my first long secret');
    const wrong = await laptop.post<ProblemDetails>('/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'my second long secret',
    });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'CURRENT_PASSWORD_WRONG']);
    expect(
      (
        await laptop.post('/api/me/password', {
          currentPassword: 'my first long secret',
          newPassword: 'my second long secret',
        })
      ).status,
    ).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    await expect(new Api(t.url).login(person.email, 'my first long secret')).rejects.toThrow(/401/);
    await new Api(t.url).login(person.email, 'my second long secret');
  });

  it('upgrades an old scrypt hash to argon2id at the next sign-in', async () => {
    const { person } = await invite();
    await t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      person.id,
      await legacyScryptHash('an old long secret'),
    ]);
    await new Api(t.url).login(person.email, 'an old long secret');
    const [row] = await t.dataSource.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [person.id]);
    expect(row.hash).toMatch(/^\$argon2id\$/);
    await new Api(t.url).login(person.email, 'an old long secret');
  });

  it('offboards: sessions end at once, the feed stops, future bookings are cancelled, past ones stay', async () => {
    const { person, setPassword: link } = await invite('Leaving Person');
    await setPassword(link, 'a leaving long secret');
    const leaver = new Api(t.url);
    await leaver.login(person.email, 'a leaving long secret');
    const today = await leaver.post<Booking>('/api/bookings', {
      spaceId: (await freeDesk(leaver, '2026-12-07')).id,
      date: '2026-12-07',
      slot: 'day',
    });
    const later = await leaver.post<Booking>('/api/bookings', {
      spaceId: (await freeDesk(leaver, '2026-12-09')).id,
      date: '2026-12-09',
      slot: 'day',
    });
    expect([today.status, later.status]).toEqual([201, 201]);
    const feed = (await leaver.post<CalendarFeed>('/api/me/calendar-feed')).body;
    // The day goes on; the booking of the morning has ended by the evening.
    t.clock.set('2026-12-07T19:00:00Z');

    const self = await admin.post<ProblemDetails>(
      `/api/admin/people/${(await admin.get('/api/me')).body.id}/deactivate`,
    );
    expect([self.status, self.body.code]).toEqual([422, 'CANNOT_DEACTIVATE_SELF']);
    const result = await admin.post<DeactivationResult>(`/api/admin/people/${person.id}/deactivate`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ cancelledBookings: 1, endedSessions: 1, person: { active: false } });
    expect(result.body.person.deactivatedAt).not.toBeNull();

    expect((await leaver.get('/api/me')).status).toBe(401);
    await expect(new Api(t.url).login(person.email, 'a leaving long secret')).rejects.toThrow(/401/);
    const feedUrl = feed.url.replace(/^http:\/\/[^/]+/, t.url);
    expect((await fetch(feedUrl)).status).toBe(404);
    const [past] = await t.dataSource.query(`SELECT status, booker_id AS "bookerId" FROM bookings WHERE id = $1`, [
      today.body.id,
    ]);
    const [future] = await t.dataSource.query(`SELECT status, sequence FROM bookings WHERE id = $1`, [later.body.id]);
    expect(past).toEqual({ status: 'confirmed', bookerId: person.id });
    expect(future).toEqual({ status: 'cancelled', sequence: later.body.sequence + 1 });
    // No new link either, until the person is back.
    expect((await admin.post<ProblemDetails>(`/api/admin/people/${person.id}/password-reset`)).body.code).toBe(
      'PERSON_INACTIVE',
    );

    const back = await admin.post<PersonAdminView>(`/api/admin/people/${person.id}/reactivate`);
    expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
    await new Api(t.url).login(person.email, 'a leaving long secret');
    const [stillCancelled] = await t.dataSource.query(`SELECT status FROM bookings WHERE id = $1`, [later.body.id]);
    expect(stillCancelled.status).toBe('cancelled');
    // The old feed secret was revoked, not merely paused: coming back needs a new subscription.
    expect((await fetch(feedUrl)).status).toBe(404);
  });

  it('keeps at least one active admin', async () => {
    const me = (await admin.get('/api/me')).body;
    const demote = await admin.patch<ProblemDetails>(`/api/admin/people/${me.id}`, { roles: ['employee'] });
    expect([demote.status, demote.body.code]).toEqual([409, 'LAST_ADMIN']);
    const second = await invite('Second Admin', undefined, ['admin']);
    expect(
      (
        await admin.patch<PersonAdminView>(`/api/admin/people/${second.person.id}`, {
          roles: ['employee', 'facility_manager'],
        })
      ).body.roles,
    ).toEqual(['employee', 'facility_manager']);
  });

  it('edits people and refuses taken addresses and unknown groups with their paths', async () => {
    const { person } = await invite();
    const groups = (await admin.get<GroupAdminView[]>('/api/admin/groups')).body;
    const it = groups.find((g) => g.name === 'IT') as GroupAdminView;
    const edited = await admin.patch<PersonAdminView>(`/api/admin/people/${person.id}`, {
      displayName: '  Renamed Person ',
      roles: ['receptionist'],
      groupIds: [it.id],
    });
    expect(edited.body).toMatchObject({ displayName: 'Renamed Person', roles: ['receptionist'], groupIds: [it.id] });
    const taken = await admin.patch<ProblemDetails>(`/api/admin/people/${person.id}`, {
      email: 'EMPLOYEE@example.com',
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'EMAIL_TAKEN']);
    const unknown = await admin.patch<ProblemDetails>(`/api/admin/people/${person.id}`, {
      groupIds: [it.id, randomUUID()],
    });
    expect([unknown.status, unknown.body.errors?.[0].path]).toEqual([400, 'groupIds[1]']);
    expect(
      (
        await admin.post<ProblemDetails>('/api/admin/people', {
          email: 'employee@example.com',
          displayName: 'x',
          roles: ['employee'],
        })
      ).body.code,
    ).toBe('EMAIL_TAKEN');
    expect(
      (await admin.post('/api/admin/people', { email: 'x@example.com', displayName: 'x', roles: [] })).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/admin/people', { email: 'x@example.com', displayName: 'x', roles: ['boss'] })).status,
    ).toBe(400);
    expect((await admin.get<PersonAdminView>(`/api/admin/people/${person.id}`)).body.displayName).toBe(
      'Renamed Person',
    );
  });

  it('searches without regard to accents and pages in name order', async () => {
    const found = await admin.get<PeoplePage>('/api/admin/people?query=mueller');
    expect(found.body.items.map((p) => p.displayName)).toContain('Max Müller');
    expect((await admin.get<PeoplePage>('/api/admin/people?query=MÜL')).body.items.map((p) => p.displayName)).toContain(
      'Max Müller',
    );
    expect(
      (await admin.get<PeoplePage>('/api/admin/people?role=facility_manager')).body.items.every((p) =>
        p.roles.includes('facility_manager'),
      ),
    ).toBe(true);

    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: Res<PeoplePage> = await admin.get<PeoplePage>(
        `/api/admin/people?limit=7${after ? `&after=${after}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      all.push(...page.body.items.map((p) => p.id));
      after = page.body.next;
    } while (after);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(all.length).toBe(n);
    expect(new Set(all).size).toBe(n);
    expect((await admin.get('/api/admin/people?after=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await employee.get('/api/admin/people')).status).toBe(403);
  });

  it('imports a CSV: a dry run lists every row and writes nothing; the real run writes the valid ones', async () => {
    const csv = [
      'email;name;groups;roles',
      'max.mueller@example.com;Max Müller;Bauamt|Neue Gruppe;employee',
      'employee2@example.com;Max Müller;Bauamt;employee',
      'broken;;;boss',
      'neu.import@example.com;Neu Import;Neue Gruppe;employee|receptionist',
    ].join('\r\n');
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n;
    const dry = await uploadCsv(`\uFEFF${csv}`, true);
    expect(dry.status).toBe(200);
    expect(dry.body.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'create'],
      [3, 'unchanged'],
      [4, 'invalid'],
      [5, 'create'],
    ]);
    expect(dry.body.rows[2].errors.map((e) => e.path)).toEqual(['email', 'name', 'roles']);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n).toBe(before);

    const real = await uploadCsv(csv, false);
    expect(real.body).toMatchObject({ dryRun: false, created: 2, unchanged: 1, invalid: 1 });
    expect(real.body.invitations.map((i) => i.email).sort()).toEqual([
      'max.mueller@example.com',
      'neu.import@example.com',
    ]);
    const imported = (await admin.get<PeoplePage>('/api/admin/people?query=neu.import')).body.items[0];
    const groups = (await admin.get<GroupAdminView[]>('/api/admin/groups')).body;
    expect(imported.roles.sort()).toEqual(['employee', 'receptionist']);
    expect(imported.groupIds).toEqual([groups.find((g) => g.name === 'Neue Gruppe')?.id]);

    // Importing the same file again changes nothing; unreadable files are refused whole.
    expect((await uploadCsv(csv, false)).body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(((await uploadCsv('no;header\n', true)).body as unknown as ProblemDetails).code).toBe('IMPORT_UNREADABLE');

    const exported = await fetch(`${t.url}/api/admin/people/export.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const text = await exported.text();
    expect(text.split('\r\n')[0]).toBe('email;name;groups;roles;status');
    expect(text).toContain('neu.import@example.com;Neu Import;Neue Gruppe;employee|receptionist;active');
  });

  it('manages groups and their members; a deleted group no longer restricts a zone', async () => {
    const created = await admin.post<GroupAdminView>('/api/admin/groups', { name: 'Projekt Rathaus 2030' });
    expect(created.body).toMatchObject({ name: 'Projekt Rathaus 2030', memberCount: 0 });
    expect((await admin.post<ProblemDetails>('/api/admin/groups', { name: 'IT' })).body.code).toBe('GROUP_NAME_TAKEN');
    const me = (await employee.get('/api/me')).body;
    expect(
      (await admin.request<GroupAdminView>('PUT', `/api/admin/groups/${created.body.id}/members/${me.id}`)).body
        .memberCount,
    ).toBe(1);
    expect((await employee.get('/api/me')).body.groupIds).toContain(created.body.id);
    expect(
      (await admin.request<GroupAdminView>('PUT', `/api/admin/groups/${created.body.id}`, { name: 'Projekt 2030' }))
        .body.name,
    ).toBe('Projekt 2030');
    expect(
      (await admin.delete<GroupAdminView>(`/api/admin/groups/${created.body.id}/members/${me.id}`)).body.memberCount,
    ).toBe(0);

    const it = (await admin.get<GroupAdminView[]>('/api/admin/groups')).body.find(
      (g) => g.name === 'IT',
    ) as GroupAdminView;
    const restricted = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM zones WHERE $1::uuid = ANY (restricted_group_ids)`, [
        it.id,
      ])
    )[0].n;
    expect(restricted).toBeGreaterThan(0);
    expect((await admin.delete(`/api/admin/groups/${it.id}`)).status).toBe(204);
    expect(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM zones WHERE $1::uuid = ANY (restricted_group_ids)`, [
          it.id,
        ])
      )[0].n,
    ).toBe(0);
    expect((await admin.delete<ProblemDetails>(`/api/admin/groups/${it.id}`)).body.code).toBe('GROUP_NOT_FOUND');
  });

  it('makes the first admin of a server install from the command line, or promotes an existing person', async () => {
    const people = t.created.app.get(PeopleService);
    const fresh = await people.ensureAdmin('it-leitung@musterstadt.de', 'IT-Leitung');
    expect(fresh.person).toMatchObject({ roles: ['admin'], active: true, hasPassword: false });
    expect((await setPassword(fresh.setPassword, 'the admin long secret')).status).toBe(204);
    const first = new Api(t.url);
    await first.login('it-leitung@musterstadt.de', 'the admin long secret');
    expect((await first.get('/api/admin/people')).status).toBe(200);

    const promoted = await people.ensureAdmin('employee2@example.com', 'ignored');
    expect(promoted.person.roles).toEqual(['employee', 'admin']);
    expect(promoted.person.displayName).toBe('Max Müller');
    expect(
      (
        await new Api(t.url).post<PasswordTokenInfo>('/api/auth/password-link', {
          token: tokenOf(promoted.setPassword),
        })
      ).body.purpose,
    ).toBe('reset');
  });
});
