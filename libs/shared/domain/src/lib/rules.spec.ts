import type { BookingPolicy, IsoWeekday } from '@flexdesk/shared-contracts';
import { DEFAULT_POLICIES } from './policy';
import {
  CHECK_IN_EARLY_MINUTES,
  checkBookingRequest,
  checkCancellation,
  checkInWindow,
  effectiveGroupIds,
  isRestrictedFor,
  releaseDeadline,
  type BookingRuleContext,
} from './rules';
import type { BuildingCalendar } from './slots';

const ALL_WEEK: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const calendar = (
  open = '07:00',
  close = '19:00',
  timeZone = 'Europe/Berlin',
): BuildingCalendar => ({
  timeZone,
  openingHours: ALL_WEEK.map((weekday) => ({ weekday, open, close })),
  midday: '12:00',
  closures: [{ date: '2026-06-04', reason: 'Corpus Christi' }],
});

// Monday 2026-06-01, 10:00 in Berlin.
const NOW = new Date('2026-06-01T08:00:00Z');

const ctx = (
  overrides: Partial<BookingRuleContext> = {},
): BookingRuleContext => ({
  now: NOW,
  calendar: calendar(),
  policy: DEFAULT_POLICIES.desk,
  space: {
    bookable: true,
    restrictedToGroupIds: [],
    zoneRestrictedToGroupIds: [],
  },
  bookerGroupIds: ['team-a'],
  isPrivileged: false,
  ...overrides,
});
const roomCtx = (overrides: Partial<BookingRuleContext> = {}) =>
  ctx({ policy: DEFAULT_POLICIES.room, ...overrides });
const policy = (
  overrides: Partial<BookingPolicy>,
  base: BookingPolicy = DEFAULT_POLICIES.room,
): BookingPolicy => ({
  ...base,
  ...overrides,
});
const range = (start: string, end: string) => ({
  start: new Date(start),
  end: new Date(end),
});

