import type {
  Booking,
  BuildingSummary,
  CalendarFeed,
  CreatedPerson,
  Floor,
  PersonalDataExport,
  PrivacySheet,
  ProblemDetails,
  SeriesResult,
  WaitlistEntry,
} from '@flexdesk/shared-contracts';
import { JobsService } from '../src/jobs/jobs.service';
import { PERSON_REFERENCES, USER_COLUMNS } from '../src/privacy/data-export.coverage';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07, 08:00 in Berlin; the Rathaus is open Monday to Friday.
const NOW = '2026-12-07T07:00:00Z';
const PASSWORD = 'portabel-und-sicher-2026';

/**
 * A person's export of everything stored about them (GDPR Art. 15/20): one person with a row in
 * every table that refers to people, the export holding each, and nothing of anyone else's nor any
 * hash or secret in the file. A guard keeps the export complete as migrations add tables.
 */
describe('personal data export', () => {
  let t: TestApp;
  let admin: Api;
  let facility: Api;
  let reception: Api;
  let other: Api;
  let me: Api;
  let meId: string;
  let otherId: string;
  let followedId: string;
  let rathaus: BuildingSummary;
  let ground: Floor;
  let desks: (Floor['spaces'][number] & { floorName: string })[];
  let feed: CalendarFeed;
  let raw: string;
  let file: PersonalDataExport;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await t.dataSource.query(sql, params))[0] as T;
  const book = async (who: Api, spaceId: string, date: string, slot: string, bookerId?: string) => {
    const res = await who.post<Booking>('/api/bookings', { spaceId, date, slot, ...(bookerId ? { bookerId } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp(NOW, { LOGIN_RATE_LIMIT_PER_IP: '1000' });
    admin = await loggedIn(t.url, 'admin@example.com');
    facility = await loggedIn(t.url, 'facility@example.com');
    reception = await loggedIn(t.url, 'reception@example.com');
    other = await loggedIn(t.url, 'employee2@example.com');
    otherId = (await other.get('/api/me')).body.id;
    rathaus = (await admin.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    ) as BuildingSummary;
    ground = (await admin.get<Floor>(`/api/floors/${rathaus.floors.find((f) => f.level === 0)?.id}`)).body;
    const busy: { id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT space_id AS id FROM bookings WHERE local_date BETWEEN '2026-12-07' AND '2026-12-21'`,
    );
    const floors = await Promise.all(
      rathaus.floors.map(async (f) => (await admin.get<Floor>(`/api/floors/${f.id}`)).body),
    );
    desks = floors.flatMap((f) =>
      f.spaces
        .filter(
          (s) => s.kind === 'desk' && s.bookable && !s.restrictedToGroupIds.length && !busy.some((b) => b.id === s.id),
        )
        .map((s) => ({ ...s, floorName: f.name })),
    );
    expect(desks.length).toBeGreaterThanOrEqual(8);

    // Invited by an admin (a set-password link, its mail, an audit entry about them), in a group.
    const [group] = (await admin.get<{ id: string; name: string }[]>('/api/groups')).body;
    const invited = await admin.post<CreatedPerson>('/api/admin/people', {
      email: 'petra.portabel@example.com',
      displayName: 'Petra Portabel',
      roles: ['employee', 'receptionist'],
      groupIds: [group.id],
    });
    expect(invited.status).toBe(201);
    meId = invited.body.person.id;
    const token = invited.body.setPassword?.url.split('#token=')[1];
    expect((await new Api(t.url).post('/api/auth/set-password', { token, password: PASSWORD })).status).toBe(204);
    me = new Api(t.url);
    await me.login('petra.portabel@example.com', PASSWORD);
    await new Api(t.url).login('petra.portabel@example.com', PASSWORD); // a second session
    expect(
      (await admin.put(`/api/admin/receptionists/${meId}`, { allBuildings: false, buildingIds: [rathaus.id] })).status,
    ).toBe(200);
    await t.dataSource.query(
      `INSERT INTO identity_links (issuer, subject, user_id) VALUES ('https://idp.example', 'petra-0815', $1)`,
      [meId],
    );

    // Settings, a failed sign-in and a failed password change (counted against guessing).
    expect(
      (
        await me.patch('/api/me', {
          showNameToColleagues: true,
          homeBuildingId: rathaus.id,
          defaultFloorId: ground.id,
          locale: 'en',
        })
      ).status,
    ).toBe(200);
    expect((await me.put('/api/me/notification-preferences', { checkin_reminder: false })).status).toBe(200);
    feed = (await me.post<CalendarFeed>('/api/me/calendar-feed')).body;
    expect(
      (await new Api(t.url).post('/api/auth/login', { email: 'Petra.Portabel@example.com', password: 'wrong' })).status,
    ).toBe(401);
    expect(
      (await me.post('/api/me/password', { currentPassword: 'wrong', newPassword: 'something-else-long' })).status,
    ).toBe(422);

    // Bookings: own (checked in, cancelled), one the front desk made for her, one she made for a colleague, a series.
    const pm = await book(me, desks[0].id, '2026-12-07', 'pm');
    t.clock.set('2026-12-07T11:00:00Z');
    expect((await me.post(`/api/bookings/${pm.id}/check-in`)).status).toBe(200);
    t.clock.reset();
    const cancelled = await book(me, desks[1].id, '2026-12-08', 'day');
    expect((await me.delete(`/api/bookings/${cancelled.id}`)).status).toBe(204);
    await book(reception, desks[2].id, '2026-12-09', 'day', meId);
    await book(me, desks[3].id, '2026-12-10', 'day', otherId);
    const series = await me.post<SeriesResult>('/api/bookings/series', {
      spaceId: desks[4].id,
      slot: 'am',
      from: '2026-12-14',
      count: 2,
      weekdays: [1],
    });
    expect(series.status).toBe(201);

    // Working weeks: a favourite, following and followed, an absence, an assigned desk with a released day, a waiting list entry.
    expect((await me.put(`/api/me/favourites/${desks[5].id}`)).status).toBe(200);
    const [{ id: fid }] = await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, roles, show_name_to_colleagues)
       VALUES ('fiona.folgbar@example.com', 'Fiona Folgbar', 'x', '{employee}', true) RETURNING id`,
    );
    followedId = fid;
    expect((await me.put(`/api/me/following/${followedId}`)).status).toBe(200);
    await other.patch('/api/me', { showNameToColleagues: true });
    expect((await other.put(`/api/me/following/${meId}`)).status).toBe(200);
    expect((await me.post('/api/me/absences', { from: '2026-12-17', to: '2026-12-18' })).status).toBe(201);
    expect((await facility.put(`/api/spaces/${desks[6].id}/assignee`, { userId: meId })).status).toBe(200);
    expect((await me.put(`/api/me/assigned-desks/${desks[6].id}/releases/2026-12-11`)).status).toBe(200);
    await book(other, desks[7].id, '2026-12-11', 'day');
    const waiting = await me.post<WaitlistEntry>('/api/waitlist', {
      spaceId: desks[7].id,
      kind: 'desk',
      date: '2026-12-11',
      slot: 'day',
    });
    expect(waiting.status).toBe(201);

    // Administrative traces (what an admin or facility manager leaves), written directly.
    const upper = rathaus.floors.find((f) => f.level === 1)?.id;
    await t.dataSource.query(
      `UPDATE floors SET published_by = $1, published_at = now(), draft_updated_by = $1, draft_updated_at = now() WHERE id = $2`,
      [meId, upper],
    );
    await t.dataSource.query(
      `INSERT INTO floor_backgrounds (floor_id, content_type, bytes, sha256, byte_size, created_by)
       VALUES ($1, 'image/png', '\\x89504e47', repeat('a', 64), 4, $2)`,
      [upper, meId],
    );
    await t.dataSource.query(
      `INSERT INTO webhooks (url, event_types, secret, created_by) VALUES ('https://hooks.example/t0ps3cret', '{booking.created}', 'whsec_do-not-export', $1)`,
      [meId],
    );
    await t.dataSource.query(
      `INSERT INTO password_tokens (user_id, token_hash, purpose, expires_at, created_by) VALUES ($1, 'issued-token-hash-do-not-export', 'reset', now() + interval '1 day', $2)`,
      [otherId, meId],
    );

    const res = await me.get('/api/me/export?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="flexdesk-2026-12-07.json"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    raw = JSON.stringify(res.body);
    file = res.body;
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  it('is for signed-in people only', async () => {
    const anonymous = await new Api(t.url).get<ProblemDetails>('/api/me/export');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('the seeded person has a row behind every column that refers to people', async () => {
    const missing: string[] = [];
    for (const ref of Object.keys(PERSON_REFERENCES)) {
      const [table, column] = ref.split('.');
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [meId]);
      if (!n) missing.push(ref);
    }
    expect(missing).toEqual([]);
  });

  it('holds the account, its settings, groups, sign-in links and front-desk buildings', () => {
    expect(file).toMatchObject({
      format: 'flexdesk-personal-data',
      version: 1,
      generatedAt: '2026-12-07T07:00:00.000Z',
    });
    expect(file.person).toMatchObject({
      id: meId,
      email: 'petra.portabel@example.com',
      displayName: 'Petra Portabel',
      roles: ['employee', 'receptionist'],
      locale: 'en',
      showNameToColleagues: true,
      active: true,
      hasPassword: true,
      homeBuilding: { id: rathaus.id, name: rathaus.name },
      defaultFloor: { id: ground.id, name: ground.name, buildingName: rathaus.name },
      identityLinks: [{ issuer: 'https://idp.example', subject: 'petra-0815', createdAt: expect.any(String) }],
      calendarFeed: { active: true },
      reception: { allBuildings: false, buildings: [{ id: rathaus.id, name: rathaus.name }] },
    });
    expect(file.person.groups).toHaveLength(1);
    expect(file.person.notificationPreferences).toMatchObject({ checkin_reminder: false, booking_confirmed: true });
    expect(file.sessions).toHaveLength(2);
    expect(file.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(file.passwordLinks).toEqual([
      {
        purpose: 'invite',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        usedAt: expect.any(String),
        byYou: false,
      },
    ]);
    expect(file.signInCounters.map((c) => [c.kind, c.count]).sort()).toEqual([
      ['failed_password_change', 1],
      ['failed_sign_in', 1],
    ]);
  });

  it('holds bookings for her and by her, series, and working-week data', () => {
    const on = (date: string) => file.bookings.filter((b) => b.date === date);
    expect(on('2026-12-07')).toEqual([
      expect.objectContaining({
        slot: 'pm',
        status: 'checked_in',
        forYou: true,
        madeByYou: true,
        checkedInAt: expect.stringMatching(/\+01:00$/),
      }),
    ]);
    expect(on('2026-12-08')).toEqual([
      expect.objectContaining({ status: 'cancelled', cancelledAt: expect.any(String) }),
    ]);
    expect(on('2026-12-09')).toEqual([expect.objectContaining({ forYou: true, madeByYou: false })]);
    expect(on('2026-12-10')).toEqual([
      expect.objectContaining({ spaceId: desks[3].id, forYou: false, madeByYou: true }),
    ]);
    expect(file.bookings.filter((b) => b.seriesId)).toHaveLength(2);
    expect(file.series).toEqual([
      expect.objectContaining({ spaceLabel: desks[4].label, slot: 'am', weekdays: [1], forYou: true, madeByYou: true }),
    ]);
    expect(file.favourites).toEqual([
      expect.objectContaining({ spaceId: desks[5].id, floorName: desks[5].floorName, since: expect.any(String) }),
    ]);
    expect(file.following).toEqual([{ displayName: 'Fiona Folgbar', since: expect.any(String) }]);
    expect(file.followedBy).toBe(1);
    expect(file.absences).toEqual([expect.objectContaining({ from: '2026-12-17', to: '2026-12-18' })]);
    expect(file.assignedDesks).toEqual([
      expect.objectContaining({ spaceId: desks[6].id, releasedDates: ['2026-12-11'] }),
    ]);
    expect(file.waitlist).toEqual([
      expect.objectContaining({ spaceLabel: desks[7].label, date: '2026-12-11', status: 'waiting' }),
    ]);
  });

  it('holds her messages, audit entries and administrative traces', () => {
    const kinds = file.messages.map((m) => m.kind);
    expect(kinds).toContain('account_invite');
    expect(kinds).toContain('booking_confirmed');
    expect(kinds).toContain('booking_cancelled');
    expect(file.auditLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', entityType: 'user', entityId: meId, byYou: false, aboutYou: true }),
        expect.objectContaining({ action: 'reception.assignment_set', byYou: false, aboutYou: true }),
        expect.objectContaining({
          action: 'absence.create',
          byYou: true,
          aboutYou: true,
          details: { from: '2026-12-17', to: '2026-12-18' },
        }),
        expect.objectContaining({
          action: 'space.assign',
          entityId: desks[6].id,
          details: { from: null, to: meId },
          byYou: false,
          aboutYou: true,
        }),
      ]),
    );
    expect(file.administration.floorsPublished).toHaveLength(1);
    expect(file.administration.floorDrafts).toHaveLength(1);
    expect(file.administration.floorBackgrounds).toHaveLength(1);
    expect(file.administration.webhooks).toEqual([
      { id: expect.any(String), eventTypes: ['booking.created'], active: true, createdAt: expect.any(String) },
    ]);
    expect(file.administration.passwordLinksIssued).toEqual([{ purpose: 'reset', createdAt: expect.any(String) }]);
  });

  it("never holds a hash, a secret, or anyone else's personal data", async () => {
    const secrets: string[] = [
      (await one<{ h: string }>(`SELECT password_hash AS h FROM users WHERE id = $1`, [meId])).h,
      (await one<{ h: string }>(`SELECT calendar_token_hash AS h FROM users WHERE id = $1`, [meId])).h,
      feed.url.split('/').pop()?.replace('.ics', '') as string,
      ...(
        await t.dataSource.query(`SELECT token_hash AS h, csrf_token AS c FROM sessions WHERE user_id = $1`, [meId])
      ).flatMap((s: { h: string; c: string }) => [s.h, s.c]),
      ...(
        await t.dataSource.query(`SELECT token_hash AS h FROM password_tokens WHERE user_id = $1 OR created_by = $1`, [
          meId,
        ])
      ).map((r: { h: string }) => r.h),
      ...(await t.dataSource.query(`SELECT dedupe_key AS k FROM outbox WHERE recipient_id = $1`, [meId])).map(
        (r: { k: string }) => r.k,
      ),
      me.token as string,
      'whsec_do-not-export',
      't0ps3cret',
    ];
    expect(secrets.filter((s) => !s)).toEqual([]);
    expect(secrets.filter((s) => raw.includes(s))).toEqual([]);
    // The invitation's link (with its token) and the people who acted on her account.
    expect(raw).not.toMatch(/set-password#token/);
    const others: { id: string; email: string; display_name: string }[] = await t.dataSource.query(
      `SELECT id, email, display_name FROM users WHERE email IN ('employee2@example.com', 'admin@example.com', 'facility@example.com', 'reception@example.com')`,
    );
    expect(others).toHaveLength(4);
    for (const o of others) {
      expect([o.id, o.email, o.display_name].filter((v) => raw.includes(v))).toEqual([]);
    }
    // Fiona is followed and shows her name (as the app shows it), but her address and id stay out.
    expect([followedId, 'fiona.folgbar@example.com'].filter((v) => raw.includes(v))).toEqual([]);
  });

  it('a followed colleague who stops showing her name stays in the file, nameless', async () => {
    await t.dataSource.query(`UPDATE users SET show_name_to_colleagues = false WHERE id = $1`, [followedId]);
    const later = (await me.get<PersonalDataExport>('/api/me/export')).body;
    expect(later.following).toEqual([{ displayName: null, since: expect.any(String) }]);
    await t.dataSource.query(`UPDATE users SET show_name_to_colleagues = true WHERE id = $1`, [followedId]);
  });

  it("explains itself in the person's language, with the retention the purge uses", async () => {
    expect(file.about).toMatchObject({ locale: 'en', retentionDays: 90, sentMessagesDays: 30, sessionHours: 12 });
    expect(file.about.summary).toMatch(/removed 90 days after they end/);
    expect(file.about.notIncluded.join(' ')).toMatch(/pseudonymised personal data, after that anonymous/);
    expect(file.about.stored.some((s) => s.kept.includes('30 days after sending'))).toBe(true);
    // The person's language (English here) unless ?lang says otherwise.
    const de = (await me.get<PersonalDataExport>('/api/me/export?lang=de')).body;
    expect(de.about.locale).toBe('de');
    expect(de.about.summary).toMatch(/90 Tage nach ihrem Ende/);
    const sheet = (await me.get<PrivacySheet>('/api/privacy?lang=de')).body;
    expect(sheet.accessRight).toContain('GET /api/me/export');
    expect(sheet.accessRight).toContain('Meine Daten herunterladen');
  });

  it("a booking made for someone else is in the maker's file, without that person", async () => {
    const desk = (await reception.get<PersonalDataExport>('/api/me/export')).body;
    expect(desk.bookings.find((b) => b.spaceId === desks[2].id && b.date === '2026-12-09')).toMatchObject({
      forYou: false,
      madeByYou: true,
    });
    const text = JSON.stringify(desk);
    expect(['Petra Portabel', 'petra.portabel@example.com', meId].filter((v) => text.includes(v))).toEqual([]);
  });

  it('purged bookings are nobody’s and leave the file', async () => {
    const before = file.bookings.length;
    t.clock.set('2027-06-01T07:00:00Z');
    await t.created.app.get(JobsService).purge();
    const after = (await me.get<PersonalDataExport>('/api/me/export')).body;
    expect(before).toBeGreaterThan(0);
    expect(after.bookings).toEqual([]);
    expect(after.series).toHaveLength(1);
  });

  it('thousands of bookings come out whole', async () => {
    const desk = desks[0].id;
    // Written as the demo seed writes bookings: no confirmation mail for each.
    await t.dataSource.transaction(async (m) => {
      await m.query(`SELECT set_config('flexdesk.cause', 'seed', true)`);
      await m.query(
        `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, created_at)
         SELECT $1, $2, $2, d + time '08:00' AT TIME ZONE 'Europe/Berlin', d + time '17:00' AT TIME ZONE 'Europe/Berlin', d, 'day', d - 3
           FROM generate_series(0, 2999) AS i, LATERAL (SELECT date '2027-06-02' + i AS d) x`,
        [desk, meId],
      );
    });
    const started = Date.now();
    const big = await me.get<PersonalDataExport>('/api/me/export');
    const took = Date.now() - started;
    expect(big.status).toBe(200);
    expect(big.body.bookings).toHaveLength(3000);
    expect(new Set(big.body.bookings.map((b) => b.date)).size).toBe(3000);
    // Generous for a loaded machine: this catches work per booking (a query each), not slowness.
    expect(took).toBeLessThan(15_000);
  });

  describe('stays complete as the schema grows', () => {
    it('covers every column that refers to a person (each foreign key to users)', async () => {
      const refs: { ref: string }[] = await t.dataSource.query(
        `SELECT kcu.table_name || '.' || kcu.column_name AS ref
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu
             ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
           JOIN information_schema.constraint_column_usage ccu
             ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name
          WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND ccu.table_name = 'users'
          ORDER BY 1`,
      );
      expect(refs.length).toBeGreaterThan(15);
      // A failure here means a migration stores something about people that GET /api/me/export does
      // not cover: add it to the export (data-export.repository.ts) and to PERSON_REFERENCES.
      expect(refs.map((r) => r.ref)).toEqual(Object.keys(PERSON_REFERENCES).sort());
    });

    it('says for every column of users where it is exported, or why not', async () => {
      const columns: { name: string }[] = await t.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' ORDER BY 1`,
      );
      expect(columns.map((c) => c.name)).toEqual(Object.keys(USER_COLUMNS).sort());
    });
  });
});
