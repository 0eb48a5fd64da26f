import type { Booking, BuildingSummary, CalendarFeed, Floor, SeriesResult } from '@flexdesk/shared-contracts';
import type ICALNamespace from 'ical.js';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

// Monday 2027-03-22, 09:00 in Berlin, 08:00 in London. Both zones start summer time on Sunday 2027-03-28.
const NOW = '2027-03-22T08:00:00Z';

/** ical.js is an ES module; it is loaded the way an independent client would read our files. */
let ICAL: typeof ICALNamespace;
type Component = InstanceType<typeof ICALNamespace.Component>;

/** Parses a calendar and registers its VTIMEZONEs, so TZID times resolve through our own definitions. */
function parse(text: string): Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  return calendar;
}

function events(calendar: Component): Map<string, Component> {
  return new Map(calendar.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
}

const startOf = (e: Component | undefined) => new ICAL.Event(e).startDate;
const endOf = (e: Component | undefined) => new ICAL.Event(e).endDate;

const PUBLIC_URL = 'https://desks.example.org/flexdesk';

describe('calendar invites and subscription feed', () => {
  let t: TestApp;
  let employee: Api;
  let employee2: Api;
  let anon: Api;
  let floors: Record<string, Floor>;
  const spaceId = (floor: string, label: string) => {
    const s = floors[floor].spaces.find((x) => x.label === label);
    if (!s) throw new Error(`no space ${label} on ${floor}`);
    return s.id;
  };
  const book = async (api: Api, floor: string, label: string, date: string) => {
    const res = await api.post<Booking>('/api/bookings', { spaceId: spaceId(floor, label), date, slot: 'day' });
    if (res.status !== 201) throw new Error(`booking ${label} ${date}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let berlin: Booking;
  let parking: Booking;
  let londonFriday: Booking;
  let londonMonday: Booking;
  let colleagues: Booking;

  beforeAll(async () => {
    ICAL = (await import('ical.js')).default;
    t = await startTestApp(NOW, { PUBLIC_URL });
    employee = await loggedIn(t.url, 'employee@example.com');
    employee2 = await loggedIn(t.url, 'employee2@example.com');
    anon = new Api(t.url);
    floors = {};
    for (const b of (await employee.get<BuildingSummary[]>('/api/buildings')).body) {
      for (const f of b.floors) floors[f.name] = (await employee.get<Floor>(`/api/floors/${f.id}`)).body;
    }
    berlin = await book(employee, 'Erdgeschoss', '0.12', '2027-03-23');
    parking = await book(employee, 'Tiefgarage', 'P05', '2027-03-24');
    londonFriday = await book(employee, 'First floor', 'L1.03', '2027-03-26');
    londonMonday = await book(employee, 'First floor', 'L1.03', '2027-03-29');
    colleagues = await book(employee2, 'Erdgeschoss', '0.13', '2027-03-23');
  });

  afterEach(() => t.clock.reset());

  afterAll(() => t?.close());

  describe('invite', () => {
    it('describes a confirmed booking as a REQUEST in the building time zone', async () => {
      const res = await employee.get<string>(`/api/bookings/${berlin.id}/invite.ics`, { 'accept-language': 'de-DE' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="flexdesk-0.12-2027-03-23.ics"');

      const cal = parse(res.body);
      expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
      const vevents = cal.getAllSubcomponents('vevent');
      expect(vevents).toHaveLength(1);
      const event = vevents[0];
      expect(event.getFirstPropertyValue('uid')).toBe(`${berlin.id}@flexdesk`);
      expect(event.getFirstPropertyValue('sequence')).toBe(berlin.sequence);
      expect(event.getFirstPropertyValue('summary')).toBe('Schreibtisch 0.12 – Rathaus Musterstadt');
      expect(event.getFirstPropertyValue('location')).toBe('Rathaus Musterstadt, Erdgeschoss, 0.12');
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:noreply@flexdesk.invalid');
      expect(String(event.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:employee@example.com');
      // A desk says where one works, not that one is busy.
      expect(event.getFirstPropertyValue('transp')).toBe('TRANSPARENT');

      expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
      expect(res.body).toContain('DTSTART;TZID=Europe/Berlin:20270323T070000');
      expect(startOf(event).toJSDate().toISOString()).toBe(new Date(berlin.start).toISOString());
      expect(endOf(event).toJSDate().toISOString()).toBe(new Date(berlin.end).toISOString());
      const zones = cal.getAllSubcomponents('vtimezone');
      expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
      expect(zones[0].getAllSubcomponents('daylight').length).toBeGreaterThanOrEqual(1);
    });

    it("speaks the person's language, not the browser's, unless asked, and names each kind of space", async () => {
      // The browser's English does not override the person's German setting for a download…
      const browser = await employee.get<string>(`/api/bookings/${berlin.id}/invite.ics`, {
        'accept-language': 'en-GB,en;q=0.9',
      });
      expect(events(parse(browser.body)).get(`${berlin.id}@flexdesk`)?.getFirstPropertyValue('summary')).toBe(
        'Schreibtisch 0.12 – Rathaus Musterstadt',
      );
      // …the person's own setting does, and so does an explicit ?lang=.
      expect((await employee.patch('/api/me', { locale: 'en' })).status).toBe(200);
      const desk = await employee.get<string>(`/api/bookings/${berlin.id}/invite.ics`);
      expect(events(parse(desk.body)).get(`${berlin.id}@flexdesk`)?.getFirstPropertyValue('summary')).toBe(
        'Desk 0.12 – Rathaus Musterstadt',
      );
      await employee.patch('/api/me', { locale: 'de' });
      const car = await employee.get<string>(`/api/bookings/${parking.id}/invite.ics?lang=en`);
      const event = events(parse(car.body)).get(`${parking.id}@flexdesk`);
      expect(event?.getFirstPropertyValue('summary')).toBe('Parking space P05 – Rathaus Musterstadt');
      expect(event?.getFirstPropertyValue('location')).toBe('Rathaus Musterstadt, Tiefgarage, P05');
      const de = await employee.get<string>(`/api/bookings/${parking.id}/invite.ics`);
      expect(events(parse(de.body)).get(`${parking.id}@flexdesk`)?.getFirstPropertyValue('summary')).toBe(
        'Parkplatz P05 – Rathaus Musterstadt',
      );
    });

    it('keeps local times right across the start of summer time', async () => {
      const friday = await employee.get<string>(`/api/bookings/${londonFriday.id}/invite.ics`);
      const monday = await employee.get<string>(`/api/bookings/${londonMonday.id}/invite.ics`);
      expect(friday.body).toContain('DTSTART;TZID=Europe/London:20270326T080000');
      expect(monday.body).toContain('DTSTART;TZID=Europe/London:20270329T080000');
      expect(monday.body).toContain('DTEND;TZID=Europe/London:20270329T180000');

      const fri = startOf(parse(friday.body).getFirstSubcomponent('vevent') ?? undefined);
      const mon = startOf(parse(monday.body).getFirstSubcomponent('vevent') ?? undefined);
      expect(fri.toJSDate().toISOString()).toBe('2027-03-26T08:00:00.000Z');
      expect(mon.toJSDate().toISOString()).toBe('2027-03-29T07:00:00.000Z');
      expect(mon.toJSDate().toISOString()).toBe(new Date(londonMonday.start).toISOString());
      expect(mon.utcOffset()).toBe(3600);
      expect(fri.utcOffset()).toBe(0);
    });

    it('is visible exactly like the booking itself', async () => {
      const foreign = await employee2.get(`/api/bookings/${berlin.id}/invite.ics`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('BOOKING_NOT_FOUND');
      expect((await anon.get(`/api/bookings/${berlin.id}/invite.ics`)).status).toBe(401);
      expect((await employee.get('/api/bookings/not-a-uuid/invite.ics')).body.code).toBe('BOOKING_NOT_FOUND');
    });

    it('turns into a CANCEL with a higher SEQUENCE once the booking is cancelled', async () => {
      const before = events(parse((await employee.get<string>(`/api/bookings/${berlin.id}/invite.ics`)).body));
      expect((await employee.delete(`/api/bookings/${berlin.id}`)).status).toBe(204);
      const res = await employee.get<string>(`/api/bookings/${berlin.id}/invite.ics`);
      expect(res.status).toBe(200);
      const cal = parse(res.body);
      expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
      const event = events(cal).get(`${berlin.id}@flexdesk`);
      expect(event?.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(Number(event?.getFirstPropertyValue('sequence'))).toBeGreaterThan(
        Number(before.get(`${berlin.id}@flexdesk`)?.getFirstPropertyValue('sequence')),
      );
      expect(startOf(event).toJSDate().toISOString()).toBe(new Date(berlin.start).toISOString());
    });
  });

  describe('subscription feed', () => {
    let feed: CalendarFeed;
    // The link names the installation's PUBLIC_URL (here behind a path), never the Host of the request.
    const fetchFeed = (url: string) => anon.get<string>(url.slice(PUBLIC_URL.length));

    it('starts inactive, and is created with an https/webcal pair of links under PUBLIC_URL', async () => {
      expect((await employee.get('/api/me/calendar-feed')).body).toEqual({ active: false });
      const res = await employee.post<CalendarFeed>('/api/me/calendar-feed', undefined, { 'x-forwarded-host': 'evil.example' });
      expect(res.status).toBe(201);
      feed = res.body;
      expect(feed.url).toMatch(/^https:\/\/desks\.example\.org\/flexdesk\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(feed.webcalUrl).toBe(feed.url.replace('https://', 'webcal://'));
      expect((await employee.get('/api/me/calendar-feed')).body).toEqual({ active: true });
      const stored = await t.dataSource.query(
        `SELECT calendar_token_hash AS h FROM users WHERE email = 'employee@example.com'`,
      );
      expect(stored[0].h).toMatch(/^[0-9a-f]{64}$/);
      expect(feed.url).not.toContain(stored[0].h);
    });

    it('serves my bookings and cancellations without a session, and nobody else’s', async () => {
      const res = await fetchFeed(feed.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
      expect(res.body).toContain('X-PUBLISHED-TTL:PT1H');
      // RFC 5545: calendar properties come before any component.
      expect(res.body.indexOf('X-PUBLISHED-TTL')).toBeLessThan(res.body.indexOf('BEGIN:VTIMEZONE'));
      expect(res.body.lastIndexOf('END:VTIMEZONE')).toBeLessThan(res.body.indexOf('BEGIN:VEVENT'));
      const cal = parse(res.body);
      expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Flexdesk');
      const byUid = events(cal);
      expect([...byUid.keys()].sort()).toEqual(
        [berlin, parking, londonFriday, londonMonday].map((b) => `${b.id}@flexdesk`).sort(),
      );
      expect(byUid.has(`${colleagues.id}@flexdesk`)).toBe(false);
      const cancelled = byUid.get(`${berlin.id}@flexdesk`);
      expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelled?.getFirstPropertyValue('summary')).toBe('Storniert: Schreibtisch 0.12 – Rathaus Musterstadt');
      expect(byUid.get(`${parking.id}@flexdesk`)?.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(
        startOf(byUid.get(`${londonMonday.id}@flexdesk`))
          .toJSDate()
          .toISOString(),
      ).toBe('2027-03-29T07:00:00.000Z');
      expect(
        cal
          .getAllSubcomponents('vtimezone')
          .map((z) => z.getFirstPropertyValue('tzid'))
          .sort(),
      ).toEqual(['Europe/Berlin', 'Europe/London']);
    });

    it('keeps cancellations for 30 days, then lets them go', async () => {
      t.clock.set('2027-04-20T08:00:00Z');
      expect(events(parse((await fetchFeed(feed.url)).body)).has(`${berlin.id}@flexdesk`)).toBe(true);
      t.clock.set('2027-04-23T08:00:00Z');
      expect(events(parse((await fetchFeed(feed.url)).body)).has(`${berlin.id}@flexdesk`)).toBe(false);
    });

    it('gives each person only their own bookings', async () => {
      const theirs = (await employee2.post<CalendarFeed>('/api/me/calendar-feed')).body;
      expect(theirs.url).not.toBe(feed.url);
      const uids = [...events(parse((await fetchFeed(theirs.url)).body)).keys()];
      expect(uids).toEqual([`${colleagues.id}@flexdesk`]);
      expect(events(parse((await fetchFeed(feed.url)).body)).has(`${colleagues.id}@flexdesk`)).toBe(false);
    });

    it('stops serving the old link when regenerated', async () => {
      const fresh = (await employee.post<CalendarFeed>('/api/me/calendar-feed')).body;
      expect(fresh.url).not.toBe(feed.url);
      const old = await anon.get(feed.url.slice(PUBLIC_URL.length));
      expect(old.status).toBe(404);
      expect(old.headers.get('content-type')).toContain('application/problem+json');
      expect(old.body.code).toBe('CALENDAR_FEED_NOT_FOUND');
      expect((await fetchFeed(fresh.url)).status).toBe(200);
      feed = fresh;
    });

    it('answers 404 for anything that is not a live feed link', async () => {
      const secret = feed.url.slice(feed.url.lastIndexOf('/') + 1, -'.ics'.length);
      for (const path of [
        `/api/calendar/${secret}`,
        `/api/calendar/${secret}.ics.ics`,
        '/api/calendar/guess.ics',
        `/api/calendar/${'A'.repeat(43)}.ics`,
      ]) {
        const res = await anon.get<{ code: string }>(path);
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'CALENDAR_FEED_NOT_FOUND']);
      }
    });

    it('stops serving the link when revoked', async () => {
      expect((await employee.delete('/api/me/calendar-feed')).status).toBe(204);
      expect((await fetchFeed(feed.url)).status).toBe(404);
      expect((await employee.get('/api/me/calendar-feed')).body).toEqual({ active: false });
      expect((await anon.get('/api/me/calendar-feed')).status).toBe(401);
    });

    it('limits requests per client address', async () => {
      const live = (await employee.post<CalendarFeed>('/api/me/calendar-feed')).body;
      // Spend the budget of the current window instead of sending 120 requests.
      await t.dataSource.query(`UPDATE rate_limits SET count = 120 WHERE key LIKE 'calendar-feed:ip:%'`);
      const res = await anon.get(live.url.slice(PUBLIC_URL.length));
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('recurring series', () => {
    it('sends each occurrence as its own event related to the series, and shows an ended series truthfully', async () => {
      const facility = await loggedIn(t.url, 'facility@example.com');
      const made = await facility.post<SeriesResult>('/api/bookings/series', {
        spaceId: spaceId('Erdgeschoss', '0.14'),
        slot: 'day',
        from: '2027-03-23',
        count: 3,
        weekdays: [2, 3],
      });
      expect(made.status).toBe(201);
      expect(made.body.occurrences.map((o) => [o.date, o.outcome])).toEqual([
        ['2027-03-23', 'booked'],
        ['2027-03-24', 'booked'],
        ['2027-03-30', 'booked'],
      ]);
      const seriesUid = `${made.body.seriesId}@flexdesk-series`;
      const relatedTo = (e: Component | undefined) => {
        const property = e?.getFirstProperty('related-to');
        return [property?.getFirstValue(), property?.getParameter('reltype')];
      };

      const inviteRes = await facility.get<string>(`/api/bookings/${made.body.occurrences[0].bookingId}/invite.ics`);
      expect([inviteRes.status, typeof inviteRes.body]).toEqual([200, "string"]);
      const invite = parse(inviteRes.body);
      expect(relatedTo(invite.getFirstSubcomponent('vevent') ?? undefined)).toEqual([seriesUid, 'PARENT']);

      expect((await facility.delete(`/api/bookings/series/${made.body.seriesId}?from=2027-03-30`)).status).toBe(204);
      const feedUrl = (await facility.post<CalendarFeed>('/api/me/calendar-feed')).body.url;
      // The feed's budget per address was spent on purpose above.
      await t.dataSource.query(`DELETE FROM rate_limits WHERE key LIKE 'calendar-feed:%'`);
      const byUid = events(parse((await anon.get<string>(feedUrl.slice(PUBLIC_URL.length))).body));
      const shown = made.body.occurrences.map((o) => {
        const e = byUid.get(`${o.bookingId}@flexdesk`);
        return [o.date, e?.getFirstPropertyValue('status'), e?.getFirstPropertyValue('sequence'), ...relatedTo(e)];
      });
      expect(shown).toEqual([
        ['2027-03-23', 'CONFIRMED', 0, seriesUid, 'PARENT'],
        ['2027-03-24', 'CONFIRMED', 0, seriesUid, 'PARENT'],
        ['2027-03-30', 'CANCELLED', 1, seriesUid, 'PARENT'],
      ]);
    });
  });
});