describe('checkBookingRequest', () => {
  it('accepts a desk day in the future and returns the resolved slot', () => {
    expect(
      checkBookingRequest(ctx(), { date: '2026-06-02', slot: 'day' }),
    ).toEqual({
      ok: true,
      slot: 'day',
      date: '2026-06-02',
      start: new Date('2026-06-02T05:00:00Z'),
      end: new Date('2026-06-02T17:00:00Z'),
    });
  });

  describe('availability and restrictions', () => {
    it('refuses an unbookable space first', () => {
      const result = checkBookingRequest(
        ctx({
          space: {
            bookable: false,
            restrictedToGroupIds: ['x'],
            zoneRestrictedToGroupIds: [],
          },
        }),
        { date: '2020-01-01', slot: 'day' },
      );
      expect(result).toEqual({ ok: false, code: 'SPACE_UNAVAILABLE' });
    });

    it('refuses a booker outside the space groups', () => {
      const space = {
        bookable: true,
        restrictedToGroupIds: ['team-b'],
        zoneRestrictedToGroupIds: [],
      };
      expect(
        checkBookingRequest(ctx({ space }), {
          date: '2026-06-02',
          slot: 'day',
        }),
      ).toEqual({
        ok: false,
        code: 'ACCESS_RESTRICTED',
      });
    });

    it('refuses a booker outside the zone groups when the space has none', () => {
      const space = {
        bookable: true,
        restrictedToGroupIds: [],
        zoneRestrictedToGroupIds: ['team-b'],
      };
      expect(
        checkBookingRequest(ctx({ space }), {
          date: '2026-06-02',
          slot: 'day',
        }),
      ).toMatchObject({
        code: 'ACCESS_RESTRICTED',
      });
    });

    it('lets the space groups override the zone groups', () => {
      const space = {
        bookable: true,
        restrictedToGroupIds: ['team-a'],
        zoneRestrictedToGroupIds: ['team-b'],
      };
      expect(
        checkBookingRequest(ctx({ space }), {
          date: '2026-06-02',
          slot: 'day',
        }),
      ).toMatchObject({ ok: true });
      const narrower = {
        bookable: true,
        restrictedToGroupIds: ['team-b'],
        zoneRestrictedToGroupIds: ['team-a'],
      };
      expect(
        checkBookingRequest(ctx({ space: narrower }), {
          date: '2026-06-02',
          slot: 'day',
        }),
      ).toMatchObject({
        code: 'ACCESS_RESTRICTED',
      });
    });

    it('accepts a booker sharing one of several groups', () => {
      const space = {
        bookable: true,
        restrictedToGroupIds: [],
        zoneRestrictedToGroupIds: ['team-b', 'team-c'],
      };
      const result = checkBookingRequest(
        ctx({ space, bookerGroupIds: ['team-x', 'team-c'] }),
        {
          date: '2026-06-02',
          slot: 'day',
        },
      );
      expect(result).toMatchObject({ ok: true });
    });

    it('lets privileged users bypass group restrictions, but not other rules', () => {
      const space = {
        bookable: true,
        restrictedToGroupIds: ['team-b'],
        zoneRestrictedToGroupIds: ['team-b'],
      };
      expect(
        checkBookingRequest(
          ctx({ space, bookerGroupIds: [], isPrivileged: true }),
          { date: '2026-06-02', slot: 'day' },
        ),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(ctx({ space, isPrivileged: true }), {
          date: '2026-05-29',
          slot: 'day',
        }),
      ).toMatchObject({ code: 'IN_THE_PAST' });
      expect(
        checkBookingRequest(
          ctx({ space: { ...space, bookable: false }, isPrivileged: true }),
          { date: '2026-06-02', slot: 'day' },
        ),
      ).toMatchObject({ code: 'SPACE_UNAVAILABLE' });
    });
  });

  describe('slots', () => {
    it('refuses a named slot the policy does not allow', () => {
      expect(
        checkBookingRequest(roomCtx(), { date: '2026-06-02', slot: 'day' }),
      ).toEqual({
        ok: false,
        code: 'SLOT_NOT_ALLOWED',
        params: { slot: 'day' },
      });
    });

    it('refuses a custom range unless the policy allows custom', () => {
      expect(
        checkBookingRequest(
          ctx(),
          range('2026-06-02T08:00:00Z', '2026-06-02T09:00:00Z'),
        ),
      ).toMatchObject({
        code: 'SLOT_NOT_ALLOWED',
        params: { slot: 'custom' },
      });
    });

    it('checks allowed slots before the calendar', () => {
      expect(
        checkBookingRequest(roomCtx(), { date: '2026-06-04', slot: 'day' }),
      ).toMatchObject({ code: 'SLOT_NOT_ALLOWED' });
    });

    it('passes on calendar refusals', () => {
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-04', slot: 'day' }),
      ).toEqual({ ok: false, code: 'BUILDING_CLOSED' });
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T04:00:00Z', '2026-06-02T06:00:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'OUTSIDE_OPENING_HOURS',
      });
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T09:00:00Z', '2026-06-02T08:00:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'INVALID_TIME_RANGE',
      });
    });
  });

  describe('the past', () => {
    it('refuses a day that is over', () => {
      expect(
        checkBookingRequest(ctx(), { date: '2026-05-31', slot: 'day' }),
      ).toEqual({ ok: false, code: 'IN_THE_PAST' });
    });

    it("accepts today's running day and keeps its start at opening time", () => {
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-01', slot: 'day' }),
      ).toEqual({
        ok: true,
        slot: 'day',
        date: '2026-06-01',
        start: new Date('2026-06-01T05:00:00Z'),
        end: new Date('2026-06-01T17:00:00Z'),
      });
    });

    it('accepts this afternoon while the morning is running', () => {
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-01', slot: 'am' }),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-01', slot: 'pm' }),
      ).toMatchObject({ ok: true });
    });

    it('refuses this morning once it is over but still accepts the running afternoon', () => {
      const afternoon = new Date('2026-06-01T13:00:00Z');
      expect(
        checkBookingRequest(ctx({ now: afternoon }), {
          date: '2026-06-01',
          slot: 'am',
        }),
      ).toMatchObject({ code: 'IN_THE_PAST' });
      expect(
        checkBookingRequest(ctx({ now: afternoon }), {
          date: '2026-06-01',
          slot: 'pm',
        }),
      ).toMatchObject({
        ok: true,
        start: new Date('2026-06-01T10:00:00Z'),
      });
    });

    it('refuses a booking ending exactly now', () => {
      expect(
        checkBookingRequest(ctx({ now: new Date('2026-06-01T10:00:00Z') }), {
          date: '2026-06-01',
          slot: 'am',
        }),
      ).toMatchObject({
        code: 'IN_THE_PAST',
      });
    });

    it('refuses a custom range that has ended', () => {
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-01T06:00:00Z', '2026-06-01T07:00:00Z'),
        ),
      ).toMatchObject({
        code: 'IN_THE_PAST',
      });
    });
  });

  describe('the horizon', () => {
    it('accepts the last day of the horizon and refuses the day after', () => {
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-15', slot: 'day' }),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(ctx(), { date: '2026-06-16', slot: 'day' }),
      ).toEqual({
        ok: false,
        code: 'OUTSIDE_HORIZON',
        params: { horizonDays: 14 },
      });
    });

    it('counts from the building-local today, not the UTC one', () => {
      // 22:30 UTC on 1 June is already 00:30 on 2 June in Berlin.
      const lateNow = new Date('2026-06-01T22:30:00Z');
      expect(
        checkBookingRequest(ctx({ now: lateNow }), {
          date: '2026-06-16',
          slot: 'day',
        }),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(ctx({ now: lateNow }), {
          date: '2026-06-17',
          slot: 'day',
        }),
      ).toMatchObject({
        code: 'OUTSIDE_HORIZON',
      });
    });

    it('allows only today with a horizon of 0', () => {
      const c = ctx({
        policy: policy({ horizonDays: 0 }, DEFAULT_POLICIES.desk),
      });
      expect(
        checkBookingRequest(c, { date: '2026-06-01', slot: 'pm' }),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(c, { date: '2026-06-02', slot: 'am' }),
      ).toMatchObject({
        code: 'OUTSIDE_HORIZON',
        params: { horizonDays: 0 },
      });
    });

    it("uses the custom range's local date", () => {
      // 15 June 23:30 UTC is 16 June 01:30 in Berlin: past the horizon.
      const allDay = ctx({
        calendar: calendar('00:00', '24:00'),
        policy: DEFAULT_POLICIES.room,
      });
      expect(
        checkBookingRequest(
          allDay,
          range('2026-06-15T23:30:00Z', '2026-06-16T00:00:00Z'),
        ),
      ).toMatchObject({
        code: 'OUTSIDE_HORIZON',
      });
      expect(
        checkBookingRequest(
          allDay,
          range('2026-06-15T21:30:00Z', '2026-06-15T22:00:00Z'),
        ),
      ).toMatchObject({
        ok: true,
        date: '2026-06-15',
      });
    });
  });

  describe('custom ranges', () => {
    it('accepts a room booking on the step', () => {
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T08:15:00Z', '2026-06-02T09:00:00Z'),
        ),
      ).toEqual({
        ok: true,
        slot: 'custom',
        date: '2026-06-02',
        start: new Date('2026-06-02T08:15:00Z'),
        end: new Date('2026-06-02T09:00:00Z'),
      });
    });

    it('accepts 00:30–01:30 Berlin, which begins on the previous day in UTC', () => {
      const c = roomCtx({ calendar: calendar('00:00', '24:00') });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-09T22:30:00Z', '2026-06-09T23:30:00Z'),
        ),
      ).toMatchObject({
        ok: true,
        date: '2026-06-10',
      });
    });

    it('refuses a range crossing local midnight', () => {
      const c = roomCtx({ calendar: calendar('00:00', '24:00') });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-10T21:30:00Z', '2026-06-10T22:30:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'OUTSIDE_OPENING_HOURS',
      });
    });

    it('refuses start or end off the step', () => {
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T08:10:00Z', '2026-06-02T09:00:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'TIME_STEP_MISMATCH',
        params: { slotStepMinutes: 15 },
      });
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T08:00:00Z', '2026-06-02T09:05:00Z'),
        ),
      ).toMatchObject({
        code: 'TIME_STEP_MISMATCH',
      });
    });

    it('refuses seconds off the step', () => {
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T08:00:30Z', '2026-06-02T09:00:00Z'),
        ),
      ).toMatchObject({
        code: 'TIME_STEP_MISMATCH',
      });
    });

    it('checks the step on the local wall clock', () => {
      // Kathmandu is UTC+05:45: 10:00–11:00 local is 04:15–05:15 UTC.
      const c = roomCtx({
        calendar: calendar('07:00', '19:00', 'Asia/Kathmandu'),
        policy: policy({ slotStepMinutes: 60 }),
      });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T04:15:00Z', '2026-06-02T05:15:00Z'),
        ),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T04:00:00Z', '2026-06-02T05:00:00Z'),
        ),
      ).toMatchObject({
        code: 'TIME_STEP_MISMATCH',
      });
    });

    it('checks the step before the duration', () => {
      expect(
        checkBookingRequest(
          roomCtx(),
          range('2026-06-02T08:00:00Z', '2026-06-02T08:05:00Z'),
        ),
      ).toMatchObject({
        code: 'TIME_STEP_MISMATCH',
      });
    });

    it('accepts the minimum and maximum durations exactly', () => {
      const c = roomCtx({
        policy: policy({ minDurationMinutes: 30, maxDurationMinutes: 120 }),
      });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T08:00:00Z', '2026-06-02T08:30:00Z'),
        ),
      ).toMatchObject({ ok: true });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T08:00:00Z', '2026-06-02T10:00:00Z'),
        ),
      ).toMatchObject({ ok: true });
    });

    it('refuses a range shorter than the minimum', () => {
      const c = roomCtx({ policy: policy({ minDurationMinutes: 30 }) });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T08:00:00Z', '2026-06-02T08:15:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'DURATION_TOO_SHORT',
        params: { minDurationMinutes: 30 },
      });
    });

    it('refuses a range longer than the maximum', () => {
      const c = roomCtx({ policy: policy({ maxDurationMinutes: 120 }) });
      expect(
        checkBookingRequest(
          c,
          range('2026-06-02T08:00:00Z', '2026-06-02T10:15:00Z'),
        ),
      ).toEqual({
        ok: false,
        code: 'DURATION_TOO_LONG',
        params: { maxDurationMinutes: 120 },
      });
    });

    it('measures duration in elapsed time across a DST change', () => {
      // 01:00–04:00 Berlin wall clock on the spring-forward day is only 2 h.
      const c = roomCtx({
        calendar: calendar('00:00', '24:00'),
        now: new Date('2026-03-28T12:00:00Z'),
        policy: policy({ maxDurationMinutes: 120 }),
      });
      expect(
        checkBookingRequest(
          c,
          range('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z'),
        ),
      ).toMatchObject({
        ok: true,
        date: '2026-03-29',
      });
    });
  });

  it('exempts named slots from min/max duration', () => {
    const c = ctx({
      policy: policy(
        { minDurationMinutes: 600, maxDurationMinutes: 60 },
        DEFAULT_POLICIES.desk,
      ),
    });
    expect(
      checkBookingRequest(c, { date: '2026-06-02', slot: 'am' }),
    ).toMatchObject({ ok: true });
    expect(
      checkBookingRequest(c, { date: '2026-06-02', slot: 'day' }),
    ).toMatchObject({ ok: true });
  });

  it('resolves a DST day booking at opening time', () => {
    const c = ctx({
      calendar: calendar('00:00', '24:00'),
      now: new Date('2026-03-20T12:00:00Z'),
    });
    expect(checkBookingRequest(c, { date: '2026-03-29', slot: 'day' })).toEqual(
      {
        ok: true,
        slot: 'day',
        date: '2026-03-29',
        start: new Date('2026-03-28T23:00:00Z'),
        end: new Date('2026-03-29T22:00:00Z'),
      },
    );
  });
});

