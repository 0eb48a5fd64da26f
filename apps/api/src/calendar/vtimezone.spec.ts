import { vtimezone, zoneTransitions } from './vtimezone';

const year = (y: number) => [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31, 12))] as const;

/** The observances of a VTIMEZONE as `KIND DTSTART FROM TO`, one string each. */
function observances(ics: string): string[] {
  return [...ics.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\w+)\r\nTZOFFSETFROM:([+-]\d{4})\r\nTZOFFSETTO:([+-]\d{4})/g)].map(
    (m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`,
  );
}

describe('VTIMEZONE generator', () => {
  it('finds the EU transitions of Europe/Berlin in 2026 (last Sundays of March and October, 01:00 UTC)', () => {
    const inYear = zoneTransitions('Europe/Berlin', ...year(2026)).filter((t) => t.at.getUTCFullYear() === 2026);
    expect(inYear).toEqual([
      { at: new Date('2026-03-29T01:00:00Z'), offsetFrom: 60, offsetTo: 120, kind: 'DAYLIGHT' },
      { at: new Date('2026-10-25T01:00:00Z'), offsetFrom: 120, offsetTo: 60, kind: 'STANDARD' },
    ]);
  });

  it('writes observances in local time before each change, led by the one in force on 1 January', () => {
    const ics = vtimezone('Europe/Berlin', ...year(2026)) ?? '';
    expect(ics.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n')).toBe(true);
    expect(ics.endsWith('END:VTIMEZONE')).toBe(true);
    expect(observances(ics)).toEqual([
      'STANDARD 20251026T030000 +0200 +0100',
      'DAYLIGHT 20260329T020000 +0100 +0200',
      'STANDARD 20261025T030000 +0200 +0100',
    ]);
  });

  it('covers every year of a range that crosses New Year', () => {
    const ics = vtimezone('Europe/London', new Date('2026-12-20T00:00:00Z'), new Date('2027-04-01T00:00:00Z')) ?? '';
    expect(observances(ics)).toEqual([
      'STANDARD 20251026T020000 +0100 +0000',
      'DAYLIGHT 20260329T010000 +0000 +0100',
      'STANDARD 20261025T020000 +0100 +0000',
      'DAYLIGHT 20270328T010000 +0000 +0100',
      'STANDARD 20271031T020000 +0100 +0000',
    ]);
  });

  it('gives a zone without daylight saving time a single STANDARD component', () => {
    const ics = vtimezone('Asia/Tokyo', ...year(2026)) ?? '';
    expect(observances(ics)).toEqual(['STANDARD 19700101T000000 +0900 +0900']);
    expect(ics.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toHaveLength(1);
    expect(observances(vtimezone('Asia/Kolkata', ...year(2026)) ?? '')).toEqual(['STANDARD 19700101T000000 +0530 +0530']);
  });

  it('labels southern-hemisphere summer time as DAYLIGHT', () => {
    const inYear = zoneTransitions('Australia/Sydney', ...year(2026)).filter((t) => t.at.getUTCFullYear() === 2026);
    expect(inYear.map((t) => [t.kind, t.offsetTo])).toEqual([
      ['STANDARD', 600],
      ['DAYLIGHT', 660],
    ]);
  });

  it('finds changes that happen on the half hour', () => {
    // Lord Howe Island shifts by 30 minutes, at 02:00 local time.
    const inYear = zoneTransitions('Australia/Lord_Howe', ...year(2026)).filter((t) => t.at.getUTCFullYear() === 2026);
    expect(inYear.map((t) => [t.at.toISOString(), t.offsetFrom, t.offsetTo])).toEqual([
      ['2026-04-04T15:00:00.000Z', 660, 630],
      ['2026-10-03T15:30:00.000Z', 630, 660],
    ]);
  });

  it('returns null for an unknown zone', () => {
    expect(vtimezone('Mars/Olympus_Mons', ...year(2026))).toBeNull();
  });
});
