import ExcelJS from 'exceljs';
import type { InsightsReport, PrivacySheet } from '@flexdesk/shared-contracts';
import { parseCsv } from '../src/common/csv';
import { aggregateFacts, type BookingFact } from '@flexdesk/shared-domain';
import { InsightsRepository } from '../src/insights/insights.repository';
import { JobsService } from '../src/jobs/jobs.service';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { Api, loggedIn } from './support/http';
import { resetData, startTestApp, type TestApp } from './support/test-app';

// Monday 2026-12-07 in Berlin; the figures are about November, long before.
const NOW = '2026-12-07T08:30:00Z';
/** Mon 2 – Fri 6 November 2026 and the week after; the Rathaus is open 07:00–19:00, midday 12:30. */
const WEEK1 = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const WEEK2 = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];

describe('insights', () => {
  let t: TestApp;
  let facility: Api;
  let buildingId: string;
  let floorId: string;
  /** Desks of the zones "Team Bürgerservice" (24) and "Ruhezone" (16) on the ground floor. */
  let team: { id: string; zoneId: string }[];
  let quiet: { id: string; zoneId: string }[];
  let people: string[];
  const q = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
  const report = async (params: Record<string, string>, who: Api = facility) =>
    who.get<InsightsReport>(q('/api/insights/utilisation', { buildingId, ...params }));

  /** A booking as the API would have written it, at `hour` local time on `date`, made two days ahead. */
  const book = async (
    spaceId: string,
    person: string,
    date: string,
    more: { half?: 'am' | 'pm'; status?: string } = {},
  ) => {
    const [start, end] =
      more.half === 'am' ? ['07:00', '12:30'] : more.half === 'pm' ? ['12:30', '19:00'] : ['07:00', '19:00'];
    await t.dataSource.query(
      `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, status, checked_in_at, created_at)
       VALUES ($1, $2, $2, ($3 || ' ' || $4)::timestamp AT TIME ZONE 'Europe/Berlin', ($3 || ' ' || $5)::timestamp AT TIME ZONE 'Europe/Berlin',
               $3::date, $6, $7, CASE WHEN $7 = 'checked_in' THEN ($3 || ' ' || $4)::timestamp AT TIME ZONE 'Europe/Berlin' END,
               ($3 || ' ' || $4)::timestamp AT TIME ZONE 'Europe/Berlin' - interval '2 days')`,
      [spaceId, person, date, start, end, more.half ?? 'day', more.status ?? 'confirmed'],
    );
  };

  beforeAll(async () => {
    t = await startTestApp(NOW);
    facility = await loggedIn(t.url, 'facility@example.com');
    [{ id: buildingId }] = await t.dataSource.query(`SELECT id FROM buildings WHERE name = 'Rathaus Musterstadt'`);
    [{ id: floorId }] = await t.dataSource.query(`SELECT id FROM floors WHERE building_id = $1 AND level = 0`, [
      buildingId,
    ]);
    const desks = async (zone: string) =>
      t.dataSource.query(
        `SELECT s.id, s.zone_id AS "zoneId" FROM spaces s JOIN zones z ON z.id = s.zone_id
          WHERE z.name = $1 AND s.kind = 'desk' AND s.bookable AND s.floor_id = $2 ORDER BY s.label`,
        [zone, floorId],
      );
    team = await desks('Team Bürgerservice');
    quiet = await desks('Ruhezone');
    people = (
      await t.dataSource.query(
        `INSERT INTO users (email, display_name) SELECT 'insight' || i || '@example.com', 'Person ' || i
           FROM generate_series(1, 30) i RETURNING id`,
      )
    ).map((r: { id: string }) => r.id);

    // Team zone: 8 people every day of both weeks, on rotating desks; Mondays all check in,
    // Tuesdays two are released as no-shows, Wednesdays one cancels.
    for (const [w, days] of [WEEK1, WEEK2].entries()) {
      for (const [d, date] of days.entries()) {
        for (let i = 0; i < 8; i++) {
          const status =
            d === 0 ? 'checked_in' : d === 1 && i < 2 ? 'released' : d === 2 && i === 0 ? 'cancelled' : 'confirmed';
          await book(team[(i + d + w) % team.length].id, people[i], date, { status });
        }
      }
    }
    // Quiet zone: the same two people every Thursday, mornings (too few to show).
    for (const date of [WEEK1[3], WEEK2[3]]) {
      await book(quiet[0].id, people[20], date, { half: 'am' });
      await book(quiet[1].id, people[21], date, { half: 'am' });
    }
    // One lonely person on Friday 13 in the quiet zone.
    await book(quiet[2].id, people[22], WEEK2[4]);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t?.close());

  it('is for facility managers and admins only', async () => {
    const params = { buildingId, from: WEEK1[0], to: WEEK2[4] };
    for (const email of ['employee@example.com', 'reception@example.com']) {
      const api = await loggedIn(t.url, email);
      expect((await api.get(q('/api/insights/utilisation', params))).status).toBe(403);
      expect((await api.get(q('/api/insights/utilisation.csv', params))).status).toBe(403);
    }
    expect((await new Api(t.url).get(q('/api/insights/utilisation', params))).status).toBe(401);
    const admin = await loggedIn(t.url, 'admin@example.com');
    expect((await admin.get(q('/api/insights/utilisation', params))).status).toBe(200);
  });

  it('reports the zone figures by hand count, and suppresses the small zone', async () => {
    const r = (await report({ from: WEEK1[0], to: WEEK2[4], zoneId: team[0].zoneId })).body;
    expect(r.minGroupSize).toBe(5);
    // Bookable desks x 10 open days x 2 halves.
    expect(team.length).toBeGreaterThan(20);
    const capacity = team.length * 20;
    expect(r.totals.capacity).toBe(capacity);
    // 8 desks all day every day, less Wednesday's cancellations (2 days x 1 desk x 2 halves).
    expect(r.totals.booked).toBe(8 * 10 * 2 - 4);
    expect(r.totals.bookedShare).toBeCloseTo(156 / capacity);
    expect(r.totals.checkedIn).toBe(8 * 2 * 2);
    // Outcomes: 16 check-ins (Mondays) and 4 releases (Tuesdays).
    expect(r.totals.noShowRate).toBeCloseTo(4 / 20);
    expect(r.totals.bookings).toBe(80);
    expect(r.totals.cancellations).toBe(2);
    expect(r.totals.leadTimeHours).toBeCloseTo(48);
    expect(r.weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46']);
    expect(r.grid.find((c) => c.weekday === 1 && c.half === 'am')?.measures.bookedShare).toBeCloseTo(8 / team.length);
    expect(r.days.filter((d) => d.open).map((d) => d.peak)).toEqual([8, 8, 7, 8, 8, 8, 8, 7, 8, 8]);
    expect(r.rightSizing).toEqual({ existing: team.length, cover95: 8, cover100: 8, days: 10 });

    const small = (await report({ from: WEEK1[0], to: WEEK2[4], zoneId: quiet[0].zoneId })).body;
    expect(small.totals.suppressed).toBe(true);
    expect(small.totals.booked).toBeNull();
    expect(small.days.find((d) => d.date === WEEK1[3])?.peak).toBeNull();
    // Heatmap: single desks of the small zone are suppressed too.
    expect(small.spaces.filter((s) => s.measures.bookings === null).map((s) => s.spaceId)).toEqual(
      expect.arrayContaining([quiet[0].id, quiet[1].id, quiet[2].id]),
    );
  });

  it('differencing overlapping ranges or filters reveals nothing that was suppressed', async () => {
    const floor = (await report({ from: WEEK1[0], to: WEEK2[4], floorId })).body;
    const zone = (await report({ from: WEEK1[0], to: WEEK2[4], zoneId: team[0].zoneId })).body;
    const building = (await report({ from: WEEK1[0], to: WEEK2[4] })).body;
    // The quiet zone's bookings are in no sum: floor minus team zone is zero bookings.
    for (const key of ['booked', 'bookings', 'checkedIn', 'cancellations'] as const) {
      expect(floor.totals[key]).toBe(zone.totals[key]);
      expect(building.totals[key]).toBe(zone.totals[key]);
    }
    // Thursday-morning grid cells and peaks do not move by the quiet zone's two people either.
    const thuAm = (r: InsightsReport) => r.grid.find((c) => c.weekday === 4 && c.half === 'am')?.measures.booked;
    expect(thuAm(floor)).toBe(thuAm(zone));
    expect(floor.days.map((d) => d.peak)).toEqual(zone.days.map((d) => d.peak));
    // Ranges: with or without the lonely Friday 13, the same figures.
    const toThursday = (await report({ from: WEEK1[0], to: WEEK2[3], floorId })).body;
    const toFriday = (await report({ from: WEEK1[0], to: WEEK2[4], floorId })).body;
    expect((toFriday.totals.bookings ?? 0) - (toThursday.totals.bookings ?? 0)).toBe(8);
    expect((toFriday.totals.booked ?? 0) - (toThursday.totals.booked ?? 0)).toBe(16);
    // Kinds: desks only equals everything (rooms and parking are empty), so nothing leaks by kind.
    const desks = (await report({ from: WEEK1[0], to: WEEK2[4], floorId, kind: 'desk' })).body;
    expect(desks.totals.bookings).toBe(floor.totals.bookings);
  });

  it('single spaces: whole months, with complementary suppression', async () => {
    const r = (await report({ from: WEEK1[0], to: WEEK2[4], floorId })).body;
    expect([r.spacesFrom, r.spacesTo]).toEqual(['2026-11-01', '2026-11-30']);
    const byId = new Map(r.spaces.map((s) => [s.spaceId, s.measures]));
    // A desk is shown only where nobody or at least five people sat in the month.
    const sat: { id: string; n: number }[] = await t.dataSource.query(
      `SELECT space_id AS id, count(DISTINCT booker_id)::int AS n FROM bookings
        WHERE local_date BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY space_id`,
    );
    for (const d of team) {
      const n = sat.find((x) => x.id === d.id)?.n ?? 0;
      if (n > 0 && n < 5) expect(byId.get(d.id)?.suppressed).toBe(true);
      if (n === 0) expect(byId.get(d.id)).toMatchObject({ suppressed: false, bookings: 0 });
    }
    // The zone's hidden desk-months together come from at least five people, or all are hidden.
    const hidden = r.spaces.filter((s) => s.measures.suppressed && s.zoneId === team[0].zoneId);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    // A whole building's report has no per-space table (a floor's, a zone's or a space's has).
    expect((await report({ from: WEEK1[0], to: WEEK2[4] })).body.spaces).toEqual([]);
    const one = (await report({ from: WEEK1[0], to: WEEK2[4], spaceId: quiet[0].id })).body;
    expect(one.totals.suppressed).toBe(true);
    expect(one.days).toEqual([]);
  });

  it("the database's atoms are exactly the domain's aggregation of the facts", async () => {
    const repo = t.created.app.get(InsightsRepository);
    const facts: BookingFact[] = await t.dataSource.query(
      `SELECT space_id AS "spaceId", floor_id AS "floorId", zone_id AS "zoneId", kind, to_char(local_date, 'YYYY-MM-DD') AS date,
              am, pm, status, checked_in AS "checkedIn", lead_minutes AS "leadMinutes", person_token AS person
         FROM booking_facts WHERE building_id = $1 AND local_date BETWEEN '2026-11-01' AND '2026-11-30'`,
      [buildingId],
    );
    const expected = aggregateFacts(facts, await repo.spaces(buildingId));
    type Row = {
      date?: string;
      half?: string;
      zoneId?: string | null;
      kind?: string;
      spaceId?: string;
      month?: string;
    };
    const key = (r: Row) => JSON.stringify([r.date, r.half, r.zoneId, r.kind, r.spaceId, r.month]);
    const sorted = (rows: Row[]) =>
      rows.map((r) => ({ ...r, capacity: 0 })).sort((a, b) => key(a).localeCompare(key(b)));
    const spaceIds = (await repo.spaces(buildingId)).map((s) => s.spaceId);
    const rollups = async () => ({
      days: sorted(await repo.dayAtoms(buildingId, '2026-11-01', '2026-11-30')),
      spaceMonths: sorted(await repo.spaceMonths(buildingId, '2026-11-01', '2026-11-30', spaceIds)),
    });
    await repo.flush(buildingId);
    const flushed = await rollups();
    expect(flushed).toEqual({ days: sorted(expected.days), spaceMonths: sorted(expected.spaceMonths) });
    // Rebuilt from scratch: the very same rows.
    expect(await repo.rebuild()).toBeGreaterThanOrEqual(facts.length);
    expect(await rollups()).toEqual(flushed);
  });

  it('keeps the rollups up to date with every booking change, and a report sees them at once', async () => {
    const repo = t.created.app.get(InsightsRepository);
    const day = { from: WEEK2[3], to: WEEK2[3], floorId };
    const before = (await report(day)).body;
    // One more booking in the team zone on Thursday of week 2: a new person, a new desk.
    await book(team[team.length - 1].id, people[9], WEEK2[3], { status: 'checked_in' });
    const [{ marked }] = await t.dataSource.query(
      `SELECT count(*)::int AS marked FROM insight_dirty WHERE building_id = $1`,
      [buildingId],
    );
    expect(marked).toBe(1);
    const after = (await report(day)).body;
    expect(after.totals.bookings).toBe((before.totals.bookings ?? 0) + 1);
    expect(after.totals.checkedIn).toBe((before.totals.checkedIn ?? 0) + 2);
    // Cancelling it: bookings stay (a cancellation is a booking), booked space half-days go back.
    await t.dataSource.query(
      `UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE space_id = $1 AND local_date = $2`,
      [team[team.length - 1].id, WEEK2[3]],
    );
    const cancelled = (await report(day)).body;
    expect(cancelled.totals).toMatchObject({
      booked: before.totals.booked,
      cancellations: (before.totals.cancellations ?? 0) + 1,
    });
    // Moving a desk to the other zone moves its facts' atoms (placement is where the space is now).
    const [{ halves }] = await t.dataSource.query(
      `SELECT count(*)::int AS halves FROM insight_fact_halves WHERE space_id = $1 AND month = '2026-11-01'`,
      [team[0].id],
    );
    const inZone = async (zoneId: string) => {
      await repo.flush(buildingId);
      const rows = await repo.dayAtoms(buildingId, '2026-11-01', '2026-11-30', floorId);
      return rows.filter((r) => r.zoneId === zoneId).reduce((n, r) => n + r.facts, 0);
    };
    const [teamBefore, quietBefore] = [await inZone(team[0].zoneId), await inZone(quiet[0].zoneId)];
    await t.dataSource.query(`UPDATE spaces SET zone_id = $1 WHERE id = $2`, [quiet[0].zoneId, team[0].id]);
    expect(halves).toBeGreaterThan(0);
    expect([await inZone(team[0].zoneId), await inZone(quiet[0].zoneId)]).toEqual([
      teamBefore - halves,
      quietBefore + halves,
    ]);
    await t.dataSource.query(`UPDATE spaces SET zone_id = $1 WHERE id = $2`, [team[0].zoneId, team[0].id]);
    expect(await inZone(team[0].zoneId)).toBe(teamBefore);
    // Nothing is left to flush, and the rollups equal a rebuild from scratch.
    await repo.flushAll();
    const snapshot = async () =>
      t.dataSource.query(
        `SELECT * FROM insight_day_atoms WHERE building_id = $1 ORDER BY local_date, half, floor_id, zone_id, kind`,
        [buildingId],
      );
    const kept = await snapshot();
    await repo.rebuild();
    expect(await snapshot()).toEqual(kept);
  });

  it('the facts trigger places bookings in half days on the local clock, across DST changes', async () => {
    const at = async (date: string, start: string, end: string) => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot)
         VALUES ($1, $2, $2, ($3 || ' ' || $4)::timestamp AT TIME ZONE 'Europe/Berlin',
                 ($3 || ' ' || $5)::timestamp AT TIME ZONE 'Europe/Berlin', $3::date, 'custom') RETURNING id`,
        [quiet[5].id, people[29], date, start, end],
      );
      const [fact] = await t.dataSource.query(`SELECT am, pm, status FROM booking_facts WHERE booking_id = $1`, [id]);
      return fact;
    };
    // Monday after the spring change (UTC+2) and after the autumn change (UTC+1); midday is 12:30.
    expect(await at('2026-03-30', '12:30', '19:00')).toEqual({ am: false, pm: true, status: 'confirmed' });
    expect(await at('2026-03-31', '07:00', '12:30')).toEqual({ am: true, pm: false, status: 'confirmed' });
    expect(await at('2026-10-26', '12:00', '13:00')).toEqual({ am: true, pm: true, status: 'confirmed' });
    expect(await at('2026-10-27', '12:29', '12:30')).toEqual({ am: true, pm: false, status: 'confirmed' });
  });

  it('refuses unbounded or malformed ranges and foreign scopes', async () => {
    expect((await report({ from: '2024-01-01', to: '2026-01-02' })).status).toBe(400);
    expect((await report({ from: '2026-11-10', to: '2026-11-09' })).status).toBe(400);
    expect((await report({ from: '2026-02-30', to: '2026-03-02' })).status).toBe(400);
    expect((await report({ from: '2026-11-01', to: '2026-11-30', kind: 'sofa' })).status).toBe(400);
    expect((await report({ from: '2024-12-01', to: '2026-11-30' })).status).toBe(200);
    const [{ id: london }] = await t.dataSource.query(`SELECT id FROM buildings WHERE name <> 'Rathaus Musterstadt'`);
    const foreign = await facility.get(
      q('/api/insights/utilisation', { buildingId: london, floorId, from: WEEK1[0], to: WEEK1[4] }),
    );
    expect(foreign.status).toBe(404);
  });

  it('exports every table as CSV in the reader’s locale and as XLSX', async () => {
    const params = { buildingId, zoneId: team[0].zoneId, from: WEEK1[0], to: WEEK2[4] };
    const de = await facility.get<string>(
      q('/api/insights/utilisation.csv', { ...params, table: 'weeks', lang: 'de' }),
    );
    expect(de.status).toBe(200);
    expect(de.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(de.body, ';') ?? [];
    expect(rows[0].cells[0]).toBe('Woche');
    expect(rows).toHaveLength(3);
    const share = rows[1].cells[rows[0].cells.indexOf('Auslastung gebucht')];
    expect(share).toMatch(/^\d+,\d %$/);
    const en = await facility.get<string>(q('/api/insights/utilisation.csv', { ...params, table: 'grid', lang: 'en' }));
    const enRows = parseCsv(en.body, ',') ?? [];
    expect(enRows[0].cells.slice(0, 2)).toEqual(['Weekday', 'Half day']);
    expect(enRows[1].cells[enRows[0].cells.indexOf('Booked share')]).toMatch(/^\d+\.?\d* %$/);
    const small = await facility.get<string>(
      q('/api/insights/utilisation.csv', { ...params, zoneId: quiet[0].zoneId, lang: 'de' }),
    );
    expect(small.body).toContain('weniger als 5 Personen');

    const res = await fetch(`${t.url}${q('/api/insights/utilisation.xlsx', { ...params, lang: 'en' })}`, {
      headers: { authorization: `Bearer ${facility.token}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Totals', 'Weeks', 'Weekday and half day', 'Days', 'Spaces']);
    const weeks = book.getWorksheet('Weeks');
    expect(weeks?.getRow(2).getCell(1).value).toBe('2026-W45');
    expect(typeof weeks?.getRow(2).getCell(6).value).toBe('number');
  });

  it('works the same after the privacy purge has removed every name', async () => {
    const before = (await report({ from: WEEK1[0], to: WEEK2[4], floorId })).body;
    t.clock.set('2027-06-01T08:00:00Z');
    await t.created.app.get(JobsService).purge();
    const [{ named }] = await t.dataSource.query(
      `SELECT count(*)::int AS named FROM bookings WHERE local_date < '2026-12-01' AND booker_id IS NOT NULL`,
    );
    expect(named).toBe(0);
    const [{ salts }] = await t.dataSource.query(
      `SELECT count(*)::int AS salts FROM insight_salts WHERE month = '2026-11-01'`,
    );
    expect(salts).toBe(0);
    // Status changes after the purge keep the pseudonym (the salt is gone; a new one would split a person).
    await t.dataSource.query(`UPDATE bookings SET status = 'released' WHERE local_date = $1 AND status = 'confirmed'`, [
      WEEK2[4],
    ]);
    await t.dataSource.query(`UPDATE bookings SET status = 'confirmed' WHERE local_date = $1 AND status = 'released'`, [
      WEEK2[4],
    ]);
    const after = (await report({ from: WEEK1[0], to: WEEK2[4], floorId })).body;
    expect(after).toEqual(before);
  });

  it('the privacy sheet follows the configuration, in German and English', async () => {
    expect((await new Api(t.url).get('/api/privacy')).status).toBe(401);
    const employee = await loggedIn(t.url, 'employee@example.com');
    const de = (await employee.get<PrivacySheet>('/api/privacy?lang=de')).body;
    expect(de).toMatchObject({ locale: 'de', retentionDays: 90, minGroupSize: 5, sessionHours: 12 });
    expect(de.stored.some((s) => s.kept.includes('90 Tage'))).toBe(true);
    expect(de.reports.every((r) => r.minGroupSize >= 1)).toBe(true);
    expect(de.receptionBuildings.find((b) => b.buildingName === 'Rathaus Musterstadt')?.receptionists).toBe(1);
    expect(de.roles.find((r) => r.role === 'admin')?.people).toBeGreaterThanOrEqual(1);
    const en = (await employee.get<PrivacySheet>('/api/privacy?lang=en')).body;
    expect(en.stored[0].item).toMatch(/^Account/);
    expect(JSON.stringify(en)).not.toMatch(/@example\.com/);
    // No SMTP_URL and no webhook in this app: the sheet says nothing leaves by mail or webhook.
    expect(en.notifications.filter((n) => !n.enabled).map((n) => n.name)).toEqual(['E-mail notifications', 'Webhooks']);
  });

  // Last: it replaces the data the tests above counted by hand.
  it('a demo start comes with weeks of history that the reports show', async () => {
    await resetData(t.dataSource);
    expect(await seedDemoIfEmpty(t.dataSource, t.clock.now(), { history: true })).toBe(true);

    // The past holds only what has ended its course: nothing left for the no-show job to release.
    const [past] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'confirmed')::int AS open,
              min(local_date)::text AS first FROM bookings WHERE end_at < $1`,
      [NOW],
    );
    expect(past.n).toBeGreaterThan(100);
    expect(past.open).toBe(0);
    expect(past.first >= '2026-10-12').toBe(true); // eight weeks back from Monday 7 December

    const fm = await loggedIn(t.url, 'facility@example.com');
    const [{ id: rathaus }] = await t.dataSource.query(`SELECT id FROM buildings WHERE name = 'Rathaus Musterstadt'`);
    const r = (
      await fm.get<InsightsReport>(
        q('/api/insights/utilisation', { buildingId: rathaus, from: '2026-11-09', to: '2026-12-06' }),
      )
    ).body;
    expect(r.totals.suppressed).toBe(false);
    expect(r.totals.bookings).toBeGreaterThan(50);
    expect(r.totals.checkedIn).toBeGreaterThan(0);
    expect(r.totals.cancellations).toBeGreaterThan(0);
    expect(r.totals.noShowRate).toBe(0);
    expect(r.totals.leadTimeHours).toBeGreaterThanOrEqual(24);
    expect(r.weeks.map((w) => w.week)).toEqual(['2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(r.weeks.every((w) => (w.measures.bookedShare ?? 0) > 0)).toBe(true);
  });
});