describe('effectiveGroupIds / isRestrictedFor', () => {
  it('prefers the space groups over the zone groups', () => {
    expect(
      effectiveGroupIds({
        restrictedToGroupIds: ['s'],
        zoneRestrictedToGroupIds: ['z'],
      }),
    ).toEqual(['s']);
    expect(
      effectiveGroupIds({
        restrictedToGroupIds: [],
        zoneRestrictedToGroupIds: ['z'],
      }),
    ).toEqual(['z']);
  });

  it('restricts nobody when no groups are set', () => {
    expect(
      isRestrictedFor(
        { restrictedToGroupIds: [], zoneRestrictedToGroupIds: [] },
        [],
        false,
      ),
    ).toBe(false);
  });

  it('restricts outsiders but not members or privileged users', () => {
    const access = {
      restrictedToGroupIds: [],
      zoneRestrictedToGroupIds: ['z'],
    };
    expect(isRestrictedFor(access, ['a'], false)).toBe(true);
    expect(isRestrictedFor(access, ['a', 'z'], false)).toBe(false);
    expect(isRestrictedFor(access, [], true)).toBe(false);
  });
});

describe('checkCancellation', () => {
  const start = new Date('2026-06-02T08:00:00Z');

  it('allows cancelling at any time with no cutoff, even after the start', () => {
    const p = policy({ cancellationCutoffMinutes: 0 });
    expect(
      checkCancellation(new Date('2026-06-02T07:59:00Z'), p, start),
    ).toBeNull();
    expect(
      checkCancellation(new Date('2026-06-02T09:00:00Z'), p, start),
    ).toBeNull();
  });

  it('allows cancelling up to and including the cutoff and refuses after it', () => {
    const p = policy({ cancellationCutoffMinutes: 60 });
    expect(
      checkCancellation(new Date('2026-06-02T06:59:59Z'), p, start),
    ).toBeNull();
    expect(
      checkCancellation(new Date('2026-06-02T07:00:00Z'), p, start),
    ).toBeNull();
    expect(checkCancellation(new Date('2026-06-02T07:00:01Z'), p, start)).toBe(
      'CANCELLATION_CUTOFF_PASSED',
    );
    expect(checkCancellation(new Date('2026-06-02T09:00:00Z'), p, start)).toBe(
      'CANCELLATION_CUTOFF_PASSED',
    );
  });
});

