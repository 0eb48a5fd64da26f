import type { Booking, BuildingOccupancy, BuildingSummary, Floor, FloorAvailability } from '@flexdesk/shared-contracts';
import { Api, loggedIn } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = '2026-12-07T07:00:00Z'; // Monday, 08:00 in Berlin

/** Splits CSV the way a spreadsheet reads it (quoted separators, doubled quotes, CRLF). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('reception: occupancy and day list', () => {
  let t: TestApp;
  let employee: Api;
  let reception: Api;
  let buildingId: string;
  let ground: Floor;
  let booking: Booking;

  beforeAll(async () => {
    t = await startTestApp(NOW);
    employee = await loggedIn(t.url, 'employee@example.com');
    reception = await loggedIn(t.url, 'reception@example.com');
    const rathaus = (await employee.get<BuildingSummary[]>('/api/buildings')).body.find(
      (b) => b.timeZone === 'Europe/Berlin',
    );
    buildingId = rathaus?.id ?? '';
    ground = (await employee.get<Floor>(`/api/floors/${rathaus?.floors.find((f) => f.level === 0)?.id}`)).body;
    const avail = (await employee.get<FloorAvailability>(`/api/floors/${ground.id}/availability?date=2026-12-07`)).body;
    const desk = ground.spaces.find(
      (s) => s.kind === 'desk' && avail.spaces.find((a) => a.spaceId === s.id)?.state === 'free',
    );
    booking = (await employee.post<Booking>('/api/bookings', { spaceId: desk?.id, date: '2026-12-07', slot: 'day' }))
      .body;
  });
  afterAll(() => t?.close());

  it('keeps the day board from employees', async () => {
    const res = await employee.get(`/api/buildings/${buildingId}/occupancy?date=2026-12-07`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await employee.get(`/api/buildings/${buildingId}/day-list.csv?date=2026-12-07`)).status).toBe(403);
  });

  it('gives the front desk totals that match the bookings, and names', async () => {
    const res = await reception.get<BuildingOccupancy>(`/api/buildings/${buildingId}/occupancy?date=2026-12-07`);
    expect(res.status).toBe(200);
    const day = res.body;
    const [counts] = await t.dataSource.query(
      `SELECT count(DISTINCT b.space_id)::int AS booked FROM bookings b JOIN spaces s ON s.id = b.space_id
         JOIN floors f ON f.id = s.floor_id WHERE f.building_id = $1 AND b.local_date = '2026-12-07'
          AND b.status IN ('confirmed', 'checked_in')`,
      [buildingId],
    );
    expect(day.total.booked).toBe(counts.booked);
    expect(day.total.free).toBe(day.total.bookable - day.total.booked);
    expect(day.floors.map((f) => f.floorName)).toEqual(['Tiefgarage', 'Erdgeschoss', '1. Obergeschoss']);
    const groundDay = day.floors.find((f) => f.floorId === ground.id);
    expect(groundDay?.byKind.desk.spaces).toBe(40);
    expect(groundDay?.byKind.room.spaces).toBe(2);
    expect(groundDay?.byKind.desk.bookable).toBe(38); // one desk under repair per block
    const mine = day.bookings.find((b) => b.bookingId === booking.id);
    expect(mine).toMatchObject({ bookerName: 'Erika Mustermann', status: 'confirmed', floorName: 'Erdgeschoss' });
    expect(mine?.start).toBe('2026-12-07T07:00:00.000+01:00');

    // A check-in by the front desk shows up in the totals.
    expect((await reception.post(`/api/bookings/${booking.id}/check-in`)).status).toBe(200);
    const after = (await reception.get<BuildingOccupancy>(`/api/buildings/${buildingId}/occupancy?date=2026-12-07`))
      .body;
    expect(after.total.checkedIn).toBe(day.total.checkedIn + 1);
    expect(after.bookings.find((b) => b.bookingId === booking.id)?.status).toBe('checked_in');
  });

  it('exports the day list as Excel-friendly CSV with umlauts intact', async () => {
    const res = await fetch(`${t.url}/api/buildings/${buildingId}/day-list.csv?date=2026-12-07`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('flexdesk-2026-12-07.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)), ';');
    expect(rows[0]).toEqual(['Etage', 'Platz', 'Art', 'Bereich', 'Name', 'Beginn', 'Ende', 'Status', 'Eingecheckt']);
    const line = rows.find((r) => r[4] === 'Erika Mustermann');
    expect(line).toEqual([
      'Erdgeschoss',
      booking.spaceLabel,
      'Schreibtisch',
      expect.any(String),
      'Erika Mustermann',
      '07:00',
      '19:00',
      'eingecheckt',
      expect.stringMatching(/^\d\d:\d\d$/),
    ]);
    expect(rows.length).toBeGreaterThan(1);

    // An English browser does not turn a German person's file into a comma CSV; `?lang=en` does.
    const browser = await fetch(`${t.url}/api/buildings/${buildingId}/day-list.csv?date=2026-12-07`, {
      headers: { authorization: `Bearer ${reception.token}`, 'accept-language': 'en' },
    });
    expect((await browser.text()).split('\r\n')[0]).toBe('Etage;Platz;Art;Bereich;Name;Beginn;Ende;Status;Eingecheckt');
    const en = await fetch(`${t.url}/api/buildings/${buildingId}/day-list.csv?date=2026-12-07&lang=en`, {
      headers: { authorization: `Bearer ${reception.token}` },
    });
    // (fetch's text() drops the byte-order mark checked above)
    expect((await en.text()).split('\r\n')[0]).toBe('Floor,Space,Kind,Zone,Name,Start,End,Status,Checked in');
    expect((await reception.get(`/api/buildings/${buildingId}/day-list.csv?date=2026-12-07&lang=fr`)).status).toBe(400);
  });

  it('tells a closed day (a weekend, a holiday) from an open one, with nothing free on it', async () => {
    const day = async (date: string) =>
      (await reception.get<BuildingOccupancy>(`/api/buildings/${buildingId}/occupancy?date=${date}`)).body;
    const monday = await day('2026-12-07');
    expect(monday.open).toEqual({ start: '2026-12-07T07:00:00.000+01:00', end: '2026-12-07T19:00:00.000+01:00' });
    expect(monday.closedReason).toBeNull();
    expect(monday.total.free).toBeGreaterThan(0);

    const saturday = await day('2026-12-12');
    expect(saturday).toMatchObject({ open: null, closedReason: null });
    expect(saturday.total.bookable).toBeGreaterThan(0);
    expect([saturday.total.free, ...saturday.floors.map((f) => f.total.free)].every((n) => n === 0)).toBe(true);

    const holiday = await day('2026-12-24');
    expect(holiday).toMatchObject({ open: null, closedReason: 'Heiligabend' });
    expect(holiday.total.free).toBe(0);
  });

  it('validates its input', async () => {
    expect((await reception.get(`/api/buildings/${buildingId}/occupancy`)).status).toBe(400);
    expect((await reception.get(`/api/buildings/${buildingId}/occupancy?date=2026-13-01`)).status).toBe(400);
    expect(
      (await reception.get(`/api/buildings/00000000-0000-4000-8000-000000000000/occupancy?date=2026-12-07`)).body.code,
    ).toBe('BUILDING_NOT_FOUND');
  });
});
