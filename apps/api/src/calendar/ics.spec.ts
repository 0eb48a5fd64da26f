import { type CalendarBooking, feedIcs, inviteFilename, inviteIcs } from './ics';

const booking: CalendarBooking = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  spaceKind: 'room',
  spaceLabel: 'Besprechung Main',
  floorName: 'Erdgeschoss',
  buildingName: 'Rathaus Musterstadt',
  timeZone: 'Europe/Berlin',
  start: new Date('2027-03-29T07:00:00Z'),
  end: new Date('2027-03-29T08:30:00Z'),
  status: 'confirmed',
  sequence: 3,
  createdAt: new Date('2027-03-22T08:00:00Z'),
  booker: { email: 'employee@example.com', displayName: 'Erika Mustermann' },
};
const NOW = new Date('2027-03-22T08:00:00Z');

function inProcessTimeZone<T>(tz: string, run: () => T): T {
  const saved = process.env['TZ'];
  process.env['TZ'] = tz;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
}

describe('iCalendar files', () => {
  it('names invite files in plain ASCII', () => {
    expect(inviteFilename('0.12', '2027-03-23')).toBe('flexdesk-0.12-2027-03-23.ics');
    expect(inviteFilename('Büro Groß / Süd', '2027-03-23')).toBe('flexdesk-Buro-Gross-Sud-2027-03-23.ics');
    expect(inviteFilename('"; rm', '2027-03-23')).toBe('flexdesk-rm-2027-03-23.ics');
  });

  it('writes wall-clock times of the building, whatever the server time zone', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      const ics = inProcessTimeZone(tz, () => inviteIcs(booking, 'en', NOW));
      expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270329T090000\r\n');
      expect(ics).toContain('DTEND;TZID=Europe/Berlin:20270329T103000\r\n');
    }
  });

  it('marks rooms as busy time and follows the booking through cancellation', () => {
    const active = inviteIcs(booking, 'de', NOW);
    expect(active).toContain('METHOD:REQUEST\r\n');
    expect(active).toContain('SUMMARY:Raum Besprechung Main – Rathaus Musterstadt\r\n');
    expect(active).toContain('TRANSP:OPAQUE\r\n');
    expect(active).toContain('SEQUENCE:3\r\n');
    const released = inviteIcs({ ...booking, status: 'released', sequence: 4 }, 'de', NOW);
    expect(released).toContain('METHOD:CANCEL\r\n');
    expect(released).toContain('STATUS:CANCELLED\r\n');
    expect(released).toContain('SEQUENCE:4\r\n');
  });

  it('writes an empty feed as a valid calendar', () => {
    const ics = feedIcs([], 'de', NOW);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*METHOD:PUBLISH\r\n[\s\S]*END:VCALENDAR$/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