describe('checkInWindow', () => {
  const start = new Date('2026-06-02T08:00:00Z');
  const end = new Date('2026-06-02T10:00:00Z');
  const at = (t: string) => new Date(`2026-06-02T${t}Z`);

  it('opens 30 minutes before the start', () => {
    expect(CHECK_IN_EARLY_MINUTES).toBe(30);
    const p = policy({ checkInRequired: true, checkInGraceMinutes: 15 });
    expect(checkInWindow(at('07:29:59'), p, start, end)).toBe(
      'CHECK_IN_TOO_EARLY',
    );
    expect(checkInWindow(at('07:30:00'), p, start, end)).toBeNull();
  });

  it('closes at start + grace when check-in is required', () => {
    const p = policy({ checkInRequired: true, checkInGraceMinutes: 15 });
    expect(checkInWindow(at('08:15:00'), p, start, end)).toBeNull();
    expect(checkInWindow(at('08:15:01'), p, start, end)).toBe(
      'CHECK_IN_TOO_LATE',
    );
  });

  it('closes at the end when check-in is optional', () => {
    const p = policy({ checkInRequired: false, checkInGraceMinutes: 15 });
    expect(checkInWindow(at('09:00:00'), p, start, end)).toBeNull();
    expect(checkInWindow(at('10:00:00'), p, start, end)).toBeNull();
    expect(checkInWindow(at('10:00:01'), p, start, end)).toBe(
      'CHECK_IN_TOO_LATE',
    );
    expect(checkInWindow(at('07:00:00'), p, start, end)).toBe(
      'CHECK_IN_TOO_EARLY',
    );
  });

  it('closes exactly at the start with zero grace', () => {
    const p = policy({ checkInRequired: true, checkInGraceMinutes: 0 });
    expect(checkInWindow(start, p, start, end)).toBeNull();
    expect(checkInWindow(at('08:00:01'), p, start, end)).toBe(
      'CHECK_IN_TOO_LATE',
    );
  });
});

describe('releaseDeadline', () => {
  const start = new Date('2026-06-02T08:00:00Z');

  it('is start + grace when check-in is required', () => {
    expect(
      releaseDeadline(
        policy({ checkInRequired: true, checkInGraceMinutes: 15 }),
        start,
      ),
    ).toEqual(new Date('2026-06-02T08:15:00Z'));
  });

  it('is null when check-in is optional', () => {
    expect(
      releaseDeadline(policy({ checkInRequired: false }), start),
    ).toBeNull();
  });
});
