import type { AvailabilityBooking, BookingPolicy, Building } from '@flexdesk/shared-contracts';
import { dateOptions, defaultCustomRange, namedSlotChoices, timeOptions } from './booking-options';

const policy = (horizonDays: number): BookingPolicy => ({
  horizonDays,
  allowedSlots: ['day', 'am', 'pm'],
  maxPerDay: 1,
  slotStepMinutes: 15,
  minDurationMinutes: 30,
  maxDurationMinutes: 600,
  checkInRequired: false,
  checkInGraceMinutes: 30,
  cancellationCutoffMinutes: 0,
});

const weekdays: Building['openingHours'] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as 1 | 2 | 3 | 4 | 5,
  open: '07:00',
  close: '19:00',
}));

describe('dateOptions', () => {
  it('lists today up to the desk horizon, marking closures and closed weekdays', () => {
    const building = {
      policies: { desk: policy(5), room: policy(30), parking: policy(2) },
      closures: [{ date: '2026-05-01', reason: 'Tag der Arbeit' }],
      openingHours: weekdays,
    };
    // 2026-04-30 is a Thursday.
    expect(dateOptions(building, '2026-04-30')).toEqual([
      { date: '2026-04-30', closed: false, reason: null },
      { date: '2026-05-01', closed: true, reason: 'Tag der Arbeit' },
      { date: '2026-05-02', closed: true, reason: null },
      { date: '2026-05-03', closed: true, reason: null },
      { date: '2026-05-04', closed: false, reason: null },
      { date: '2026-05-05', closed: false, reason: null },
    ]);
  });
});

describe('namedSlotChoices', () => {
  const open = { start: '2026-05-04T07:00:00+02:00', end: '2026-05-04T19:00:00+02:00' };
  const base = {
    allowed: ['day', 'am', 'pm'] as const,
    open,
    date: '2026-05-04',
    midday: '12:00',
    timeZone: 'Europe/Berlin',
    bookings: [] as AvailabilityBooking[],
    now: new Date('2026-05-03T12:00:00Z'),
  };
  const summary = (choices: ReturnType<typeof namedSlotChoices>) =>
    choices.map((c) => `${c.slot}${c.taken ? ':taken' : ''}${c.past ? ':past' : ''}`);

  it("splits the day at the building's midday, in its time zone", () => {
    const [day, am, pm] = namedSlotChoices({ ...base, allowed: [...base.allowed] });
    expect(day.window).toEqual({ start: new Date('2026-05-04T05:00:00Z'), end: new Date('2026-05-04T17:00:00Z') });
    expect(am.window).toEqual({ start: new Date('2026-05-04T05:00:00Z'), end: new Date('2026-05-04T10:00:00Z') });
    expect(pm.window).toEqual({ start: new Date('2026-05-04T10:00:00Z'), end: new Date('2026-05-04T17:00:00Z') });
  });

  it('offers only what the policy allows', () => {
    expect(summary(namedSlotChoices({ ...base, allowed: ['day'] }))).toEqual(['day']);
    expect(summary(namedSlotChoices({ ...base, allowed: ['custom'] }))).toEqual([]);
  });

  it('marks slots that overlap an active booking as taken', () => {
    const bookings: AvailabilityBooking[] = [
      {
        start: '2026-05-04T07:00:00+02:00',
        end: '2026-05-04T12:00:00+02:00',
        status: 'confirmed',
        mine: false,
        bookerName: null,
      },
      {
        start: '2026-05-04T12:00:00+02:00',
        end: '2026-05-04T19:00:00+02:00',
        status: 'cancelled',
        mine: false,
        bookerName: null,
      },
    ];
    expect(summary(namedSlotChoices({ ...base, allowed: [...base.allowed], bookings }))).toEqual([
      'day:taken',
      'am:taken',
      'pm',
    ]);
  });

  it('marks slots that are over as past', () => {
    const now = new Date('2026-05-04T11:00:00Z'); // 13:00 in Berlin
    expect(summary(namedSlotChoices({ ...base, allowed: [...base.allowed], now }))).toEqual(['day', 'am:past', 'pm']);
  });

  it('drops a half that lies outside the opening hours', () => {
    const morningOnly = { start: '2026-05-04T07:00:00+02:00', end: '2026-05-04T11:30:00+02:00' };
    expect(summary(namedSlotChoices({ ...base, allowed: [...base.allowed], open: morningOnly }))).toEqual([
      'day',
      'am',
    ]);
  });
});

describe('timeOptions', () => {
  it('lists the step grid within the opening window as wall-clock times', () => {
    const options = timeOptions({
      open: { start: '2026-05-04T07:10:00+02:00', end: '2026-05-04T08:30:00+02:00' },
      date: '2026-05-04',
      timeZone: 'Europe/Berlin',
      stepMinutes: 15,
    });
    expect(options.map((o) => o.time)).toEqual(['07:15', '07:30', '07:45', '08:00', '08:15', '08:30']);
    expect(options[0].instant.toISOString()).toBe('2026-05-04T05:15:00.000Z');
  });

  it('handles a building that closes at midnight', () => {
    const options = timeOptions({
      open: { start: '2026-05-04T23:00:00+02:00', end: '2026-05-05T00:00:00+02:00' },
      date: '2026-05-04',
      timeZone: 'Europe/Berlin',
      stepMinutes: 30,
    });
    expect(options.map((o) => o.time)).toEqual(['23:00', '23:30', '24:00']);
    expect(options[2].instant.toISOString()).toBe('2026-05-04T22:00:00.000Z');
  });

  it('uses the right offset on the day summer time starts', () => {
    const options = timeOptions({
      open: { start: '2026-03-29T08:00:00+02:00', end: '2026-03-29T09:00:00+02:00' },
      date: '2026-03-29',
      timeZone: 'Europe/Berlin',
      stepMinutes: 60,
    });
    expect(options.map((o) => o.instant.toISOString())).toEqual([
      '2026-03-29T06:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
  });
});

describe('defaultCustomRange', () => {
  const options = timeOptions({
    open: { start: '2026-05-04T08:00:00+02:00', end: '2026-05-04T10:00:00+02:00' },
    date: '2026-05-04',
    timeZone: 'Europe/Berlin',
    stepMinutes: 15,
  });

  it('proposes an hour from opening when the day lies ahead', () => {
    expect(defaultCustomRange(options, new Date('2026-05-01T00:00:00Z'), 30)).toEqual({ start: '08:00', end: '09:00' });
  });

  it('starts at the next step from now and respects a longer minimum', () => {
    expect(defaultCustomRange(options, new Date('2026-05-04T06:20:00Z'), 90)).toEqual({ start: '08:30', end: '10:00' });
  });

  it('proposes nothing once the day is over', () => {
    expect(defaultCustomRange(options, new Date('2026-05-04T08:00:00Z'), 30)).toBeNull();
  });
});
